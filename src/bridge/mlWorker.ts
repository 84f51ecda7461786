// Lazily created Comlink remote for the ML worker. Cancelling a job terminates the worker; the next
// call starts a fresh one.

import { wrap, type Remote } from 'comlink';
import type { MlWorkerApi } from '../contracts/ml';

let worker: Worker | null = null;
let remote: Remote<MlWorkerApi> | null = null;
let failure: Promise<never> | null = null;

/** The ML worker, started on first use. */
export function mlWorker(): Remote<MlWorkerApi> {
  if (!remote) {
    const started = new Worker(new URL('../../workers/ml.worker.ts', import.meta.url), { type: 'module', name: 'ml' });
    // A worker that dies (out of memory, say) never answers: this promise turns that into an error.
    failure = new Promise<never>((_, reject) => {
      const fail = () => reject(new Error('The analysis worker stopped (perhaps out of memory). Try fewer features.'));
      started.addEventListener('error', fail);
      started.addEventListener('messageerror', fail);
    });
    failure.catch(() => undefined);
    worker = started;
    remote = wrap<MlWorkerApi>(started);
  }
  return remote;
}

/** Rejects if the current ML worker crashes (never settles otherwise). */
export function mlWorkerFailure(): Promise<never> {
  return failure ?? new Promise<never>(() => undefined);
}

/** Stops whatever the ML worker is doing. */
export function cancelMlWorker(): void {
  worker?.terminate();
  worker = null;
  remote = null;
  failure = null;
}
