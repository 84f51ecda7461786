// The campaign optimisation for pages that show its results without being the Campaigns page
// (Dashboard, Reports): started with the stored settings over the default range when there is
// performance data and no run on the current data yet.

import { useEffect } from 'react';
import { defaultCampaignRange } from '../data/campaigns/readCampaignInput';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { campaignInputsKey, useCampaignJob } from './useCampaignJob';
import { usePerformanceRange } from './useCampaigns';

/** The campaign job's result on the current data (null until there is one) and its status. */
export function useCampaignRun(manifest: WorkspaceManifest | undefined, hasPerformance: boolean | undefined) {
  const performanceRange = usePerformanceRange(manifest?.imports.map((r) => r.id).join('|') ?? '');
  const run = useCampaignJob((s) => s.result);
  const status = useCampaignJob((s) => s.status);
  const start = useCampaignJob((s) => s.start);
  const current = run && manifest && run.basedOn === campaignInputsKey(manifest) ? run : null;
  useEffect(() => {
    const data = performanceRange.data;
    if (!hasPerformance || !manifest || !data || current) return;
    // A failed or cancelled run is not retried here: the Campaigns page shows why and can run it again.
    if (status === 'running' || status === 'failed' || status === 'cancelled') return;
    void start({ settings: manifest.campaigns.settings, range: defaultCampaignRange(data) });
  }, [hasPerformance, manifest, performanceRange.data, status, current, start]);
  return { run: current, status };
}
