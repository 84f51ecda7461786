// What live events wrote since it was last stored, kept in temporary tables of the write connection:
// - the purchase rows, which the store appends to the stored table as one more chunk instead of
//   exporting every purchase again (1M rows every 10 s would be most of the work);
// - the campaign-day additions and registrations, which, with the purchases, are applied again when
//   this tab takes in a change another tab stored (the reload would otherwise drop them).
// A table's log is emptied once this tab stored that table; a new workspace starts with none.

import { tableExists, type SqlStore } from '../sql';
import { addCampaignDays, addRegistrations } from './applyLiveBatch';

export const UNSTORED_PURCHASES = 'live_unstored_purchases';
const UNSTORED_CAMPAIGN_DAYS = 'live_unstored_campaign_days';
const UNSTORED_REGISTRATIONS = 'live_unstored_registrations';

/** Which log keeps the rows of which stored table. */
const LOG_OF: Record<string, string> = {
  purchases: UNSTORED_PURCHASES,
  campaign_performance: UNSTORED_CAMPAIGN_DAYS,
  customers: UNSTORED_REGISTRATIONS,
};

/** A stored table gets at most this many chunks by appending; then it is stored whole again, in big chunks. */
const MAX_APPENDED_CHUNKS = 200;

async function append(conn: SqlStore, log: string, like: string, rows: string): Promise<void> {
  await conn.query(`CREATE TEMP TABLE IF NOT EXISTS ${log} AS SELECT * FROM ${like} LIMIT 0`);
  await conn.query(`INSERT INTO ${log} BY NAME SELECT * FROM ${rows}`);
}

/** Keeps purchase rows just inserted (a table shaped like `purchases`). */
export const logPurchases = (conn: SqlStore, inserted: string) =>
  append(conn, UNSTORED_PURCHASES, 'purchases', inserted);

/** Keeps a batch's campaign-day additions. */
export const logCampaignDays = (conn: SqlStore, staged: string) => append(conn, UNSTORED_CAMPAIGN_DAYS, staged, staged);

/** Keeps a batch's registrations. */
export const logRegistrations = (conn: SqlStore, staged: string) =>
  append(conn, UNSTORED_REGISTRATIONS, staged, staged);

/** Forgets the logs of tables this tab just stored (they are in storage now). */
export async function forgetStored(conn: SqlStore, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const log = LOG_OF[table];
    if (log) await conn.query(`DROP TABLE IF EXISTS ${log}`);
  }
}

/** Forgets every log (another workspace, or the workspace was emptied). */
export const forgetAll = (conn: SqlStore) => forgetStored(conn, Object.keys(LOG_OF));

const columnList = async (conn: SqlStore, table: string, catalog: 'temp' | 'memory') =>
  (
    await conn.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_name = '${table}' AND table_catalog ${catalog === 'temp' ? "= 'temp'" : "<> 'temp'"} ORDER BY ordinal_position`,
    )
  )
    .map((c) => `${c.name} ${c.type}`)
    .join(',');

/**
 * Whether the unstored purchases can be appended to the stored table as they are: the stored rows plus
 * them are exactly the table in DuckDB (nothing else changed it since), in the same columns, and the
 * stored table has room for another chunk. Otherwise the whole table is stored.
 */
export async function purchasesAppendable(
  conn: SqlStore,
  stored: { rows: number; blobIds: string[] } | undefined,
): Promise<boolean> {
  if (!stored || stored.blobIds.length >= MAX_APPENDED_CHUNKS) return false;
  if (!(await tableExists(conn, UNSTORED_PURCHASES)) || !(await tableExists(conn, 'purchases'))) return false;
  const [counts] = await conn.query<{ total: number; unstored: number }>(
    `SELECT (SELECT count(*) FROM purchases) AS total, (SELECT count(*) FROM ${UNSTORED_PURCHASES}) AS unstored`,
  );
  if (Number(counts?.total) !== stored.rows + Number(counts?.unstored)) return false;
  return (await columnList(conn, 'purchases', 'memory')) === (await columnList(conn, UNSTORED_PURCHASES, 'temp'));
}

/**
 * Applies what live events wrote and this tab has not stored to tables just reloaded from storage:
 * purchases whose id storage lacks, the campaign-day additions, the registrations.
 */
export async function replayUnstored(conn: SqlStore): Promise<boolean> {
  let replayed = false;
  if (await tableExists(conn, UNSTORED_PURCHASES)) {
    if (await tableExists(conn, 'purchases')) {
      await conn.query(
        `INSERT INTO purchases BY NAME SELECT u.* FROM ${UNSTORED_PURCHASES} u ANTI JOIN purchases USING (id)`,
      );
    } else {
      await conn.query(`CREATE TABLE purchases AS SELECT * FROM ${UNSTORED_PURCHASES}`);
    }
    replayed = true;
  }
  if (await tableExists(conn, UNSTORED_CAMPAIGN_DAYS)) {
    await addCampaignDays(conn, UNSTORED_CAMPAIGN_DAYS);
    replayed = true;
  }
  if (await tableExists(conn, UNSTORED_REGISTRATIONS)) {
    await addRegistrations(conn, UNSTORED_REGISTRATIONS);
    replayed = true;
  }
  return replayed;
}
