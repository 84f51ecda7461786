// The ML worker's implementation: each method calls a pure function from src/analytics.

import { transfer } from 'comlink';
import type { MlWorkerApi } from '../src/contracts/ml';
import { predictCustomers } from '../src/analytics/predictions/predictCustomers';
import { segmentCustomers } from '../src/analytics/segmentation/segmentCustomers';
import { optimizeCampaigns } from '../src/analytics/campaigns/optimizeCampaigns';

export const mlApi = {
  segment: (input, onProgress) => {
    const result = segmentCustomers(input, onProgress);
    const { segmentIds, rfm } = result;
    return Promise.resolve(
      transfer(result, [segmentIds.buffer, rfm.r.buffer, rfm.f.buffer, rfm.m.buffer, rfm.segment.buffer]),
    );
  },
  predict: (input, onProgress) => {
    const result = predictCustomers(input, onProgress);
    const buffers = Object.values(result.predictions).map((column: ArrayBufferView) => column.buffer as ArrayBuffer);
    return Promise.resolve(transfer(result, buffers));
  },
  optimizeCampaigns: (input, onProgress) => Promise.resolve(optimizeCampaigns(input, onProgress)),
} satisfies MlWorkerApi;
