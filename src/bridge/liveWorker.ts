// Lazily created Comlink remote for the live worker.

import { wrap, type Remote } from 'comlink';
import type { LiveWorkerApi } from '../contracts/live';

let remote: Remote<LiveWorkerApi> | null = null;

/** The live worker, started on first use. */
export function liveWorker(): Remote<LiveWorkerApi> {
  remote ??= wrap<LiveWorkerApi>(
    new Worker(new URL('../../workers/live.worker.ts', import.meta.url), { type: 'module', name: 'live' }),
  );
  return remote;
}
