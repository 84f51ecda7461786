// Runs one read-only statement from the SQL console: checked first (readOnlySql), then run inside a
// transaction that is always rolled back, with at most `limit` rows brought back as text (DuckDB
// formats every value, dates and nested values included) and the full count when there are more.

import { sqlString, type SqlConnection } from '../sql';
import { checkReadOnly } from './readOnlySql';

export interface ConsoleColumn {
  name: string;
  /** DuckDB's type name; empty for statements whose columns are not described (SHOW, EXPLAIN, …). */
  type: string;
}

export interface ConsoleResult {
  statement: string;
  /** A query whose whole result can be exported with COPY. */
  isQuery: boolean;
  columns: ConsoleColumn[];
  rows: (string | null)[][];
  /** All rows the statement returns (more than `rows.length` when truncated). */
  totalRows: number;
  truncated: boolean;
  ms: number;
}

/** Rows shown at most; the export has them all. */
export const CONSOLE_ROW_LIMIT = 10_000;

// Query results arrive as text already (cast in SQL); other statements' cells are mostly text, and
// anything else is shown as JSON.
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

/** Runs `sql` if it only reads; throws with the reason when it does not, or with DuckDB's error. */
export async function runConsoleQuery(
  conn: SqlConnection,
  sql: string,
  limit = CONSOLE_ROW_LIMIT,
): Promise<ConsoleResult> {
  const check = checkReadOnly(sql);
  if (!check.ok) throw new Error(check.reason);
  const { statement, isQuery } = check;
  const started = performance.now();
  // The second wall: whatever the check missed is undone.
  await conn.query('BEGIN TRANSACTION');
  try {
    if (isQuery) {
      const described = await conn.query<{ column_name: string; column_type: string }>(`DESCRIBE ${statement}`);
      const columns = described.map((c) => ({ name: c.column_name, type: c.column_type }));
      const raw = await conn.query(`SELECT COLUMNS(*)::VARCHAR FROM (${statement}) LIMIT ${limit + 1}`);
      const truncated = raw.length > limit;
      const rows = raw.slice(0, limit).map((r) => Object.values(r).map(text));
      const totalRows = truncated
        ? Number((await conn.query<{ n: number }>(`SELECT count(*) AS n FROM (${statement})`))[0]?.n ?? 0)
        : rows.length;
      return { statement, isQuery, columns, rows, totalRows, truncated, ms: performance.now() - started };
    }
    const raw = await conn.query(statement);
    const names = Object.keys(raw[0] ?? {});
    const rows = raw.slice(0, limit).map((r) => names.map((n) => text(r[n])));
    return {
      statement,
      isQuery,
      columns: names.map((name) => ({ name, type: '' })),
      rows,
      totalRows: raw.length,
      truncated: raw.length > limit,
      ms: performance.now() - started,
    };
  } finally {
    await conn.query('ROLLBACK');
  }
}

/** The tables and columns the console can query, for the side list. */
export async function readConsoleSchema(conn: SqlConnection): Promise<{ table: string; columns: string[] }[]> {
  const rows = await conn.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name NOT LIKE '%staging%' AND table_name NOT LIKE ${sqlString('rejects_%')}
     ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return [...tables].map(([table, columns]) => ({ table, columns }));
}
