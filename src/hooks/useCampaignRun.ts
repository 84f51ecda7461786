// The last campaign optimisation for pages that show its results without being the Campaigns page
// (Dashboard, Reports): started with the stored settings over the default range when there is
// performance data and no run yet.

import { useEffect } from 'react';
import { defaultCampaignRange } from '../data/campaigns/readCampaignInput';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { useCampaignJob } from './useCampaignJob';
import { usePerformanceRange } from './useCampaigns';

/** The campaign job's result and status, starting a run when one is needed. */
export function useCampaignRun(manifest: WorkspaceManifest | undefined, hasPerformance: boolean | undefined) {
  const performanceRange = usePerformanceRange(manifest?.imports.map((r) => r.id).join('|') ?? '');
  const run = useCampaignJob((s) => s.result);
  const status = useCampaignJob((s) => s.status);
  const start = useCampaignJob((s) => s.start);
  useEffect(() => {
    const data = performanceRange.data;
    if (!hasPerformance || !manifest || !data || status !== 'idle' || run) return;
    void start({ settings: manifest.campaigns.settings, range: defaultCampaignRange(data) });
  }, [hasPerformance, manifest, performanceRange.data, status, run, start]);
  return { run, status };
}
