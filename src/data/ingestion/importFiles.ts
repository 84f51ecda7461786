// Imports a set of mapped files into the workspace tables in DuckDB. Every file is staged, checked
// and split into accepted rows, rejects and rows already in the table; the new tables replace the old
// ones in one transaction only at the end, so a cancelled or failed import leaves the previous data as it was.
// A replace that would leave a table with far fewer rows is asked about first (confirmShrink).

import { TABLE_SPECS, type TableKind } from '../schema';
import { sqlIdent, sqlString, tableExists, type SqlConnection } from '../sql';
import type { ImportOptions } from './importOptions';
import type { ScanResult } from './scanDelimited';
import { stageCsvInDuckDb } from './stageCsvInDuckDb';
import type { StagePlan, StageProgress } from './stageFile';
import type { BatchSink } from './stagingBatch';
import { buildValidation, createRejectsSql, createTargetTableSql, insertAcceptedSql } from './validationSql';

export interface FileToImport {
  /** Short unique id, used in table names: letters, digits and underscores only. */
  id: string;
  file: File;
  plan: StagePlan;
  options: ImportOptions;
  /** Id of an earlier import of this same file whose skipped rows are now to be kept ("Import them anyway"). */
  repeatOf?: string;
}

export interface FileImportReport {
  id: string;
  fileName: string;
  kind: TableKind;
  table: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Valid rows skipped because the table already held them (appending a file with no id column). */
  alreadyPresent: number;
  returns: number;
  createdCustomers: number;
  rejectsTable: string;
  /** Which reader staged the file: DuckDB's CSV reader for clean CSVs, or the JavaScript parsers. */
  reader: StageReader;
  mode: ImportOptions['mode'];
  importedAt: string;
}

export interface ImportResult {
  reports: FileImportReport[];
  /** Workspace tables whose contents changed (to be persisted). */
  changedTables: string[];
}

/** Parses a file into the staging sink; in the browser this runs in the ingest worker. */
export type Stager = (
  file: File,
  plan: StagePlan,
  sink: BatchSink,
  onProgress: (p: StageProgress) => void,
) => Promise<number>;

export type StageReader = 'duckdb-csv' | 'javascript';

/** Decides whether DuckDB's CSV reader may stage a file (runs in the ingest worker in the browser). */
export type Scanner = (file: File, plan: StagePlan) => Promise<ScanResult>;

export interface ImportProgress {
  fileName: string;
  phase: 'reading' | 'checking' | 'saving';
  rowsRead: number;
  fraction: number;
}

export interface ImportContext {
  conn: SqlConnection;
  stage: Stager;
  /** ISO date used for the far-future date check. */
  today: string;
  onProgress?: (p: ImportProgress) => void;
  /** When given, clean CSV files are staged by DuckDB's CSV reader instead of `stage`. */
  scan?: Scanner;
  /** Checked between steps; the in-flight parse is cancelled by terminating its worker. */
  signal?: AbortSignal;
  /**
   * Asked before the swap when replacing would leave a table with far fewer rows than it has (see
   * shrinksFarEnough); the import goes on only when it resolves true. Without it, the import goes on.
   */
  confirmShrink?: (shrinks: TableShrink[]) => Promise<boolean>;
}

/** A table an import would replace with far fewer rows: how many it has and would have, from which files. */
export interface TableShrink {
  table: string;
  kind: TableKind;
  rowsNow: number;
  rowsAfter: number;
  files: { fileName: string; accepted: number; rejected: number }[];
}

/** Replacing `rowsNow` rows with `rowsAfter` needs the user's word: nothing left, or under half. */
export function shrinksFarEnough(rowsNow: number, rowsAfter: number): boolean {
  return rowsNow > 0 && rowsAfter < rowsNow / 2;
}

/** The user kept the current data when asked (confirmShrink said no): nothing was changed. */
export class ReplaceDeclined extends Error {
  constructor(readonly shrinks: TableShrink[]) {
    const what = shrinks.map((s) => `${s.table} keeps its ${s.rowsNow.toLocaleString('en-US')} rows`).join(', ');
    super(`Nothing was replaced: ${what}.`);
    this.name = 'ReplaceDeclined';
  }
}

const KIND_ORDER: TableKind[] = ['customers', 'purchases', 'campaigns', 'performance'];

async function count(conn: SqlConnection, sql: string): Promise<number> {
  const rows = await conn.query<{ n: number }>(sql);
  return Number(rows[0]?.n ?? 0);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
}

