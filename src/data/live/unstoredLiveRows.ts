// What live events wrote and this tab has not stored yet:
// - purchase rows are only ever appended, so the unstored ones are those past the stored row count
//   (DuckDB numbers rows in insertion order, and a restore inserts the stored chunks in order). The
//   store appends them to the stored table as one more chunk instead of exporting every purchase again
//   (1M rows every 10 s would be most of the work);
// - campaign-day additions and registrations change rows in place, so each batch's are kept in
//   temporary tables of the write connection until stored.
// When this tab takes in a change another tab stored (or a save failed), the reload would drop all of
// it: it is captured first and applied again on top of what was stored.

import { tableExists, type SqlStore } from '../sql';
import { addCampaignDays, addRegistrations, LIVE_SOURCE } from './liveTableWrites';

const UNSTORED_PURCHASES = 'live_unstored_purchases';
const UNSTORED_CAMPAIGN_DAYS = 'live_unstored_campaign_days';
const UNSTORED_REGISTRATIONS = 'live_unstored_registrations';

/** Which log keeps the changes to which stored table. */
const LOG_OF: Record<string, string> = {
  campaign_performance: UNSTORED_CAMPAIGN_DAYS,
  customers: UNSTORED_REGISTRATIONS,
};

/** A stored table gets at most this many chunks by appending; then it is stored whole again, in big chunks. */
const MAX_APPENDED_CHUNKS = 200;

const appendSql = (log: string, like: string, rows: string) => [
  `CREATE TEMP TABLE IF NOT EXISTS ${log} AS SELECT * FROM ${like} LIMIT 0`,
  `INSERT INTO ${log} BY NAME SELECT * FROM ${rows}`,
];

/** Keeps a batch's campaign-day additions. */
export const logCampaignDaysSql = (staged: string) => appendSql(UNSTORED_CAMPAIGN_DAYS, staged, staged);

/** Keeps a batch's registrations. */
export const logRegistrationsSql = (staged: string) => appendSql(UNSTORED_REGISTRATIONS, staged, staged);

/** Forgets the logs of tables this tab just stored (they are in storage now). */
export async function forgetStored(conn: SqlStore, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const log = LOG_OF[table];
    if (log) await conn.query(`DROP TABLE IF EXISTS ${log}`);
  }
}

/**
 * The unstored purchase rows, as a temporary view to append to the stored table, or null when the
 * whole table must be stored: the rows are not numbered 0 … n − 1 (something deleted or replaced
 * rows), there are fewer than were stored, or the stored table has no room for another chunk.
 */
export async function unstoredPurchasesView(
  conn: SqlStore,
  stored: { rows: number; blobIds: string[] } | undefined,
): Promise<string | null> {
  if (!stored || stored.blobIds.length >= MAX_APPENDED_CHUNKS || !(await tableExists(conn, 'purchases'))) return null;
  const [table] = await conn.query<{ n: number; last: number | null }>(
    `SELECT count(*) AS n, max(rowid) AS last FROM purchases`,
  );
  const rows = Number(table?.n ?? 0);
  if (rows < stored.rows || Number(table?.last ?? -1) !== rows - 1) return null;
  await conn.query(
    `CREATE OR REPLACE TEMP VIEW ${UNSTORED_PURCHASES} AS SELECT * FROM purchases WHERE rowid >= ${stored.rows}`,
  );
  return UNSTORED_PURCHASES;
}

/**
 * Before a reload: keeps the live purchase rows past `storedRows` (what storage had when this DuckDB
 * last matched it). Rows of an import whose save failed are past it too, and are not kept.
 */
export async function captureUnstored(conn: SqlStore, storedRows: number | undefined): Promise<void> {
  if (storedRows === undefined || !(await tableExists(conn, 'purchases'))) return;
  await conn.query(
    `DROP VIEW IF EXISTS ${UNSTORED_PURCHASES};
     CREATE OR REPLACE TEMP TABLE ${UNSTORED_PURCHASES} AS
       SELECT * FROM purchases WHERE rowid >= ${storedRows} AND source_file = '${LIVE_SOURCE}'`,
  );
}

/**
 * Applies what live events wrote and this tab has not stored to tables just reloaded from storage:
 * purchases whose id storage lacks, the campaign-day additions, the registrations.
 */
export async function replayUnstored(conn: SqlStore): Promise<boolean> {
  let replayed = false;
  if (await tableExists(conn, UNSTORED_PURCHASES)) {
    const [captured] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${UNSTORED_PURCHASES}`);
    if (Number(captured?.n) > 0) {
      await conn.query(
        (await tableExists(conn, 'purchases'))
          ? `INSERT INTO purchases BY NAME SELECT u.* FROM ${UNSTORED_PURCHASES} u ANTI JOIN purchases USING (id)`
          : `CREATE TABLE purchases AS SELECT * FROM ${UNSTORED_PURCHASES}`,
      );
      replayed = true;
    }
    await conn.query(`DROP TABLE ${UNSTORED_PURCHASES}`);
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
