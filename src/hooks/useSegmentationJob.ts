// UI state of the running segmentation (Zustand): progress, cancel and errors survive navigation.

import { create } from 'zustand';
import type { SegmentationProgress } from '../analytics/segmentation/segmentCustomers';
import { segmentOpenWorkspace, type SegmentRequest } from '../data/segmentation/segmentWorkspace';
import { queryClient } from './queryClient';

type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

interface SegmentationJobState {
  status: JobStatus;
  progress: SegmentationProgress | null;
  error: string | null;
  controller: AbortController | null;
  start: (request: SegmentRequest) => Promise<void>;
  cancel: () => void;
}

export const useSegmentationJob = create<SegmentationJobState>((set, get) => ({
  status: 'idle',
  progress: null,
  error: null,
  controller: null,
  start: async (request) => {
    if (get().status === 'running') return;
    const controller = new AbortController();
    set({ status: 'running', progress: null, error: null, controller });
    try {
      await segmentOpenWorkspace(request, (progress) => set({ progress }), controller.signal);
      set({ status: 'done', controller: null });
      await queryClient.invalidateQueries();
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      set({
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? 'Segmentation cancelled: the previous segments are kept.' : (error as Error).message,
        controller: null,
      });
    }
  },
  cancel: () => get().controller?.abort(),
}));
