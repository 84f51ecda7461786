// The ML worker's implementation: each method calls a pure function from src/analytics.

import { transfer } from 'comlink';
import type { MlWorkerApi } from '../src/contracts/ml';
import { segmentCustomers } from '../src/analytics/segmentation/segmentCustomers';

export const mlApi = {
  segment: (input, onProgress) => {
    const result = segmentCustomers(input, onProgress);
    const { segmentIds, rfm } = result;
    return Promise.resolve(
      transfer(result, [segmentIds.buffer, rfm.r.buffer, rfm.f.buffer, rfm.m.buffer, rfm.segment.buffer]),
    );
  },
} satisfies MlWorkerApi;
