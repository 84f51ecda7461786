// React hooks over the campaign tables: the data's date range, metrics tables, daily series, data
// checks, a response curve's observed points and the decision log's outcomes, all read from DuckDB.

import { useMutation, useQuery } from '@tanstack/react-query';
import type { CampaignDecision } from '../analytics/campaigns/decisionLog';
import {
  mismatchRowsSql,
  readCampaignDataChecks,
  readCampaignMetrics,
  readCurvePoints,
  readDailyTotals,
  readPerformanceRange,
  type CampaignGrouping,
  type DateRange,
} from '../data/campaigns/campaignQueries';
import { logDecision, readDecisionOutcomes, removeDecision } from '../data/campaigns/campaignWorkspace';
import { openWorkspace, queryToCsv } from '../data/workspace';
import { refreshWorkspace } from './queryClient';

const read = async () => (await openWorkspace()).duck.read;

/** The first and last day of performance data (null without any). */
export function usePerformanceRange(importsKey: string) {
  return useQuery({
    queryKey: ['campaign-range', importsKey],
    queryFn: async () => readPerformanceRange(await read()),
  });
}

/** The metrics table for a range and grouping. */
export function useCampaignMetrics(range: DateRange | null, grouping: CampaignGrouping, importsKey: string) {
  return useQuery({
    queryKey: ['campaign-metrics', range, grouping, importsKey],
    enabled: range !== null,
    queryFn: async () => {
      const started = performance.now();
      const table = await readCampaignMetrics(await read(), range!, grouping);
      performance.measure(`lantern:campaign-metrics:${grouping}`, { start: started, end: performance.now() });
      return table;
    },
  });
}

/** Daily totals of one campaign (or all) over the range. */
export function useDailyTotals(range: DateRange | null, campaignId: string | null, importsKey: string) {
  return useQuery({
    queryKey: ['campaign-daily', range, campaignId, importsKey],
    enabled: range !== null,
    queryFn: async () => readDailyTotals(await read(), range!, campaignId),
  });
}

/** Unknown campaigns, campaigns without rows and rows whose own ratios disagree. */
export function useCampaignChecks(importsKey: string) {
  return useQuery({
    queryKey: ['campaign-checks', importsKey],
    queryFn: async () => readCampaignDataChecks(await read()),
  });
}

/** The observed daily points behind a campaign's response curve. */
export function useCurvePoints(campaignId: string | null, range: DateRange | null, importsKey: string) {
  return useQuery({
    queryKey: ['campaign-curve-points', campaignId, range, importsKey],
    enabled: campaignId !== null && range !== null,
    queryFn: async () => readCurvePoints(await read(), campaignId!, range!),
  });
}

/** Each logged decision with its predicted and realised effect. */
export function useDecisionOutcomes(decisions: readonly CampaignDecision[], baselineDays: number, importsKey: string) {
  return useQuery({
    queryKey: ['campaign-decisions', decisions.map((d) => d.id), baselineDays, importsKey],
    queryFn: () => readDecisionOutcomes(decisions, baselineDays),
  });
}

/** Adds or removes a decision in the log. */
export function useDecisionLog() {
  const add = useMutation({ mutationFn: logDecision, onSuccess: refreshWorkspace });
  const remove = useMutation({ mutationFn: removeDecision, onSuccess: refreshWorkspace });
  return { add, remove };
}

/** The rows whose own CTR/CPC/ROAS disagreed, with the file's and Lantern's values, as CSV. */
export async function mismatchRowsCsv(): Promise<Blob> {
  return queryToCsv(await openWorkspace().then((w) => w.duck), mismatchRowsSql(), 'ratio-mismatches.csv');
}
