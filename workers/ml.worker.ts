import { expose } from 'comlink';
import { mlApi } from './ml.api';

expose(mlApi);
