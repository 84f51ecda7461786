// A Zustand store for one kind of background job run from the pages (segmentation, predictions):
// status, progress, cancel and the error, kept across navigation; the query cache refreshes after it,
// and a lock or workspace switch resets it.

import { create } from 'zustand';
import { onSessionChange } from '../data/workspaceSession';
import { queryClient } from './queryClient';
import { recordError } from '../lib/monitor';

export type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface WorkerJobState<Request, Progress, Result = unknown> {
  status: JobStatus;
  /** What the last successful run returned. */
  result: Result | null;
  progress: Progress | null;
  error: string | null;
  controller: AbortController | null;
  start: (request: Request) => Promise<void>;
  cancel: () => void;
}

/** A store that runs `run(request, onProgress, signal)`; a cancelled run ends with `cancelledMessage`. */
export function createWorkerJobStore<Request, Progress, Result = unknown>(
  run: (request: Request, onProgress: (p: Progress) => void, signal: AbortSignal) => Promise<Result>,
  cancelledMessage: string,
) {
  const store = create<WorkerJobState<Request, Progress, Result>>((set, get) => ({
    status: 'idle',
    result: null,
    progress: null,
    error: null,
    controller: null,
    start: async (request) => {
      if (get().status === 'running') return;
      const controller = new AbortController();
      set({ status: 'running', progress: null, error: null, controller });
      try {
        const result = await run(request, (progress) => set({ progress }), controller.signal);
        set({ status: 'done', controller: null, result });
        await queryClient.invalidateQueries();
      } catch (error) {
        const cancelled = error instanceof DOMException && error.name === 'AbortError';
        if (!cancelled) recordError('job', (error as Error).message);
        set({
          status: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? cancelledMessage : (error as Error).message,
          controller: null,
        });
      }
    },
    cancel: () => get().controller?.abort(),
  }));
  // A lock or a switch of workspace ends the job and forgets its result: nothing of the previous
  // workspace may stay in memory or on screen.
  onSessionChange(() => {
    store.getState().controller?.abort();
    store.setState({ status: 'idle', progress: null, error: null, controller: null, result: null });
  });
  return store;
}
