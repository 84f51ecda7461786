// The demo's campaign performance as the dense campaign × day grid the optimisation job takes, built
// in plain TypeScript (the app builds the same grid in SQL), for tests that run the job in Node.

import type { CampaignOptimisationInput } from '../../src/analytics/campaigns/optimizeCampaigns';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../src/analytics/campaigns/campaignSettings';
import { generateDemo, type DemoData } from '../../src/data/demo/generateDemo';

const FIELDS = ['impressions', 'clicks', 'conversions', 'cost', 'revenue'] as const;

/** The grid for every day from the first to the last performance row. */
export function demoCampaignGrid(demo: DemoData = generateDemo({ customers: 300 })): CampaignOptimisationInput {
  const first = Date.parse(demo.performance[0]!.date);
  const last = Date.parse(demo.performance.at(-1)!.date);
  const dates: string[] = [];
  for (let t = first; t <= last; t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const campaignIndex = new Map(demo.campaigns.map((c, i) => [c.campaign_id, i]));
  const grid = Object.fromEntries(
    FIELDS.map((f) => [f, new Float64Array(demo.campaigns.length * dates.length)]),
  ) as Record<(typeof FIELDS)[number], Float64Array>;
  for (const row of demo.performance) {
    const k = campaignIndex.get(row.campaign_id)! * dates.length + dayIndex.get(row.date)!;
    for (const f of FIELDS) grid[f][k] = row[f];
  }
  return {
    campaigns: demo.campaigns.map((c) => ({
      id: c.campaign_id,
      name: c.name,
      type: c.type,
      targetSegment: c.target_segment,
    })),
    dates,
    ...grid,
    settings: DEFAULT_CAMPAIGN_SETTINGS,
    segments: null,
  };
}
