// Builds the optimisation job's input in DuckDB: the dense campaign × day grid of the range and, when
// segments exist, each segment's value per conversion for audience advice.

import type { CampaignInfo, CampaignOptimisationInput } from '../../analytics/campaigns/optimizeCampaigns';
import type { CampaignOptimisationSettings } from '../../analytics/campaigns/campaignSettings';
import type { SegmentValue } from '../../analytics/campaigns/audienceTargeting';
import { CUSTOMER_FEATURES_TABLE } from '../features/customerFeaturesSql';
import { CUSTOMER_PREDICTIONS_TABLE } from '../predictions/predictionTables';
import { CUSTOMER_SEGMENTS_TABLE, SEGMENTS_TABLE } from '../segmentation/segmentTables';
import { sqlString, tableExists, type SqlConnection } from '../sql';
import { CAMPAIGNS_TABLE, PERFORMANCE_TABLE, type DateRange } from './campaignQueries';

const FIELDS = ['impressions', 'clicks', 'conversions', 'cost', 'revenue'] as const;

const DAY_MS = 86_400_000;

/** Longest range the optimisation takes: three years of days (one stray date can stretch the data's range). */
export const MAX_OPTIMISATION_DAYS = 1100;

/** The range the Campaigns page starts with: the whole data, or its last MAX_OPTIMISATION_DAYS days. */
export function defaultCampaignRange(data: DateRange): DateRange {
  const earliest = new Date(Date.parse(`${data.to}T00:00:00Z`) - (MAX_OPTIMISATION_DAYS - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { from: data.from > earliest ? data.from : earliest, to: data.to };
}

/** Every ISO date from `from` to `to`. */
export function datesBetween(range: DateRange): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** The campaigns with rows in the range, in id order, with what the campaigns file says of them. */
async function readCampaignInfo(conn: SqlConnection, range: DateRange): Promise<CampaignInfo[]> {
  const hasCampaigns = await tableExists(conn, CAMPAIGNS_TABLE);
  const rows = await conn.query<{
    id: string;
    name: string | null;
    type: string | null;
    target_segment: string | null;
  }>(
    `SELECT p.campaign_id AS id, ${hasCampaigns ? 'any_value(c.name)' : 'NULL'} AS name,
       ${hasCampaigns ? 'any_value(c.type)' : 'NULL'} AS type, ${hasCampaigns ? 'any_value(c.target_segment)' : 'NULL'} AS target_segment
     FROM ${PERFORMANCE_TABLE} p ${hasCampaigns ? `LEFT JOIN ${CAMPAIGNS_TABLE} c USING (campaign_id)` : ''}
     WHERE p.date BETWEEN DATE ${sqlString(range.from)} AND DATE ${sqlString(range.to)}
     GROUP BY p.campaign_id ORDER BY p.campaign_id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.id, type: r.type, targetSegment: r.target_segment }));
}

/** Each RFM and k-means segment's mean predicted lifetime value (or spend to date without predictions). */
export async function readSegmentValues(
  conn: SqlConnection,
  clvMonths: number | null,
): Promise<{ values: SegmentValue[]; basis: string } | null> {
  if (!(await tableExists(conn, CUSTOMER_SEGMENTS_TABLE))) return null;
  // Predictions made without a spend model have no lifetime values: spend to date is used then.
  const predicted =
    clvMonths !== null &&
    (await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE)) &&
    Number(
      (await conn.query<{ n: number }>(`SELECT count(lifetime_value) AS n FROM ${CUSTOMER_PREDICTIONS_TABLE}`))[0]?.n ??
        0,
    ) > 0;
  const value = predicted ? 'avg(p.lifetime_value)' : 'avg(f.monetary_total)';
  const source = predicted
    ? `${CUSTOMER_SEGMENTS_TABLE} s LEFT JOIN ${CUSTOMER_PREDICTIONS_TABLE} p USING (customer_id)`
    : `${CUSTOMER_SEGMENTS_TABLE} s LEFT JOIN ${CUSTOMER_FEATURES_TABLE} f USING (customer_id)`;
  const rows = await conn.query<{ source: string; segment: string; customers: number; value: number | null }>(
    `SELECT 'RFM' AS source, s.rfm_segment AS segment, count(*) AS customers, ${value} AS value FROM ${source} GROUP BY 1, 2
     UNION ALL
     SELECT 'k-means', g.name, count(*), ${value} FROM ${source} JOIN ${SEGMENTS_TABLE} g USING (segment_id) GROUP BY 1, 2
     ORDER BY 1, 2`,
  );
  return {
    values: rows
      .filter((r) => r.value !== null && Number.isFinite(Number(r.value)))
      .map((r) => ({
        source: r.source === 'RFM' ? 'RFM' : 'k-means',
        segment: r.segment,
        customers: Number(r.customers),
        valuePerConversion: Number(r.value),
      })),
    basis: predicted ? `mean predicted ${clvMonths}-month lifetime value` : 'mean spend to date per customer',
  };
}

/** The job's input for the range: campaigns with rows in it and every day, zeros where nothing ran. */
export async function readCampaignInput(
  conn: SqlConnection,
  range: DateRange,
  settings: CampaignOptimisationSettings,
  clvMonths: number | null,
): Promise<CampaignOptimisationInput> {
  const dates = datesBetween(range);
  if (dates.length > MAX_OPTIMISATION_DAYS) {
    throw new Error(
      `The range spans ${dates.length.toLocaleString('en')} days; the optimisation takes at most ${MAX_OPTIMISATION_DAYS.toLocaleString('en')}: choose a shorter range (a stray date in a file can stretch the data's range).`,
    );
  }
  const campaigns = await readCampaignInfo(conn, range);
  const cells = campaigns.length * dates.length;
  const grid = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(cells)])) as Record<
    (typeof FIELDS)[number],
    Float64Array
  >;
  if (cells > 0) {
    // Campaigns are numbered by dense rank in id order, the order readCampaignInfo lists them in.
    const columns = await conn.queryNumericColumns(
      `SELECT CAST((dense_rank() OVER (ORDER BY campaign_id) - 1) * ${dates.length}
                + date_diff('day', DATE ${sqlString(range.from)}, date) AS INTEGER) AS cell,
         ${FIELDS.map((f) => `CAST(${f} AS DOUBLE) AS ${f}`).join(', ')}
       FROM ${PERFORMANCE_TABLE}
       WHERE date BETWEEN DATE ${sqlString(range.from)} AND DATE ${sqlString(range.to)}`,
    );
    const cell = columns.cell ?? new Float64Array(0);
    for (const f of FIELDS) {
      const values = columns[f];
      const target = grid[f];
      if (!values) {
        target.fill(Number.NaN);
        continue;
      }
      for (let i = 0; i < cell.length; i++) target[cell[i]!] = values[i]!;
    }
  }
  return { campaigns, dates, ...grid, settings, segments: await readSegmentValues(conn, clvMonths) };
}
