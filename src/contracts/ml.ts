// The whole conversation with the ML worker, as types: k-means segmentation (and, later, the
// prediction models) run there so the page never computes them on the main thread.

import type {
  SegmentationInput,
  SegmentationProgress,
  SegmentationResult,
} from '../analytics/segmentation/segmentCustomers';

export type { SegmentationInput, SegmentationProgress, SegmentationResult };

export interface MlWorkerApi {
  /** Segments customers (see segmentCustomers); typed arrays go both ways by transfer. */
  segment(input: SegmentationInput, onProgress?: (p: SegmentationProgress) => void): Promise<SegmentationResult>;
}
