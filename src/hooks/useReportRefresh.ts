// Keeps the report history current in the background: a new report once the data, segments, predictions
// or currency change, or the latest is a week old. The Dashboard and the Reports page both use it, so
// the report follows an import without the Reports page being opened.

import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { reportDue } from '../data/reports/reportSnapshot';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { campaignInputsKey } from './useCampaignJob';
import { useCampaignRun } from './useCampaignRun';
import { refreshWorkspace } from './queryClient';

/** The report generation (to run by hand too), started by itself when a report is due. */
export function useReportRefresh(
  manifest: WorkspaceManifest | undefined,
  hasPurchases: boolean | undefined,
  hasPerformance: boolean | undefined,
) {
  const key = manifest ? campaignInputsKey(manifest) : '';
  const { run: campaignRun, status: campaignStatus } = useCampaignRun(manifest, hasPerformance);
  const generate = useMutation({
    // Loaded when a report is due, so the Dashboard's first paint does not wait for the report's code.
    mutationFn: async () =>
      (await import('../data/reports/buildReport')).generateReport(key, campaignRun?.result ?? null),
    onSuccess: refreshWorkspace,
  });
  // Campaign recommendations come from the optimisation on the same data: wait for it, unless it failed.
  const campaignsReady =
    hasPerformance === false ||
    (hasPerformance === true &&
      (campaignRun !== null || campaignStatus === 'failed' || campaignStatus === 'cancelled'));
  const tried = useRef('');
  const { isPending, mutate } = generate;
  useEffect(() => {
    if (!manifest || hasPurchases !== true || !campaignsReady || isPending || tried.current === key) return;
    if (!reportDue(manifest.reports.at(-1), key)) return;
    tried.current = key; // once per change: a failure is shown, not retried in a loop
    mutate();
  }, [manifest, hasPurchases, campaignsReady, isPending, mutate, key]);
  return generate;
}
