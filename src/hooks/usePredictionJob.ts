// UI state of the running prediction job: progress, cancel and errors survive navigation.

import type { PredictionProgress } from '../analytics/predictions/predictCustomers';
import type { PredictionSettings } from '../analytics/predictions/predictionSettings';
import { predictOpenWorkspace, type RefitRequest } from '../data/predictions/predictionWorkspace';
import { createWorkerJobStore } from './createWorkerJobStore';

/** A fit the user asked for on the Predictions page, or a refit the model watch proposed or started. */
export interface PredictionRequest {
  settings: PredictionSettings;
  refit?: RefitRequest;
}

export const usePredictionJob = createWorkerJobStore<PredictionRequest, PredictionProgress>(
  (request, onProgress, signal) => predictOpenWorkspace(request.settings, onProgress, signal, request.refit),
  'Prediction run cancelled: the previous predictions are kept.',
);
