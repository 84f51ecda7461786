// Stages a clean CSV (see scanDelimited) with DuckDB's own CSV reader, slice by slice: many times
// faster than parsing in JavaScript, with the same staged rows, row numbers and progress.

import { sqlIdent, sqlString, type SqlConnection } from '../sql';
import type { ScanResult } from './scanDelimited';
import type { StagePlan, StageProgress } from './stageFile';
import { stageColumn } from './validationSql';

/** Creates an empty staging table: row number, parse problem, and one text column per header. */
export function createStageTableSql(stageTable: string, width: number): string {
  const columns = Array.from({ length: width }, (_, i) => `${stageColumn(i)} VARCHAR`);
  return `CREATE TABLE ${sqlIdent(stageTable)} (__row INTEGER, __problem VARCHAR${columns.length ? ', ' + columns.join(', ') : ''})`;
}

/** Reads every slice of the file into the staging table; resolves with the rows staged. */
export async function stageCsvInDuckDb(
  conn: SqlConnection,
  file: Blob,
  plan: StagePlan,
  scan: Extract<ScanResult, { clean: true }>,
  stageTable: string,
  onProgress: (p: StageProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<number> {
  const width = plan.headers.length;
  const delimiter = plan.dialect?.delimiter ?? ',';
  const columns = `{${Array.from({ length: width }, (_, i) => `'${stageColumn(i)}': 'VARCHAR'`).join(', ')}}`;
  await conn.query(createStageTableSql(stageTable, width));
  let staged = 0;
  for (const [k, slice] of scan.slices.entries()) {
    if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
    const name = `${stageTable}_${k}.csv`;
    const headerHere = plan.hasHeader && slice.firstRow === 1;
    const firstDataRow = headerHere ? 2 : slice.firstRow;
    await conn.registerFile(name, file.slice(slice.start, slice.end));
    try {
      await conn.query(
        `INSERT INTO ${sqlIdent(stageTable)}
         SELECT CAST(row_number() OVER () AS INTEGER) + ${firstDataRow - 1}, NULL, *
         FROM read_csv(${sqlString(name)}, header = ${headerHere}, auto_detect = false, delim = ${sqlString(delimiter)},
                       quote = '"', escape = '"', columns = ${columns})`,
      );
    } finally {
      await conn.dropFile(name);
    }
    staged += slice.lines - (headerHere ? 1 : 0);
    onProgress({ rowsRead: staged, fraction: slice.end / Math.max(1, file.size) });
  }
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${sqlIdent(stageTable)}`);
  if (Number(count?.n) !== staged) {
    throw new Error(`DuckDB read ${count?.n} rows where the scan found ${staged}.`);
  }
  return staged;
}
