// Reads behind the Campaigns page, all in DuckDB: totals by campaign, day, channel or target segment
// over a date range (sums only; ratios are taken from the sums in TypeScript), the data checks, the
// observed points of a response curve and the before/after totals of logged decisions.

import {
  metricsFromTotals,
  type CampaignMetrics,
  type PerformanceTotals,
} from '../../analytics/campaigns/campaignMetrics';
import type { PeriodTotals } from '../../analytics/campaigns/decisionLog';
import { sqlString, tableExists, type SqlConnection } from '../sql';

export const PERFORMANCE_TABLE = 'campaign_performance';
export const CAMPAIGNS_TABLE = 'campaigns';

export interface DateRange {
  from: string;
  to: string;
}

export type CampaignGrouping = 'campaign' | 'day' | 'channel' | 'segment';

export interface CampaignMetricRow extends PerformanceTotals, CampaignMetrics {
  key: string;
  label: string;
  /** Campaign grouping only: the campaign's channel/type and target segment from the campaigns file. */
  type: string | null;
  targetSegment: string | null;
  /** Days with a row, and rows whose own CTR/CPC/ROAS disagreed with Lantern's. */
  days: number;
  mismatchRows: number;
}

export interface CampaignMetricTable {
  rows: CampaignMetricRow[];
  total: CampaignMetricRow;
}

// A column the file lacked is NULL in every row; a total over rows that only partly have it would pair
// all the clicks with some of the impressions, so such a sum is unknown (NaN), never a partial sum.
const fullSum = (column: string) => `CASE WHEN count(${column}) = count(*) THEN sum(${column}) END`;
const SUMS = ['impressions', 'clicks', 'conversions', 'cost', 'revenue'].map((c) => `${fullSum(c)} AS ${c}`).join(', ');

const inRange = (range: DateRange) => `date BETWEEN DATE ${sqlString(range.from)} AND DATE ${sqlString(range.to)}`;

const num = (v: unknown) => (v === null || v === undefined ? Number.NaN : Number(v));
const str = (v: unknown) => (typeof v === 'string' ? v : null);

function metricRow(r: Record<string, unknown>): CampaignMetricRow {
  const totals = {
    impressions: num(r.impressions),
    clicks: num(r.clicks),
    conversions: num(r.conversions),
    cost: num(r.cost),
    revenue: num(r.revenue),
  };
  return {
    key: String(r.key),
    label: String(r.label ?? r.key),
    type: str(r.type),
    targetSegment: str(r.target_segment),
    days: Number(r.days ?? 0),
    mismatchRows: Number(r.mismatch_rows ?? 0),
    ...totals,
    ...metricsFromTotals(totals),
  };
}

