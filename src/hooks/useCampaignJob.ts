// UI state of the campaign optimisation: progress, cancel, errors and the last result survive navigation.

import type { CampaignProgress } from '../analytics/campaigns/optimizeCampaigns';
import { optimizeOpenWorkspace, type CampaignRequest, type CampaignRun } from '../data/campaigns/campaignWorkspace';
import { createWorkerJobStore } from './createWorkerJobStore';

export { campaignInputsKey } from '../data/campaigns/campaignWorkspace';
export { defaultCampaignRange } from '../data/campaigns/readCampaignInput';

export const useCampaignJob = createWorkerJobStore<CampaignRequest, CampaignProgress, CampaignRun>(
  optimizeOpenWorkspace,
  'Campaign optimisation cancelled.',
);
