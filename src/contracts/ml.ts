// The whole conversation with the ML worker, as types: k-means segmentation and the prediction models
// run there so the page never computes them on the main thread.

import type {
  SegmentationInput,
  SegmentationProgress,
  SegmentationResult,
} from '../analytics/segmentation/segmentCustomers';
import type { PredictionProgress, PredictionResult } from '../analytics/predictions/predictCustomers';
import type { PredictionInput } from '../analytics/predictions/predictionInput';

export type { SegmentationInput, SegmentationProgress, SegmentationResult };
export type { PredictionInput, PredictionProgress, PredictionResult };

export interface MlWorkerApi {
  /** Segments customers (see segmentCustomers); typed arrays go both ways by transfer. */
  segment(input: SegmentationInput, onProgress?: (p: SegmentationProgress) => void): Promise<SegmentationResult>;
  /** Fits the prediction models and scores every customer (see predictCustomers); typed arrays by transfer. */
  predict(input: PredictionInput, onProgress?: (p: PredictionProgress) => void): Promise<PredictionResult>;
}
