// The SQL console on the open workspace: its own DuckDB connection (so its transaction never wraps
// the page's reads), the schema list and the CSV export of a whole result.

import { openConnection } from '../duckdb/duckdbClient';
import type { SqlStore } from '../sql';
import { openWorkspace, queryToCsv } from '../workspace';
import { readConsoleSchema, runConsoleQuery, type ConsoleResult } from './runConsoleQuery';
import { checkReadOnly } from './readOnlySql';

let connection: Promise<SqlStore> | null = null;

async function consoleConnection(): Promise<SqlStore> {
  const { duck } = await openWorkspace();
  connection ??= openConnection(duck);
  return connection;
}

/** Runs a console statement (read-only; refused otherwise). */
export async function runInConsole(sql: string): Promise<ConsoleResult> {
  return runConsoleQuery(await consoleConnection(), sql);
}

/** The tables and columns to show beside the editor. */
export async function consoleSchema(): Promise<{ table: string; columns: string[] }[]> {
  return readConsoleSchema((await openWorkspace()).duck.read);
}

/** A query's whole result as CSV, written by DuckDB (checked read-only first). */
export async function consoleCsv(sql: string): Promise<Blob> {
  const check = checkReadOnly(sql);
  if (!check.ok) throw new Error(check.reason);
  if (!check.isQuery) throw new Error('Only queries (SELECT, WITH, FROM, VALUES, TABLE) export whole.');
  return queryToCsv((await openWorkspace()).duck, check.statement, 'lantern-query.csv');
}
