import { expose } from 'comlink';
import { storeApi } from './store.api';

expose(storeApi);
