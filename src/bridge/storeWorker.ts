// Lazily created Comlink remote for the store worker.

import { wrap, type Remote } from 'comlink';
import type { StoreWorkerApi } from '../contracts/store';

let remote: Remote<StoreWorkerApi> | null = null;

/** The store worker, started on first use. */
export function storeWorker(): Remote<StoreWorkerApi> {
  remote ??= wrap<StoreWorkerApi>(
    new Worker(new URL('../../workers/store.worker.ts', import.meta.url), { type: 'module', name: 'store' }),
  );
  return remote;
}
