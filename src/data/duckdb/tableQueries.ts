// Queries behind the Data page: which tables exist, how many rows, and a page of rows as text.

import { TABLE_KINDS, TABLE_SPECS } from '../schema';
import { sqlIdent, sqlString, type SqlConnection } from '../sql';

export interface TableSummary {
  table: string;
  label: string;
  rows: number;
}

/** The workspace tables that exist, in data-model order, with their row counts. */
export async function listTables(conn: SqlConnection): Promise<TableSummary[]> {
  const existing = await conn.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`,
  );
  const names = new Set(existing.map((r) => r.name));
  const summaries: TableSummary[] = [];
  for (const kind of TABLE_KINDS) {
    const { table, label } = TABLE_SPECS[kind];
    if (!names.has(table)) continue;
    const rows = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${sqlIdent(table)}`);
    summaries.push({ table, label, rows: Number(rows[0]?.n ?? 0) });
  }
  return summaries;
}

export interface TablePage {
  columns: string[];
  rows: (string | null)[][];
  total: number;
}

export interface TableOrder {
  column: string;
  descending?: boolean;
}

/** Rows `page * pageSize` … of a table, every value as text, in import order. */
export async function readTablePage(
  conn: SqlConnection,
  table: string,
  page: number,
  pageSize: number,
  orderBy?: TableOrder,
): Promise<TablePage> {
  const columns = (
    await conn.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${sqlString(table)} ORDER BY ordinal_position`,
    )
  ).map((r) => r.name);
  const total = Number((await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${sqlIdent(table)}`))[0]?.n ?? 0);
  const select = columns.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR) AS ${sqlIdent(c)}`).join(', ');
  const order = orderBy
    ? `ORDER BY t.${sqlIdent(orderBy.column)} ${orderBy.descending ? 'DESC' : 'ASC'}`
    : columns.includes('source_row')
      ? 'ORDER BY t.source_file, t.source_row'
      : columns.includes('_row')
        ? 'ORDER BY t._row'
        : '';
  const rows = await conn.query(
    `SELECT ${select} FROM ${sqlIdent(table)} AS t ${order} LIMIT ${Math.floor(pageSize)} OFFSET ${Math.floor(page * pageSize)}`,
  );
  return { columns, rows: rows.map((r) => columns.map((c) => (r[c] == null ? null : (r[c] as string)))), total };
}
