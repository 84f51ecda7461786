// The action ranking's inputs from the dashboard's figures and the last campaign optimisation.

import type { ActionInputs } from '../../analytics/actions/rankActions';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import type { ActionFigures } from './dashboardQueries';

/** The ranking's inputs from the stored figures and the last campaign optimisation. */
export function actionInputs(
  figures: ActionFigures | undefined,
  campaigns: CampaignOptimisationResult | null,
): ActionInputs {
  const allocation = campaigns?.allocation;
  let budget: ActionInputs['budget'] = null;
  if (allocation?.saving != null) budget = { kind: 'saving', perDay: allocation.saving };
  else if (allocation && allocation.outcome === 'revenue') {
    budget = {
      kind: 'revenue',
      perDay: allocation.result.expectedOutcome - allocation.result.currentOutcome,
      low: allocation.interval.low,
      high: allocation.interval.high,
      budget: allocation.totalBudget,
    };
  }
  return { retain: figures?.retain ?? null, vip: figures?.vip ?? null, upsell: figures?.upsell ?? null, budget };
}
