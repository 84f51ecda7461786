import { expose } from 'comlink';
import { liveApi } from './live.api';

expose(liveApi);
