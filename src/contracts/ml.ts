// The whole conversation with the ML worker, as types: k-means segmentation, the prediction models and
// the campaign optimisation run there so the page never computes them on the main thread.

import type {
  SegmentationInput,
  SegmentationProgress,
  SegmentationResult,
} from '../analytics/segmentation/segmentCustomers';
import type { PredictionProgress, PredictionResult } from '../analytics/predictions/predictCustomers';
import type { PredictionInput } from '../analytics/predictions/predictionInput';

import type {
  CampaignOptimisationInput,
  CampaignOptimisationResult,
  CampaignProgress,
} from '../analytics/campaigns/optimizeCampaigns';

export type { SegmentationInput, SegmentationProgress, SegmentationResult };
export type { CampaignOptimisationInput, CampaignOptimisationResult, CampaignProgress };
export type { PredictionInput, PredictionProgress, PredictionResult };

export interface MlWorkerApi {
  /** Segments customers (see segmentCustomers); typed arrays go both ways by transfer. */
  segment(input: SegmentationInput, onProgress?: (p: SegmentationProgress) => void): Promise<SegmentationResult>;
  /** Fits the prediction models and scores every customer (see predictCustomers); typed arrays by transfer. */
  predict(input: PredictionInput, onProgress?: (p: PredictionProgress) => void): Promise<PredictionResult>;
  /** Campaign curves, reallocation, bids, creative tests, drops and audiences (see optimizeCampaigns). */
  optimizeCampaigns(
    input: CampaignOptimisationInput,
    onProgress?: (p: CampaignProgress) => void,
  ): Promise<CampaignOptimisationResult>;
}
