import { expose } from 'comlink';
import { ingestApi } from './ingest.api';

expose(ingestApi);
