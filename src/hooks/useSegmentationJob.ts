// UI state of the running segmentation: progress, cancel and errors survive navigation.

import type { SegmentationProgress } from '../analytics/segmentation/segmentCustomers';
import { segmentOpenWorkspace, type SegmentRequest } from '../data/segmentation/segmentWorkspace';
import { createWorkerJobStore } from './createWorkerJobStore';

export const useSegmentationJob = createWorkerJobStore<SegmentRequest, SegmentationProgress>(
  segmentOpenWorkspace,
  'Segmentation cancelled: the previous segments are kept.',
);
