// UI state of the running import (Zustand): progress, cancel and the last result, shared by the
// Data page and the "Try the demo" buttons so a job survives navigation.

import { useCallback } from 'react';
import { create } from 'zustand';
import type { FileImportReport, ImportProgress } from '../data/ingestion/importFiles';
import type { FileToImport } from '../data/ingestion/importFiles';
import { loadDemo, runImport, type ImportOutcome } from '../data/workspace';
import { queryClient } from './queryClient';

type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

interface ImportJobState {
  status: JobStatus;
  label: string;
  progress: ImportProgress | null;
  error: string | null;
  reports: FileImportReport[];
  controller: AbortController | null;
  /** Runs an import job; its reports replace the previous job's. */
  start: (
    label: string,
    job: (onProgress: (p: ImportProgress) => void, signal: AbortSignal) => Promise<ImportOutcome>,
  ) => Promise<void>;
  cancel: () => void;
}

export const useImportJob = create<ImportJobState>((set, get) => ({
  status: 'idle',
  label: '',
  progress: null,
  error: null,
  reports: [],
  controller: null,
  start: async (label, job) => {
    if (get().status === 'running') return;
    const controller = new AbortController();
    set({ status: 'running', label, progress: null, error: null, reports: [], controller });
    try {
      const outcome = await job((progress) => set({ progress }), controller.signal);
      set({ status: 'done', reports: outcome.reports, controller: null });
      await queryClient.invalidateQueries();
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      set({
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? 'Import cancelled: nothing was changed.' : (error as Error).message,
        controller: null,
      });
    }
  },
  cancel: () => {
    get().controller?.abort();
  },
}));

/** Starts loading the demo workspace (no-op while another import runs). */
export function useTryDemo(): () => void {
  const start = useImportJob((s) => s.start);
  return useCallback(() => void start('Loading the demo', loadDemo), [start]);
}

/** Starts importing mapped files; resolves with whether the import finished. */
export function useRunImport(): (items: FileToImport[]) => Promise<boolean> {
  const start = useImportJob((s) => s.start);
  return useCallback(
    async (items) => {
      const label = `Importing ${items.length} file${items.length === 1 ? '' : 's'}`;
      await start(label, (onProgress, signal) => runImport(items, onProgress, signal));
      return useImportJob.getState().status === 'done';
    },
    [start],
  );
}
