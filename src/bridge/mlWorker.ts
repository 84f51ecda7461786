// Lazily created Comlink remote for the ML worker. Cancelling a job terminates the worker; the next
// call starts a fresh one.

import { wrap, type Remote } from 'comlink';
import type { MlWorkerApi } from '../contracts/ml';

let worker: Worker | null = null;
let remote: Remote<MlWorkerApi> | null = null;

/** The ML worker, started on first use. */
export function mlWorker(): Remote<MlWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/ml.worker.ts', import.meta.url), { type: 'module', name: 'ml' });
    remote = wrap<MlWorkerApi>(worker);
  }
  return remote;
}

/** Stops whatever the ML worker is doing. */
export function cancelMlWorker(): void {
  worker?.terminate();
  worker = null;
  remote = null;
}
