// React hooks over the Dashboard's reads, keyed by the data they depend on.

import { useQuery } from '@tanstack/react-query';
import {
  readActionFigures,
  readCohortRetention,
  readDashboardKpis,
  readLastPurchaseDay,
  readRevenueSeries,
  type RevenueGrain,
} from '../data/dashboard/dashboardQueries';
import { openWorkspace } from '../data/workspace';

const read = async () => (await openWorkspace()).duck.read;

/** The last purchase day (the default end of the KPI period). */
export function useLastPurchaseDay(key: string) {
  return useQuery({ queryKey: ['last-purchase-day', key], queryFn: async () => readLastPurchaseDay(await read()) });
}

/** The KPIs of the `days` ending on `end`, beside the period before. */
export function useDashboardKpis(end: string | null, days: number, key: string) {
  return useQuery({
    queryKey: ['dashboard-kpis', end, days, key],
    enabled: end !== null,
    queryFn: async () => readDashboardKpis(await read(), end!, days),
  });
}

/** Net revenue per day, week or month. */
export function useRevenueSeries(grain: RevenueGrain, key: string) {
  return useQuery({
    queryKey: ['revenue-series', grain, key],
    queryFn: async () => readRevenueSeries(await read(), grain),
  });
}

/** Monthly cohort retention (the last 12 cohorts, 12 months each). */
export function useCohortRetention(key: string) {
  return useQuery({ queryKey: ['cohort-retention', key], queryFn: async () => readCohortRetention(await read()) });
}

/** The figures behind the action recommendations. */
export function useActionFigures(key: string) {
  return useQuery({ queryKey: ['action-figures', key], queryFn: async () => readActionFigures(await read()) });
}
