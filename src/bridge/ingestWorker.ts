// Lazily created Comlink remote for the ingest worker. Cancelling a job terminates the worker; the
// next call starts a fresh one.

import { wrap, type Remote } from 'comlink';
import type { IngestWorkerApi } from '../contracts/ingest';

let worker: Worker | null = null;
let remote: Remote<IngestWorkerApi> | null = null;

/** The ingest worker, started on first use. */
export function ingestWorker(): Remote<IngestWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/ingest.worker.ts', import.meta.url), { type: 'module', name: 'ingest' });
    remote = wrap<IngestWorkerApi>(worker);
  }
  return remote;
}

/** Stops whatever the ingest worker is doing. */
export function cancelIngestWorker(): void {
  worker?.terminate();
  worker = null;
  remote = null;
}
