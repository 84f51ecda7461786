// The small surface Lantern needs from a DuckDB connection, so the same SQL code runs against
// duckdb-wasm in the browser (AsyncDuckDB) and in Node tests (the blocking build).

export type SqlRow = Record<string, unknown>;

export interface SqlConnection {
  /** Runs a query and returns its rows as plain objects (BIGINT read as double). */
  query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]>;
  /** Inserts an Arrow IPC stream into a table, creating it when asked. */
  insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
}

/** Quotes a string literal for SQL. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Quotes an identifier for SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A connection that can also serialise a table to an Arrow IPC stream (for persistence). */
export interface SqlStore extends SqlConnection {
  exportArrowIpc(table: string): Promise<Uint8Array>;
}
