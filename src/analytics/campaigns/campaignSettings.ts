// The user's choices for campaign optimisation, stored with the workspace.

import type { OptimisationGoal } from './bidAdjustment';

export type { OptimisationGoal };

export interface CampaignBoundsOverride {
  /** Daily spend limits in money; undefined = ±boundPct of current spend. */
  min?: number;
  max?: number;
  locked?: boolean;
}

export interface CampaignOptimisationSettings {
  goal: OptimisationGoal;
  /** Days at the end of the range that define "current": spend per day, bids, creatives. */
  recentDays: number;
  /** Default bounds: current spend ± this percentage. */
  boundPct: number;
  /** Total daily budget; null = the current daily total. */
  totalBudget: number | null;
  /** Revenue goal's ROAS target for bids; null = the portfolio's recent ROAS. */
  targetRoas: number | null;
  /** Conversion goals' CPA target for bids; null = the portfolio's recent CPA. */
  targetCpa: number | null;
  overrides: Record<string, CampaignBoundsOverride>;
}

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignOptimisationSettings = {
  goal: 'revenue',
  recentDays: 28,
  boundPct: 30,
  totalBudget: null,
  targetRoas: null,
  targetCpa: null,
  overrides: {},
};

export const GOAL_LABELS: Record<OptimisationGoal, string> = {
  revenue: 'Maximise revenue (ROAS) for the budget',
  cost: 'Minimise cost for the current conversions',
  conversions: 'Maximise conversions for the budget',
};

/** Problems with the settings, as sentences; empty when they can be used. */
export function checkCampaignSettings(s: CampaignOptimisationSettings): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(s.recentDays) || s.recentDays < 7 || s.recentDays > 180)
    problems.push('Recent days must be a whole number from 7 to 180.');
  if (!(s.boundPct >= 0 && s.boundPct <= 500)) problems.push('The default bound must be between 0 % and 500 %.');
  if (s.totalBudget !== null && !(s.totalBudget > 0)) problems.push('The total budget must be above 0.');
  if (s.targetRoas !== null && !(s.targetRoas > 0)) problems.push('The target ROAS must be above 0.');
  if (s.targetCpa !== null && !(s.targetCpa > 0)) problems.push('The target CPA must be above 0.');
  for (const [id, o] of Object.entries(s.overrides)) {
    if (o.min !== undefined && !(o.min >= 0)) problems.push(`${id}: the minimum spend must be 0 or more.`);
    if (o.max !== undefined && !(o.max >= 0)) problems.push(`${id}: the maximum spend must be 0 or more.`);
    if (o.min !== undefined && o.max !== undefined && o.min > o.max)
      problems.push(`${id}: the minimum spend is above the maximum.`);
  }
  return problems;
}
