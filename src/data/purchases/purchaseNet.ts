// Keeps the tables of lines cancellations changed in step with `purchases`: `purchase_net` over all the
// data, and `purchase_net_as_of` for an analysis date before the last purchase (a later cancellation does
// not reach back before it happened). Each is built again only when the purchases or its date changed,
// recognised by a fingerprint kept in the database itself, so every connection and every caller
// (features, models, Dashboard) sees the same state without rebuilding it each time.

import { LIVE_SOURCE } from '../live/liveTableWrites';
import { sqlString, type SqlConnection } from '../sql';
import { PURCHASE_NET_TABLE, purchaseNetStatements, type PurchaseColumns } from './netPurchaseLinesSql';

/** The table for an analysis date before the last purchase day. */
export const PURCHASE_NET_AS_OF_TABLE = 'purchase_net_as_of';

const STATE_TABLE = 'purchase_net_state';

/**
 * A cheap fingerprint of the purchases: rows, last row id, returns and the amounts' sum change with any
 * import. Live events are left out: they arrive every fraction of a second, and rebuilding on each would
 * keep DuckDB busy; their lines are taken as they come until an import changes the purchases.
 */
function fingerprintSql(columns: PurchaseColumns): string {
  const returns = columns.includes('is_return')
    ? 'count(*) FILTER (WHERE is_return)'
    : 'count(*) FILTER (WHERE amount < 0)';
  const notLive = columns.includes('source_file') ? `WHERE source_file IS DISTINCT FROM ${sqlString(LIVE_SOURCE)}` : '';
  return `SELECT concat_ws('|', count(*), max(rowid), ${returns}, sum(amount), min(purchase_date), max(purchase_date)) AS f,
      strftime(max(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS last_day FROM purchases ${notLive}`;
}

async function tableExists(conn: SqlConnection, table: string): Promise<boolean> {
  const [present] = await conn.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '${table}'`,
  );
  return Number(present?.n) > 0;
}

let building: Promise<string> | null = null;

async function build(conn: SqlConnection, columns: PurchaseColumns, asOf: string | null, onlyIfMissing: boolean) {
  const [row] = await conn.query<{ f: string | null; last_day: string | null }>(fingerprintSql(columns));
  // Up to the last purchase day the as-of lines are all the lines: one table serves both.
  const dated = asOf !== null && row?.last_day != null && asOf < row.last_day;
  const table = dated ? PURCHASE_NET_AS_OF_TABLE : PURCHASE_NET_TABLE;
  if (onlyIfMissing && (await tableExists(conn, table))) return table;
  const fingerprint = `${row?.f ?? ''}|${dated ? asOf : 'all'}`;
  await conn.query(`CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (net_table VARCHAR, fingerprint VARCHAR)`);
  const [state] = await conn.query<{ fingerprint: string }>(
    `SELECT fingerprint FROM ${STATE_TABLE} WHERE net_table = '${table}'`,
  );
  if (state?.fingerprint === fingerprint && (await tableExists(conn, table))) return table;
  for (const statement of purchaseNetStatements(columns, table, dated ? asOf : null)) await conn.query(statement);
  await conn.query(`DELETE FROM ${STATE_TABLE} WHERE net_table = '${table}'`);
  await conn.query(`INSERT INTO ${STATE_TABLE} VALUES ('${table}', '${fingerprint.replace(/'/g, "''")}')`);
  return table;
}

/** ensurePurchaseNet over all the data, reading which columns `purchases` has (the Dashboard and reports; nothing without purchases). */
export async function ensureAllPurchaseNet(conn: SqlConnection): Promise<void> {
  const rows = await conn.query<{ name: string }>(
    `SELECT lower(column_name) AS name FROM information_schema.columns
     WHERE table_name = 'purchases' AND table_schema = current_schema()`,
  );
  if (rows.length > 0)
    await ensurePurchaseNet(
      conn,
      rows.map((r) => r.name),
    );
}

/**
 * Builds the net lines' table for `asOf` (null: all the data) when the purchases changed since it was
 * last built, and returns its name for netPurchaseLinesSql. Calls overlapping in time wait for each
 * other, since a build's steps must not interleave on the connection. With `onlyIfMissing` (the live
 * paths, which score a handful of customers every second) an existing table is used as it is: lines
 * added since are taken as they are until the next fit or features rebuild it.
 */
export async function ensurePurchaseNet(
  conn: SqlConnection,
  columns: PurchaseColumns,
  asOf: string | null = null,
  onlyIfMissing = false,
): Promise<string> {
  while (building) await building.catch(() => undefined);
  building = build(conn, columns, asOf, onlyIfMissing);
  try {
    return await building;
  } finally {
    building = null;
  }
}
