// React hooks over the stored predictions: distributions, action lists, one customer's predictions,
// and the exports, all read from DuckDB.

import { useQuery } from '@tanstack/react-query';
import { openWorkspace } from '../data/workspace';
import {
  readActionList,
  readChurnHistogram,
  readCustomerPredictions,
  readLifetimeValueHistogram,
  readPredictionsJson,
  type ActionList,
} from '../data/predictions/predictionQueries';

export { actionListCsv, predictionsCsv, predictionsOutOfDate } from '../data/predictions/predictionWorkspace';
export type { PredictionRun } from '../data/store/workspaceManifest';

const read = async () => (await openWorkspace()).duck.read;

/** The churn-probability and lifetime-value histograms of the stored predictions. */
export function usePredictionDistributions(runAt: string | undefined) {
  return useQuery({
    queryKey: ['prediction-distributions', runAt],
    enabled: runAt !== undefined,
    queryFn: async () => {
      const conn = await read();
      return { churn: await readChurnHistogram(conn), lifetimeValue: await readLifetimeValueHistogram(conn) };
    },
  });
}

/** The first rows of an action list and its size. */
export function useActionList(list: ActionList, limit: number, runAt: string | undefined) {
  return useQuery({
    queryKey: ['action-list', list, limit, runAt],
    enabled: runAt !== undefined,
    queryFn: async () => readActionList(await read(), list, limit),
  });
}

/** One customer's predictions (null without a prediction run). */
export function useCustomerPredictions(customerId: string, runAt: string | undefined) {
  return useQuery({
    queryKey: ['customer-predictions', customerId, runAt],
    enabled: runAt !== undefined,
    queryFn: async () => readCustomerPredictions(await read(), customerId),
  });
}

/** The predictions table as a JSON file. */
export async function predictionsJson(): Promise<Blob> {
  return new Blob([await readPredictionsJson(await read())], { type: 'application/json' });
}
