// The series an alert rule watches, read from DuckDB and the workspace manifest: daily revenue (every
// day from the first purchase to the last, 0 on days without one), a campaign's daily ROAS, and the
// high-risk count and segment sizes of the latest model runs.

import type { AlertMetric, MetricPoint } from '../../analytics/alerts/alertRules';
import { sqlString, tableExists, type SqlConnection } from '../sql';
import type { WorkspaceManifest } from '../store/workspaceManifest';

/** The metric's values in time order; empty when the data it needs is not there. */
export async function readMetricSeries(
  conn: SqlConnection,
  manifest: WorkspaceManifest,
  metric: AlertMetric,
): Promise<MetricPoint[]> {
  switch (metric.kind) {
    case 'daily-revenue': {
      if (!(await tableExists(conn, 'purchases'))) return [];
      const rows = await conn.query<{ at: string; value: number | null }>(
        `WITH daily AS (
           SELECT purchase_date::DATE AS day, sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) AS revenue
           FROM purchases WHERE purchase_date IS NOT NULL GROUP BY 1),
         days AS (
           SELECT range::DATE AS day FROM range((SELECT min(day) FROM daily), (SELECT max(day) FROM daily) + INTERVAL 1 DAY, INTERVAL 1 DAY))
         SELECT strftime(days.day, '%Y-%m-%d') AS at, coalesce(daily.revenue, 0)::DOUBLE AS value
         FROM days LEFT JOIN daily USING (day) ORDER BY 1`,
      );
      return rows.map((r) => ({ at: r.at, value: r.value === null ? null : Number(r.value) }));
    }
    case 'campaign-roas': {
      if (!(await tableExists(conn, 'campaign_performance'))) return [];
      const rows = await conn.query<{ at: string; value: number | null }>(
        `SELECT strftime(date, '%Y-%m-%d') AS at, (sum(revenue) / nullif(sum(cost), 0))::DOUBLE AS value
         FROM campaign_performance WHERE campaign_id = ${sqlString(metric.campaignId)} AND date IS NOT NULL
         GROUP BY 1 ORDER BY 1`,
      );
      return rows.map((r) => ({ at: r.at, value: r.value === null ? null : Number(r.value) }));
    }
    case 'high-risk-customers': {
      const run = manifest.predictions;
      return run ? [{ at: run.rescored?.at ?? run.createdAt, value: run.riskCounts[2] }] : [];
    }
    case 'segment-size': {
      const run = manifest.segmentation;
      const profile = run?.profiles.find((p) => p.name === metric.segment);
      return run ? [{ at: run.createdAt, value: profile ? profile.size : 0 }] : [];
    }
  }
}

export interface AlertChoices {
  campaigns: { id: string; name: string }[];
  segments: string[];
}

/** What the rule form offers: the campaigns with performance data and the current segments. */
export async function readAlertChoices(conn: SqlConnection, manifest: WorkspaceManifest): Promise<AlertChoices> {
  let campaigns: AlertChoices['campaigns'] = [];
  if (await tableExists(conn, 'campaign_performance')) {
    const named = await tableExists(conn, 'campaigns');
    campaigns = await conn.query<{ id: string; name: string }>(
      named
        ? `SELECT DISTINCT p.campaign_id AS id, coalesce(c.name, p.campaign_id) AS name
           FROM campaign_performance p LEFT JOIN campaigns c USING (campaign_id) ORDER BY 2, 1`
        : `SELECT DISTINCT campaign_id AS id, campaign_id AS name FROM campaign_performance ORDER BY 1`,
    );
  }
  return { campaigns, segments: (manifest.segmentation?.profiles ?? []).map((p) => p.name) };
}