/** Stages one file: DuckDB's CSV reader when the scan says it reads the file exactly as Lantern would, else the JavaScript parsers. */
async function stageOneFile(
  item: FileToImport,
  stageTable: string,
  ctx: ImportContext,
): Promise<{ rowsStaged: number; reader: StageReader }> {
  const { conn } = ctx;
  const onProgress = (p: StageProgress) =>
    ctx.onProgress?.({ fileName: item.file.name, phase: 'reading', rowsRead: p.rowsRead, fraction: p.fraction });
  const scan =
    ctx.scan && (item.plan.format === 'csv' || item.plan.format === 'tsv')
      ? await ctx.scan(item.file, item.plan)
      : null;
  if (scan?.clean) {
    try {
      return {
        rowsStaged: await stageCsvInDuckDb(conn, item.file, item.plan, scan, stageTable, onProgress, ctx.signal),
        reader: 'duckdb-csv',
      };
    } catch {
      // DuckDB read the file differently from the scan (an odd quote, a very long line): parse it in JavaScript.
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(stageTable)}`);
    }
  }
  throwIfAborted(ctx.signal);
  let created = false;
  const sink: BatchSink = async (ipc) => {
    await conn.insertArrowIpc(stageTable, ipc, !created);
    created = true;
  };
  return { rowsStaged: await ctx.stage(item.file, item.plan, sink, onProgress), reader: 'javascript' };
}

/** The replaced tables that would keep far fewer rows than they have now. */
async function shrinkingTables(
  conn: SqlConnection,
  replaced: ReadonlySet<TableKind>,
  pending: ReadonlyMap<string, string>,
  reports: readonly FileImportReport[],
): Promise<TableShrink[]> {
  const shrinks: TableShrink[] = [];
  for (const kind of replaced) {
    const table = TABLE_SPECS[kind].table;
    const fresh = pending.get(table);
    if (!fresh || !(await tableExists(conn, table))) continue;
    const rowsNow = await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(table)}`);
    const rowsAfter = await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(fresh)}`);
    if (!shrinksFarEnough(rowsNow, rowsAfter)) continue;
    const files = reports
      .filter((r) => r.kind === kind)
      .map((r) => ({ fileName: r.fileName, accepted: r.accepted, rejected: r.rejected }));
    shrinks.push({ table, kind, rowsNow, rowsAfter, files });
  }
  return shrinks;
}

/** Imports files table by table (customers first, so purchases can be checked against them). */
export async function importFiles(files: FileToImport[], ctx: ImportContext): Promise<ImportResult> {
  const { conn } = ctx;
  const ordered = [...files].sort((a, b) => KIND_ORDER.indexOf(a.options.kind) - KIND_ORDER.indexOf(b.options.kind));
  const pending = new Map<string, string>(); // workspace table → its "__new" table
  const replaced = new Set<TableKind>(); // tables started empty (Replace) rather than from their rows
  const scratch: string[] = [];
  const reports: FileImportReport[] = [];
  const importedAt = new Date().toISOString();

  const newTableFor = async (kind: TableKind, mode: ImportOptions['mode']): Promise<string> => {
    const table = TABLE_SPECS[kind].table;
    const existing = pending.get(table);
    if (existing) return existing;
    const fresh = `${table}__new`;
    await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(fresh)}`);
    await conn.query(createTargetTableSql(kind, fresh));
    if (mode === 'append' && (await tableExists(conn, table))) {
      await conn.query(`INSERT INTO ${sqlIdent(fresh)} SELECT * FROM ${sqlIdent(table)}`);
    } else if (mode !== 'append') replaced.add(kind);
    pending.set(table, fresh);
    return fresh;
  };

  try {
    for (const item of ordered) {
      throwIfAborted(ctx.signal);
      const { options, file } = item;
      const target = await newTableFor(options.kind, options.mode);
      const stageTable = `stage_${item.id}`;
      scratch.push(stageTable, `${stageTable}__checked`);
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(stageTable)}`);

      const stageStarted = performance.now();
      const { rowsStaged, reader } = await stageOneFile(item, stageTable, ctx);
      throwIfAborted(ctx.signal);
      const checkStarted = performance.now();
      // Named measures let a profile or the benchmark split an import into its steps.
      performance.measure('lantern:import:stage', { start: stageStarted, end: checkStarted });
      ctx.onProgress?.({ fileName: file.name, phase: 'checking', rowsRead: rowsStaged, fraction: 1 });

      let customersTable: string | null = null;
      if (options.kind === 'purchases') {
        const pendingCustomers = pending.get('customers');
        if (pendingCustomers) customersTable = pendingCustomers;
        else if (
          (await tableExists(conn, 'customers')) &&
          (await count(conn, 'SELECT count(*) AS n FROM customers')) > 0
        ) {
          customersTable = await newTableFor('customers', 'append');
        }
      }
      const input = {
        stageTable,
        targetTable: target,
        customersTable,
        headers: item.plan.headers,
        options,
        idPrefix: item.id,
        today: ctx.today,
        repeatOf: item.repeatOf ?? null,
      };
      const plan = buildValidation(input);
      for (const statement of plan.statements) {
        throwIfAborted(ctx.signal);
        await conn.query(statement);
      }
      const rejectsTable = `rejects_${item.id}`;
      scratch.push(rejectsTable); // dropped if anything later fails
      await conn.query(createRejectsSql(stageTable, plan.checkedTable, rejectsTable, item.plan.headers));
      // The staged text is no longer needed: dropping it before the insert keeps two copies of the
      // data in memory at a time instead of three (DuckDB-WASM has about 3 GB).
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(stageTable)}`);
      const before = await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(target)}`);
      const returnsBefore =
        options.kind === 'purchases'
          ? await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(target)} WHERE is_return`)
          : 0;
      await conn.query(insertAcceptedSql(input, plan.checkedTable, file.name));
      const alreadyPresent = await count(
        conn,
        `SELECT count(*) AS n FROM ${sqlIdent(plan.checkedTable)} WHERE already_present`,
      );
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(plan.checkedTable)}`);
      performance.measure('lantern:import:check', { start: checkStarted, end: performance.now() });

      let createdCustomers = 0;
      if (customersTable && options.kind === 'purchases' && options.unknownCustomers === 'create') {
        const customersBefore = await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(customersTable)}`);
        await conn.query(
          `INSERT INTO ${sqlIdent(customersTable)} (customer_id, source_file)
           SELECT DISTINCT customer_id, ${sqlString(`${file.name} (created for unknown customers)`)} FROM ${sqlIdent(target)}
           WHERE customer_id NOT IN (SELECT customer_id FROM ${sqlIdent(customersTable)})`,
        );
        createdCustomers =
          (await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(customersTable)}`)) - customersBefore;
      }

      const accepted = (await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(target)}`)) - before;
      const rejected = await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(rejectsTable)}`);
      // Only this file's rows: an earlier file of the same name may already be in the table (append).
      const returns =
        options.kind === 'purchases'
          ? (await count(conn, `SELECT count(*) AS n FROM ${sqlIdent(target)} WHERE is_return`)) - returnsBefore
          : 0;
      if (accepted + rejected + alreadyPresent !== rowsStaged) {
        throw new Error(
          `${file.name}: ${rowsStaged} rows read but ${accepted} accepted + ${rejected} rejected + ${alreadyPresent} already in the table. This is a bug in Lantern; nothing was changed.`,
        );
      }
      reports.push({
        id: item.id,
        fileName: file.name,
        kind: options.kind,
        table: TABLE_SPECS[options.kind].table,
        rowsRead: rowsStaged,
        accepted,
        rejected,
        alreadyPresent,
        returns,
        createdCustomers,
        rejectsTable,
        reader,
        mode: options.mode,
        importedAt,
      });
    }
    throwIfAborted(ctx.signal);
    if (ctx.confirmShrink) {
      const shrinks = await shrinkingTables(conn, replaced, pending, reports);
      if (shrinks.length > 0 && !(await ctx.confirmShrink(shrinks))) throw new ReplaceDeclined(shrinks);
      throwIfAborted(ctx.signal);
    }

    // The swap: one transaction, so readers see either all old tables or all new ones.
    await conn.query('BEGIN TRANSACTION');
    try {
      for (const [table, fresh] of pending) {
        await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
        await conn.query(`ALTER TABLE ${sqlIdent(fresh)} RENAME TO ${sqlIdent(table)}`);
      }
      await conn.query('COMMIT');
    } catch (error) {
      await conn.query('ROLLBACK');
      throw error;
    }
    return { reports, changedTables: [...pending.keys(), ...reports.map((r) => r.rejectsTable)] };
  } catch (error) {
    for (const t of [...scratch, ...pending.values(), ...reports.map((r) => r.rejectsTable)]) {
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(t)}`).catch(() => undefined);
    }
    throw error;
  }
}
