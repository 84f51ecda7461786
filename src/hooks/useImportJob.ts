// UI state of the running import (Zustand): progress, cancel and the last result, shared by the
// Data page and the "Try the demo" buttons so a job survives navigation. The last job's files stay
// at hand (until the session changes) so its skipped rows can be imported anyway.

import { useCallback } from 'react';
import { create } from 'zustand';
import {
  ReplaceDeclined,
  type FileImportReport,
  type FileToImport,
  type ImportProgress,
  type TableShrink,
} from '../data/ingestion/importFiles';
import { loadDemo, newImportId, runImport, type ImportOutcome } from '../data/workspace';
import { queryClient } from './queryClient';

type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

interface ImportJobState {
  status: JobStatus;
  label: string;
  progress: ImportProgress | null;
  error: string | null;
  reports: FileImportReport[];
  /** The files of the last job, by their import id (empty for the demo). */
  items: FileToImport[];
  controller: AbortController | null;
  /** A replace that would leave tables far smaller, waiting for the user's answer (the old data stays meanwhile). */
  confirmation: { shrinks: TableShrink[]; answer: (replace: boolean) => void } | null;
  /** What an import job calls to ask that question. */
  askToShrink: (shrinks: TableShrink[]) => Promise<boolean>;
  /** Runs an import job; its reports replace the previous job's. */
  start: (
    label: string,
    job: (onProgress: (p: ImportProgress) => void, signal: AbortSignal) => Promise<ImportOutcome>,
    items?: FileToImport[],
  ) => Promise<void>;
  cancel: () => void;
}

export const useImportJob = create<ImportJobState>((set, get) => ({
  status: 'idle',
  label: '',
  progress: null,
  error: null,
  reports: [],
  items: [],
  controller: null,
  confirmation: null,
  askToShrink: (shrinks) =>
    new Promise<boolean>((resolve) =>
      set({
        confirmation: {
          shrinks,
          answer: (replace) => {
            set({ confirmation: null });
            resolve(replace);
          },
        },
      }),
    ),
  start: async (label, job, items = []) => {
    if (get().status === 'running') return;
    const controller = new AbortController();
    set({ status: 'running', label, progress: null, error: null, reports: [], items, controller });
    try {
      const outcome = await job((progress) => set({ progress }), controller.signal);
      set({ status: 'done', reports: outcome.reports, controller: null });
      await queryClient.invalidateQueries();
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      const declined = error instanceof ReplaceDeclined;
      set({
        status: cancelled || declined ? 'cancelled' : 'failed',
        error: cancelled ? 'Import cancelled: nothing was changed.' : (error as Error).message,
        controller: null,
        confirmation: null,
      });
    }
  },
  cancel: () => {
    get().confirmation?.answer(false);
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
      const ask = useImportJob.getState().askToShrink;
      await start(label, (onProgress, signal) => runImport(items, onProgress, signal, ask), items);
      return useImportJob.getState().status === 'done';
    },
    [start],
  );
}

/**
 * For a report of the last job whose file skipped rows already in the table: imports that same file
 * again keeping exactly those rows (the rows its import added count as already there), or null when
 * that is not possible (the file is no longer at hand, or it was imported keeping every row).
 */
export function useImportAnyway(report: FileImportReport): (() => void) | null {
  const start = useImportJob((s) => s.start);
  const item = useImportJob((s) => s.items.find((i) => i.id === report.id));
  const run = useCallback(() => {
    if (!item) return;
    const again: FileToImport = {
      ...item,
      id: newImportId(),
      options: { ...item.options, mode: 'append', keepRepeatedRows: true },
      repeatOf: item.id,
    };
    void start(`Importing ${item.file.name} again`, (onProgress, signal) => runImport([again], onProgress, signal), [
      again,
    ]);
  }, [item, start]);
  const possible =
    item != null &&
    report.kind === 'purchases' &&
    report.alreadyPresent > 0 &&
    item.repeatOf == null &&
    !item.options.keepRepeatedRows;
  return possible ? run : null;
}
