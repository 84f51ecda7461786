// Writes one drained batch of live events into DuckDB, touching only what the batch changes:
// - purchases are appended (an id already in the data is rejected, like a re-sent event);
// - campaign performance: the batch's additions are added to each campaign-day row, or make a new row;
// - registrations add customers not yet known;
// - `customer_metrics` (purchases, net spend, first and last purchase per customer) gets the batch's
//   additions for the customers in it. It is built in full once (`rebuildCustomerMetrics`) and then kept
//   up to date this way; a full GROUP BY over purchases must always give the same table;
// - the customers of new purchases are marked for rescoring (see rescorePredictions);
// - campaign-day additions and registrations are also kept until stored (see unstoredLiveRows).

import type { RejectedEvent } from '../../analytics/live/liveEvents';
import type { EncodedLiveBatch } from '../ingestion/liveBatchArrow';
import { createTargetTableSql } from '../ingestion/validationSql';
import { markForRescoringSql } from '../predictions/rescorePredictions';
import { addCampaignDays, addRegistrations, LIVE_SOURCE } from './liveTableWrites';
import { logCampaignDaysSql, logRegistrationsSql } from './unstoredLiveRows';
import { sqlIdent, tableExists, type SqlStore } from '../sql';

export const CUSTOMER_METRICS_TABLE = 'customer_metrics';
const STAGE_PURCHASES = 'live_stage_purchases';
const STAGE_CAMPAIGNS = 'live_stage_campaigns';
const STAGE_REGISTRATIONS = 'live_stage_registrations';
const INSERTED = 'live_inserted_purchases';
const NET = `CASE WHEN is_return THEN -abs(amount) ELSE amount END`;

export interface LiveWriteResult {
  purchases: number;
  campaignDays: number;
  registrations: number;
  customersUpdated: number;
  /** Events whose id is already in the stored data. */
  rejects: RejectedEvent[];
  /** Tables that changed, to store. */
  changedTables: string[];
}

async function stage(conn: SqlStore, name: string, ipc: Uint8Array) {
  await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(name)}`);
  await conn.insertArrowIpc(name, ipc, true);
}

/** Builds `customer_metrics` from every purchase (once, and again after an import). */
export async function rebuildCustomerMetrics(conn: SqlStore): Promise<void> {
  await conn.query(`DROP TABLE IF EXISTS ${CUSTOMER_METRICS_TABLE}`);
  if (!(await tableExists(conn, 'purchases'))) {
    await conn.query(
      `CREATE TABLE ${CUSTOMER_METRICS_TABLE} (customer_id VARCHAR, purchases BIGINT, monetary DOUBLE, first_purchase TIMESTAMP, last_purchase TIMESTAMP)`,
    );
    return;
  }
  await conn.query(`CREATE TABLE ${CUSTOMER_METRICS_TABLE} AS ${customerMetricsSql('purchases')}`);
}

/** Per-customer metrics of a set of purchase rows (the full recompute, and each batch's additions). */
export function customerMetricsSql(from: string): string {
  return `SELECT customer_id, count(*) FILTER (WHERE NOT is_return) AS purchases, sum(${NET})::DOUBLE AS monetary,
      min(purchase_date) AS first_purchase, max(purchase_date) AS last_purchase
    FROM ${sqlIdent(from)} WHERE customer_id IS NOT NULL GROUP BY customer_id`;
}

/**
 * Applies a batch; call rebuildCustomerMetrics first if the table may be missing or stale. With
 * `rescore`, the batch's customers are marked for scoring again (there is a prediction fit).
 */
export async function applyLiveBatch(
  conn: SqlStore,
  encoded: EncodedLiveBatch,
  rescore = true,
): Promise<LiveWriteResult> {
  const result: LiveWriteResult = {
    purchases: 0,
    campaignDays: 0,
    registrations: 0,
    customersUpdated: 0,
    rejects: [],
    changedTables: [],
  };
  const { batch } = encoded;
  if (encoded.purchases) {
    if (!(await tableExists(conn, 'purchases'))) await conn.query(createTargetTableSql('purchases', 'purchases'));
    await stage(conn, STAGE_PURCHASES, encoded.purchases);
    const stored = await conn.query<{ id: string }>(
      `SELECT s.id FROM ${STAGE_PURCHASES} s SEMI JOIN purchases USING (id)`,
    );
    for (const r of stored)
      result.rejects.push({ seq: 0, id: r.id, field: 'id', reason: 'duplicate id (already in the data)', raw: r.id });
    result.purchases = batch.purchaseCount - stored.length;
    const hasMetrics = await tableExists(conn, CUSTOMER_METRICS_TABLE);
    const delta = `(${customerMetricsSql(INSERTED)})`;
    // One round trip to DuckDB's worker for the whole write: at 50,000 events a second each one counts.
    const [touched] = await conn.query<{ n: number }>(
      [
        `DROP TABLE IF EXISTS ${INSERTED}`,
        `CREATE TABLE ${INSERTED} AS
         SELECT s.id, s.customer_id, CAST(s.ts AS TIMESTAMP) AS purchase_date, s.amount, s.category, s.channel,
           s.amount < 0 AS is_return, '${LIVE_SOURCE}' AS source_file
         FROM ${STAGE_PURCHASES} s ANTI JOIN purchases USING (id)`,
        `INSERT INTO purchases BY NAME SELECT * FROM ${INSERTED}`,
        ...(rescore ? markForRescoringSql(INSERTED) : []),
        ...(hasMetrics
          ? [
              `UPDATE ${CUSTOMER_METRICS_TABLE} AS c SET purchases = c.purchases + d.purchases, monetary = c.monetary + d.monetary,
                 first_purchase = least(c.first_purchase, d.first_purchase), last_purchase = greatest(c.last_purchase, d.last_purchase)
               FROM ${delta} AS d WHERE c.customer_id = d.customer_id`,
              `INSERT INTO ${CUSTOMER_METRICS_TABLE} SELECT d.* FROM ${delta} AS d ANTI JOIN ${CUSTOMER_METRICS_TABLE} USING (customer_id)`,
            ]
          : [`CREATE TABLE ${CUSTOMER_METRICS_TABLE} AS ${customerMetricsSql('purchases')}`]),
        `SELECT count(DISTINCT customer_id) AS n FROM ${INSERTED}`,
      ].join(';\n'),
    );
    result.customersUpdated = Number(touched?.n ?? 0);
    await conn.query(`DROP TABLE IF EXISTS ${INSERTED}; DROP TABLE IF EXISTS ${STAGE_PURCHASES}`);
    if (result.purchases > 0) result.changedTables.push('purchases', CUSTOMER_METRICS_TABLE);
  }

  if (encoded.campaignDays) {
    await stage(conn, STAGE_CAMPAIGNS, encoded.campaignDays);
    await addCampaignDays(conn, STAGE_CAMPAIGNS, [
      ...logCampaignDaysSql(STAGE_CAMPAIGNS),
      `DROP TABLE ${STAGE_CAMPAIGNS}`,
    ]);
    result.campaignDays = batch.campaignDays.length;
    result.changedTables.push('campaign_performance');
  }

  if (encoded.registrations && (await tableExists(conn, 'customers'))) {
    await stage(conn, STAGE_REGISTRATIONS, encoded.registrations);
    result.registrations = await addRegistrations(conn, STAGE_REGISTRATIONS);
    await conn.query([...logRegistrationsSql(STAGE_REGISTRATIONS), `DROP TABLE ${STAGE_REGISTRATIONS}`].join(';\n'));
    if (result.registrations > 0) result.changedTables.push('customers');
  }
  return result;
}
