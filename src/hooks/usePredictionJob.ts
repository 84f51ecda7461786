// UI state of the running prediction job: progress, cancel and errors survive navigation.

import type { PredictionProgress } from '../analytics/predictions/predictCustomers';
import type { PredictionSettings } from '../analytics/predictions/predictionSettings';
import { predictOpenWorkspace } from '../data/predictions/predictionWorkspace';
import { createWorkerJobStore } from './createWorkerJobStore';

export const usePredictionJob = createWorkerJobStore<PredictionSettings, PredictionProgress>(
  predictOpenWorkspace,
  'Prediction run cancelled: the previous predictions are kept.',
);
