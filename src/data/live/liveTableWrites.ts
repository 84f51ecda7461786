// Adding live campaign-day totals and registrations to the tables, from a staged batch or from what
// was kept unstored (applied again after a reload).

import { createTargetTableSql } from '../ingestion/validationSql';
import { tableExists, type SqlStore } from '../sql';

/** The source_file of every row live events write. */
export const LIVE_SOURCE = 'live events';

async function columnsOf(conn: SqlStore, table: string): Promise<Set<string>> {
  const rows = await conn.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}'`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Adds campaign-day totals (campaign_id, day, impressions, clicks, conversions, cost, revenue) to each
 * campaign-day row, or makes the row; `after` runs in the same round trip.
 */
export async function addCampaignDays(conn: SqlStore, source: string, after: string[] = []): Promise<void> {
  if (!(await tableExists(conn, 'campaign_performance')))
    await conn.query(createTargetTableSql('performance', 'campaign_performance'));
  const columns = await columnsOf(conn, 'campaign_performance');
  // The file's own ratios no longer describe a row live events added to.
  const own = ['ctr', 'cpc', 'roas', 'ratio_mismatch'].filter((c) => columns.has(c)).map((c) => `${c} = NULL`);
  const add = (c: string) => `${c} = coalesce(p.${c}, 0) + s.${c}`;
  await conn.query(
    [
      `UPDATE campaign_performance AS p SET ${[...['impressions', 'clicks', 'conversions', 'cost', 'revenue'].map(add), ...own].join(', ')}
       FROM ${source} AS s WHERE p.campaign_id = s.campaign_id AND p.date = CAST(s.day AS DATE)`,
      `INSERT INTO campaign_performance BY NAME
       SELECT s.campaign_id, CAST(s.day AS DATE) AS date, s.impressions, s.clicks, s.conversions, s.cost, s.revenue,
         '${LIVE_SOURCE}' AS source_file
       FROM ${source} AS s
       ANTI JOIN campaign_performance AS p ON p.campaign_id = s.campaign_id AND p.date = CAST(s.day AS DATE)`,
      ...after,
    ].join(';\n'),
  );
}

/** Adds registered customers (customer_id, day) not yet known; returns how many were added. */
export async function addRegistrations(conn: SqlStore, source: string): Promise<number> {
  if (!(await tableExists(conn, 'customers'))) return 0;
  const columns = await columnsOf(conn, 'customers');
  const [before] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM customers`);
  await conn.query(
    `INSERT INTO customers BY NAME
     SELECT DISTINCT ON (s.customer_id) s.customer_id${columns.has('registration_date') ? ', CAST(s.day AS DATE) AS registration_date' : ''}, '${LIVE_SOURCE}' AS source_file
     FROM ${source} AS s ANTI JOIN customers USING (customer_id)`,
  );
  const [after] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM customers`);
  return Number(after?.n ?? 0) - Number(before?.n ?? 0);
}