/** The first and last day of performance data, or null when there is none. */
export async function readPerformanceRange(conn: SqlConnection): Promise<DateRange | null> {
  if (!(await tableExists(conn, PERFORMANCE_TABLE))) return null;
  const [row] = await conn.query<{ from_date: string | null; to_date: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS from_date, strftime(max(date), '%Y-%m-%d') AS to_date FROM ${PERFORMANCE_TABLE}`,
  );
  return row?.from_date && row.to_date ? { from: row.from_date, to: row.to_date } : null;
}

/** The SELECT behind one grouping of the metrics table. */
async function groupedSql(conn: SqlConnection, range: DateRange, grouping: CampaignGrouping): Promise<string> {
  const hasCampaigns = await tableExists(conn, CAMPAIGNS_TABLE);
  const joined = hasCampaigns
    ? `${PERFORMANCE_TABLE} p LEFT JOIN ${CAMPAIGNS_TABLE} c USING (campaign_id)`
    : `${PERFORMANCE_TABLE} p`;
  const name = hasCampaigns ? `coalesce(any_value(c.name), p.campaign_id)` : 'p.campaign_id';
  const known = hasCampaigns ? `bool_or(c.campaign_id IS NOT NULL)` : 'false';
  const col = (c: string) => (hasCampaigns ? `c.${c}` : 'CAST(NULL AS VARCHAR)');
  const common = `count(DISTINCT date) AS days, count(ratio_mismatch) AS mismatch_rows, ${SUMS}`;
  const where = `WHERE ${inRange(range)}`;
  switch (grouping) {
    case 'campaign':
      return `SELECT p.campaign_id AS key, ${name} || CASE WHEN ${known} OR NOT ${hasCampaigns} THEN '' ELSE ' (not in the campaigns file)' END AS label,
          any_value(${col('type')}) AS type, any_value(${col('target_segment')}) AS target_segment, ${common}
        FROM ${joined} ${where} GROUP BY p.campaign_id ORDER BY p.campaign_id`;
    case 'day':
      return `SELECT strftime(date, '%Y-%m-%d') AS key, strftime(date, '%Y-%m-%d') AS label, ${common}
        FROM ${PERFORMANCE_TABLE} ${where} GROUP BY date ORDER BY date`;
    case 'channel':
      return `SELECT coalesce(${col('type')}, '(no type)') AS key, coalesce(${col('type')}, '(no type)') AS label, ${common}
        FROM ${joined} ${where} GROUP BY 1 ORDER BY 1`;
    case 'segment':
      return `SELECT coalesce(${col('target_segment')}, '(no target segment)') AS key, coalesce(${col('target_segment')}, '(no target segment)') AS label, ${common}
        FROM ${joined} ${where} GROUP BY 1 ORDER BY 1`;
  }
}

/** Metrics per group over the range, and the total (from the sums of all rows, not of the groups' ratios). */
export async function readCampaignMetrics(
  conn: SqlConnection,
  range: DateRange,
  grouping: CampaignGrouping,
): Promise<CampaignMetricTable> {
  const rows = (await conn.query(await groupedSql(conn, range, grouping))).map(metricRow);
  const [total] = await conn.query(
    `SELECT 'total' AS key, 'Total' AS label, count(DISTINCT date) AS days, count(ratio_mismatch) AS mismatch_rows, ${SUMS}
     FROM ${PERFORMANCE_TABLE} WHERE ${inRange(range)}`,
  );
  return { rows, total: metricRow(total ?? { key: 'total' }) };
}

export interface DailyTotals extends PerformanceTotals, CampaignMetrics {
  date: string;
}

/** One row per day of the range (days without rows are left out), for one campaign or all of them. */
export async function readDailyTotals(
  conn: SqlConnection,
  range: DateRange,
  campaignId: string | null,
): Promise<DailyTotals[]> {
  const rows = await conn.query(
    `SELECT strftime(date, '%Y-%m-%d') AS date, ${SUMS} FROM ${PERFORMANCE_TABLE}
     WHERE ${inRange(range)} ${campaignId === null ? '' : `AND campaign_id = ${sqlString(campaignId)}`}
     GROUP BY date ORDER BY date`,
  );
  return rows.map((r) => {
    const totals = {
      impressions: num(r.impressions),
      clicks: num(r.clicks),
      conversions: num(r.conversions),
      cost: num(r.cost),
      revenue: num(r.revenue),
    };
    return { date: String(r.date), ...totals, ...metricsFromTotals(totals) };
  });
}

export interface CampaignDataChecks {
  /** Campaign ids in the performance rows that the campaigns file does not have (their rows are kept). */
  unknownCampaigns: { campaignId: string; rows: number }[];
  /** Campaigns in the campaigns file without a single performance row. */
  campaignsWithoutRows: { campaignId: string; name: string | null }[];
  /** Rows whose own CTR, CPC or ROAS disagreed with the one computed from their counts, by ratio. */
  mismatches: { ratio: string; rows: number; example: string | null }[];
  hasCampaignsFile: boolean;
}

/** What the Campaigns page warns about: rows are never dropped for these, only reported. */
export async function readCampaignDataChecks(conn: SqlConnection): Promise<CampaignDataChecks> {
  const hasCampaignsFile = await tableExists(conn, CAMPAIGNS_TABLE);
  const unknownCampaigns = hasCampaignsFile
    ? (
        await conn.query<{ campaign_id: string; rows: number }>(
          `SELECT campaign_id, count(*) AS rows FROM ${PERFORMANCE_TABLE}
           WHERE campaign_id NOT IN (SELECT campaign_id FROM ${CAMPAIGNS_TABLE}) GROUP BY 1 ORDER BY 1`,
        )
      ).map((r) => ({ campaignId: r.campaign_id, rows: Number(r.rows) }))
    : [];
  const campaignsWithoutRows = hasCampaignsFile
    ? (
        await conn.query<{ campaign_id: string; name: string | null }>(
          `SELECT campaign_id, name FROM ${CAMPAIGNS_TABLE}
           WHERE campaign_id NOT IN (SELECT campaign_id FROM ${PERFORMANCE_TABLE}) ORDER BY 1`,
        )
      ).map((r) => ({ campaignId: r.campaign_id, name: r.name }))
    : [];
  const mismatches = (
    await conn.query<{ ratio: string; rows: number; example: string | null }>(
      `SELECT trim(ratio) AS ratio, count(*) AS rows,
         min(source_file || ' row ' || source_row || ' (' || campaign_id || ', ' || strftime(date, '%Y-%m-%d') || ')') AS example
       FROM (SELECT unnest(string_split(ratio_mismatch, ',')) AS ratio, source_file, source_row, campaign_id, date
             FROM ${PERFORMANCE_TABLE} WHERE ratio_mismatch IS NOT NULL)
       GROUP BY 1 ORDER BY 1`,
    )
  ).map((r) => ({ ratio: r.ratio, rows: Number(r.rows), example: r.example }));
  return { unknownCampaigns, campaignsWithoutRows, mismatches, hasCampaignsFile };
}

/** Rows whose own ratios disagreed, for download: the file's values beside Lantern's. */
export function mismatchRowsSql(): string {
  return `SELECT source_file, source_row, campaign_id, strftime(date, '%Y-%m-%d') AS date, ratio_mismatch,
      ctr AS file_ctr, clicks / NULLIF(impressions, 0) AS lantern_ctr,
      cpc AS file_cpc, cost / NULLIF(clicks, 0) AS lantern_cpc,
      roas AS file_roas, revenue / NULLIF(cost, 0) AS lantern_roas
    FROM ${PERFORMANCE_TABLE} WHERE ratio_mismatch IS NOT NULL ORDER BY source_file, source_row`;
}

/** One campaign's daily spend and outcomes over the range: the observed points of its response curve. */
export async function readCurvePoints(
  conn: SqlConnection,
  campaignId: string,
  range: DateRange,
): Promise<{ cost: Float64Array; revenue: Float64Array; conversions: Float64Array }> {
  // Row objects, not a streamed numeric read: at most a few hundred rows, on the shared read connection.
  const rows = await conn.query<{ cost: number; revenue: number | null; conversions: number | null }>(
    `SELECT cost, revenue, conversions FROM ${PERFORMANCE_TABLE}
     WHERE campaign_id = ${sqlString(campaignId)} AND ${inRange(range)} AND cost > 0 ORDER BY date`,
  );
  return {
    cost: Float64Array.from(rows, (r) => Number(r.cost)),
    revenue: Float64Array.from(rows, (r) => num(r.revenue)),
    conversions: Float64Array.from(rows, (r) => num(r.conversions)),
  };
}

/**
 * A campaign's totals over the `baselineDays` before a date and from the date to the end of the data,
 * with calendar days (not days with rows), so paused days count as days of zero.
 */
export async function readBeforeAfter(
  conn: SqlConnection,
  campaignId: string,
  appliedOn: string,
  baselineDays: number,
): Promise<{ before: PeriodTotals; after: PeriodTotals }> {
  const day = `DATE ${sqlString(appliedOn)}`;
  const id = sqlString(campaignId);
  const start = `${day} - INTERVAL ${Math.round(baselineDays)} DAY`;
  const rows = await conn.query(
    `SELECT CASE WHEN date >= ${day} THEN 'after' ELSE 'before' END AS period,
       coalesce(sum(impressions), 0) AS impressions, coalesce(sum(clicks), 0) AS clicks,
       coalesce(sum(conversions), 0) AS conversions, coalesce(sum(cost), 0) AS cost, coalesce(sum(revenue), 0) AS revenue
     FROM ${PERFORMANCE_TABLE}
     WHERE campaign_id = ${id} AND date >= ${start}
     GROUP BY 1`,
  );
  const [span] = await conn.query<{ before_days: number | null; after_days: number | null }>(
    `SELECT greatest(0, date_diff('day', greatest(CAST(${start} AS DATE), min(date) FILTER (WHERE campaign_id = ${id})), ${day})) AS before_days,
       greatest(0, date_diff('day', ${day}, max(date)) + 1) AS after_days
     FROM ${PERFORMANCE_TABLE}`,
  );
  const pick = (period: string, days: number): PeriodTotals => {
    const r = rows.find((x) => x.period === period);
    return {
      days,
      impressions: Number(r?.impressions ?? 0),
      clicks: Number(r?.clicks ?? 0),
      conversions: Number(r?.conversions ?? 0),
      cost: Number(r?.cost ?? 0),
      revenue: Number(r?.revenue ?? 0),
    };
  };
  return {
    before: pick('before', Number(span?.before_days ?? 0)),
    after: pick('after', Number(span?.after_days ?? 0)),
  };
}
