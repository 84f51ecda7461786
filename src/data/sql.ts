// The small surface Lantern needs from a DuckDB connection, so the same SQL code runs against
// duckdb-wasm in the browser (AsyncDuckDB) and in Node tests (the blocking build).

import { FORMULA_START, PLAIN_NUMBER } from '../lib/csv';

export type SqlRow = Record<string, unknown>;

export interface SqlConnection {
  /** Runs a query and returns its rows as plain objects (BIGINT read as double). */
  query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]>;
  /** Runs a query and returns each result column as doubles (NULL = NaN): cheap for 100k+ rows, no row objects. */
  queryNumericColumns(sql: string): Promise<Record<string, Float64Array>>;
  /** Inserts an Arrow IPC stream into a table, creating it when asked. */
  insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /** Makes a file (or slice of one) readable by name in SQL, e.g. `read_csv('name')`. */
  registerFile(name: string, file: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/** Quotes a string literal for SQL. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Quotes an identifier for SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** IndexedDB refuses single values over ~128 MB in Chromium; stored tables are cut into chunks well below that,
 * small enough that building one never holds the main thread for long. */
export const MAX_IPC_CHUNK_BYTES = 8 * 1024 * 1024;

/** A connection that can also serialise a table to Arrow IPC streams (for persistence). */
export interface SqlStore extends SqlConnection {
  /** The table as one or more Arrow IPC streams of whole record batches, each about `maxChunkBytes` at most. */
  exportArrowIpc(table: string, maxChunkBytes?: number): Promise<Uint8Array[]>;
}

/** formulaSafe (src/lib/csv.ts) in SQL, for a VARCHAR expression: the same patterns, so every export agrees. */
export function csvSafeSql(value: string): string {
  const formula = `regexp_matches(${value}, ${sqlString(FORMULA_START)}) AND NOT regexp_matches(${value}, ${sqlString(PLAIN_NUMBER)})`;
  return `CASE WHEN ${formula} THEN '''' || ${value} ELSE ${value} END`;
}

/** Whether a table exists in the main schema. */
export async function tableExists(conn: SqlConnection, table: string): Promise<boolean> {
  const rows = await conn.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${sqlString(table)}`,
  );
  return rows.length > 0;
}
