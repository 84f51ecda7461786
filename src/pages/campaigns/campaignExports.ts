// The Campaigns page's downloads, built from what the page already holds: the metrics table, and the
// optimisation (allocation, recommendations, bids, creatives, audiences, drops, curves) as CSV or JSON.

import type { CampaignGrouping, CampaignMetricTable } from '../../data/campaigns/campaignQueries';
import type { CampaignRun } from '../../data/campaigns/campaignWorkspace';
import { toCsvText } from '../../lib/csv';

const METRIC_COLUMNS = [
  'impressions',
  'clicks',
  'conversions',
  'cost',
  'revenue',
  'ctr',
  'cpc',
  'cvr',
  'cpa',
  'roas',
] as const;

/** The metrics table with its total row as CSV. */
export function metricsCsv(table: CampaignMetricTable, grouping: CampaignGrouping): Blob {
  const rows = [...table.rows, table.total].map((r) => [
    r.key,
    r.label,
    r.type,
    r.targetSegment,
    r.days,
    ...METRIC_COLUMNS.map((c) => r[c]),
    r.mismatchRows,
  ]);
  const header = [
    grouping,
    'label',
    'type',
    'target_segment',
    'days',
    ...METRIC_COLUMNS,
    'rows_with_disagreeing_ratios',
  ];
  return new Blob([toCsvText(header, rows)], { type: 'text/csv' });
}

/** The metrics table as JSON. */
export function metricsJson(
  table: CampaignMetricTable,
  grouping: CampaignGrouping,
  range: { from: string; to: string },
): Blob {
  return new Blob([JSON.stringify({ grouping, range, rows: table.rows, total: table.total }, null, 2)], {
    type: 'application/json',
  });
}

/** One row per running campaign: current and recommended spend, the curve and every piece of advice. */
export function optimisationCsv(run: CampaignRun): Blob {
  const { result } = run;
  const allocation = new Map(result.allocation?.result.allocations.map((a) => [a.id, a]) ?? []);
  const bids = new Map(result.bids.map((b) => [b.id, b]));
  const audiences = new Map(result.audiences?.map((a) => [a.id, a]) ?? []);
  const header = [
    'campaign_id',
    'current_spend_per_day',
    'recommended_spend_per_day',
    'change_pct',
    'locked',
    'curve_a',
    'curve_b',
    'curve_r_squared',
    'curve_days',
    'curve_note',
    'budget_reason',
    'bid_action',
    'bid_change_pct',
    'target_cpc',
    'bid_reason',
    'creative_flags',
    'audience_target',
    'audience_exclude',
  ];
  const rows = result.states
    .filter((s) => s.active)
    .map((s) => {
      const a = allocation.get(s.id);
      const b = bids.get(s.id);
      const au = audiences.get(s.id);
      return [
        s.id,
        s.currentSpend,
        a?.recommended ?? null,
        a?.changePct ?? null,
        s.locked,
        s.curve.ok ? s.curve.a : null,
        s.curve.ok ? s.curve.b : null,
        s.curve.ok ? s.curve.rSquared : null,
        s.curve.days,
        s.curve.ok ? '' : s.curve.reason,
        a?.reason ?? '',
        b?.action ?? '',
        b?.changePct ?? null,
        b?.targetCpc ?? null,
        b?.reason ?? '',
        result.creatives
          .filter((c) => c.id === s.id && c.flagged)
          .map((c) => c.reason)
          .join(' '),
        au?.target.map((t) => t.segment).join('; ') ?? '',
        au?.exclude.map((t) => t.segment).join('; ') ?? '',
      ];
    });
  return new Blob([toCsvText(header, rows)], { type: 'text/csv' });
}

/** The recommendation list as CSV. */
export function recommendationsCsv(run: CampaignRun): Blob {
  const rows = run.result.recommendations.map((r) => [r.kind, r.campaignId, r.text]);
  return new Blob([toCsvText(['kind', 'campaign_id', 'recommendation'], rows)], { type: 'text/csv' });
}

/** Everything the optimisation computed, with its settings and range, as JSON. */
export function optimisationJson(run: CampaignRun): Blob {
  return new Blob(
    [JSON.stringify({ settings: run.request.settings, requestedRange: run.request.range, ...run.result }, null, 2)],
    {
      type: 'application/json',
    },
  );
}
