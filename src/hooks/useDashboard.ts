// React hooks over the Dashboard's reads, keyed by the data they depend on.

import { useQuery } from '@tanstack/react-query';
import { readCohortRetention } from '../data/dashboard/cohortRetention';
import {
  readActionFigures,
  readDashboardKpis,
  readPurchaseSpan,
  readRevenueSeries,
  type RevenueGrain,
} from '../data/dashboard/dashboardQueries';
import type { PeriodChoice } from '../data/dashboard/periods';
import { ensureAllPurchaseNet } from '../data/purchases/purchaseNet';
import { openWorkspace } from '../data/workspace';

/** The read connection, once the net lines the figures read are built (on the write connection). */
const read = async () => {
  const { duck } = await openWorkspace();
  await ensureAllPurchaseNet(duck.write);
  return duck.read;
};

/** The first and last purchase day (the last is the default end of the KPI period). */
export function usePurchaseSpan(key: string) {
  return useQuery({ queryKey: ['purchase-span', key], queryFn: async () => readPurchaseSpan(await read()) });
}

/** The KPIs of the chosen period ending on `end`, beside the period before when the data covers it. */
export function useDashboardKpis(end: string | null, choice: PeriodChoice, key: string) {
  return useQuery({
    queryKey: ['dashboard-kpis', end, choice, key],
    enabled: end !== null,
    queryFn: async () => readDashboardKpis(await read(), end!, choice),
  });
}

/** Net revenue per day, week or month, partial first and last buckets marked. */
export function useRevenueSeries(grain: RevenueGrain, key: string) {
  return useQuery({
    queryKey: ['revenue-series', grain, key],
    queryFn: async () => readRevenueSeries(await read(), grain),
  });
}

/** Monthly cohort retention: every cohort, partial months marked. */
export function useCohortRetention(key: string) {
  return useQuery({ queryKey: ['cohort-retention', key], queryFn: async () => readCohortRetention(await read()) });
}

/** The figures behind the action recommendations. */
export function useActionFigures(key: string) {
  return useQuery({ queryKey: ['action-figures', key], queryFn: async () => readActionFigures(await read()) });
}
