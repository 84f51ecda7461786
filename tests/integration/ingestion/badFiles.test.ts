// The malformed-file corpus (tests/fixtures/bad/cases.json): every case runs through the real import
// path (sniff, mapping, staging, DuckDB checks) and its counts, row numbers and reasons are compared
// with the hand-counted expectations.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDroppedFile } from '../../../src/data/ingestion/compressedFile';
import { missingRequiredFields, proposeMapping } from '../../../src/data/ingestion/detectMapping';
import { formatFindings, unansweredFindings } from '../../../src/data/ingestion/formatFindings';
import { sniffFile } from '../../../src/data/ingestion/sniffFile';
import { sampleFromSniff } from '../../../src/data/ingestion/stagePlan';
import type { TableKind } from '../../../src/data/schema';
import { FIXTURES, fileFrom, importWithProposal, type ReaderChoice } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

interface Expectation {
  fileError?: boolean;
  messageIncludes?: string;
  noHeader?: boolean;
  columnCount?: number;
  requiredNotMapped?: string[];
  rowsRead?: number;
  accepted?: number;
  rejected?: number;
  rejectedRows?: number[];
  reasonIncludes?: string[];
  reasonsByRow?: Record<string, string>;
  column?: string;
  amountSum?: number;
  returns?: number;
  returnRows?: number[];
  detectedDateFormat?: string;
  firstDate?: string;
  kept?: Record<string, string>;
  warning?: boolean;
  longestCell?: number;
  /** The format decisions the file's evidence settles: subject ("decimal" or a date field) → choice. */
  findings?: Record<string, string>;
  /** Subjects the file cannot settle: the import waits for the user's answer. */
  unanswered?: string[];
  /** Subjects the file cannot settle, answered by the case's options as a user would. */
  unansweredWithoutOptions?: string[];
  findingIncludes?: string[];
  warningIncludes?: string;
  noWarning?: boolean;
  encoding?: string;
  /** Stored values: each query's column `v`, row by row ({file} is the imported file's name). */
  stored?: { sql: string; equals: unknown[] }[];
}

interface Case {
  file?: string;
  files?: string[];
  table?: TableKind;
  tableByFile?: Record<string, TableKind>;
  what: string;
  options?: { delimiter?: string; decimalSeparator?: '.' | ','; cancellationPrefix?: string };
  optionsByFile?: Record<string, { unknownCustomers?: 'create' | 'reject' }>;
  expect?: Expectation;
  expectByFile?: Record<string, Expectation>;
  expectAlone?: Record<string, Expectation>;
}

const BAD = path.join(FIXTURES, 'bad');
const cases = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as Case[];

const db = suiteDuckDb();

let reader: ReaderChoice = 'auto';

async function importCase(files: string[], c: Case) {
  const tableOf = (name: string) => c.tableByFile?.[name] ?? c.table ?? 'purchases';
  const overrides = c.options?.delimiter ? { delimiter: c.options.delimiter } : {};
  return importWithProposal(
    db,
    files.map((f) => fileFrom(path.join(BAD, f))),
    (_options, sniff) => {
      const proposal = proposeMapping(sampleFromSniff(sniff), tableOf(sniff.fileName));
      return {
        ...proposal.options,
        ...(c.options?.decimalSeparator ? { decimalSeparator: c.options.decimalSeparator } : {}),
        ...(c.options?.cancellationPrefix ? { cancellationPrefix: c.options.cancellationPrefix } : {}),
        ...(c.optionsByFile?.[sniff.fileName] ?? {}),
      };
    },
    overrides,
    reader,
  );
}

async function checkImported(
  fileName: string,
  expected: Expectation,
  report: Awaited<ReturnType<typeof importCase>>[number],
) {
  if (expected.rowsRead !== undefined) expect(report.rowsRead).toBe(expected.rowsRead);
  if (expected.accepted !== undefined) expect(report.accepted).toBe(expected.accepted);
  if (expected.rejected !== undefined) expect(report.rejected).toBe(expected.rejected);
  expect(report.accepted + report.rejected + report.alreadyPresent).toBe(report.rowsRead);
  const rejects = await db.query<{ _row: number; _column: string; _reason: string }>(
    `SELECT _row, _column, _reason FROM ${report.rejectsTable} ORDER BY _row`,
  );
  if (expected.rejectedRows) expect(rejects.map((r) => r._row)).toEqual(expected.rejectedRows);
  for (const reason of expected.reasonIncludes ?? []) {
    expect(
      rejects.every((r) => r._reason.includes(reason)),
      `every reject of ${fileName} mentions "${reason}": ${JSON.stringify(rejects)}`,
    ).toBe(true);
  }
  if (expected.column) expect(rejects.every((r) => r._column.split(', ').includes(expected.column ?? ''))).toBe(true);
  for (const [row, reason] of Object.entries(expected.reasonsByRow ?? {})) {
    expect(rejects.find((r) => r._row === Number(row))?._reason).toContain(reason);
  }
  const fromFile = `source_file = '${fileName}'`;
  if (expected.amountSum !== undefined) {
    const [sum] = await db.query<{ s: number }>(`SELECT sum(amount) AS s FROM ${report.table} WHERE ${fromFile}`);
    expect(sum?.s).toBeCloseTo(expected.amountSum, 6);
  }
  if (expected.returns !== undefined) expect(report.returns).toBe(expected.returns);
  if (expected.returnRows) {
    const rows = await db.query<{ r: number }>(
      `SELECT source_row AS r FROM purchases WHERE is_return AND ${fromFile} ORDER BY r`,
    );
    expect(rows.map((r) => r.r)).toEqual(expected.returnRows);
  }
  if (expected.firstDate) {
    const [first] = await db.query<{ d: string }>(
      `SELECT strftime(purchase_date, '%Y-%m-%d') AS d FROM purchases WHERE ${fromFile} ORDER BY source_row LIMIT 1`,
    );
    expect(first?.d).toBe(expected.firstDate);
  }
  for (const { sql, equals } of expected.stored ?? []) {
    const rows = await db.query<{ v: unknown }>(sql.replaceAll('{file}', fileName.replaceAll("'", "''")));
    expect(
      rows.map((r) => r.v),
      sql,
    ).toEqual(equals);
  }
  for (const [id, location] of Object.entries(expected.kept ?? {})) {
    const [row] = await db.query<{ location: string }>(`SELECT location FROM customers WHERE customer_id = '${id}'`);
    expect(row?.location).toBe(location);
  }
}

// Every case runs twice: as the app stages it (DuckDB's CSV reader for clean CSVs) and with the JavaScript parsers only.
describe.each(['auto', 'javascript'] as const)('malformed-file corpus (%s reader)', (choice) => {
  beforeAll(() => {
    reader = choice;
  });

  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    const files = c.files ?? [c.file ?? ''];
    it(`${files.join(' + ')}: ${c.what}`, async () => {
      if (c.files) {
        const reports = await importCase(files, c);
        for (const report of reports)
          await checkImported(report.fileName, c.expectByFile?.[report.fileName] ?? {}, report);
        for (const [file, expected] of Object.entries(c.expectAlone ?? {})) {
          const [alone] = await importCase([file], { ...c, optionsByFile: {} });
          await checkImported(file, expected, alone!);
        }
        return;
      }
      const expected = c.expect ?? {};
      const opened = await openDroppedFile(fileFrom(path.join(BAD, files[0] ?? '')));
      if (!opened.ok) {
        expect(expected.fileError, opened.message).toBe(true);
        expect(opened.message.toLowerCase()).toContain(expected.messageIncludes?.toLowerCase());
        return;
      }
      const file = opened.file;
      const sniff = await sniffFile(file, c.options?.delimiter ? { delimiter: c.options.delimiter } : {});
      if (expected.fileError) {
        expect(sniff.ok).toBe(false);
        if (!sniff.ok) expect(sniff.message.toLowerCase()).toContain(expected.messageIncludes?.toLowerCase());
        return;
      }
      if (!sniff.ok) throw new Error(`unexpectedly refused: ${sniff.message}`);
      if (expected.columnCount !== undefined) expect(sniff.headers).toHaveLength(expected.columnCount);
      if (expected.warning) expect(sniff.warnings.length).toBeGreaterThan(0);
      if (expected.warningIncludes) expect(sniff.warnings.join(' ')).toContain(expected.warningIncludes);
      if (expected.noWarning) expect(sniff.warnings).toEqual([]);
      if (expected.encoding) expect(sniff.encoding).toBe(expected.encoding);
      if (expected.longestCell) {
        expect(Math.max(...sniff.sampleRows.flat().map((cell) => cell?.length ?? 0))).toBe(expected.longestCell);
      }
      const proposal = proposeMapping(sampleFromSniff(sniff), c.table);
      const findings = formatFindings(sniff.evidence, proposal.options);
      for (const [subject, choice] of Object.entries(expected.findings ?? {})) {
        expect(findings.find((f) => f.subject === subject)?.decision.choice, subject).toBe(choice);
      }
      for (const text of expected.findingIncludes ?? []) expect(findings.map((f) => f.text).join(' ')).toContain(text);
      if (expected.unanswered) {
        // The import cannot start until the user answers: nothing to import in this case.
        expect(unansweredFindings(findings, proposal.options).map((f) => f.subject)).toEqual(expected.unanswered);
        return;
      }
      expect(
        unansweredFindings(findings, proposal.options).map((f) => f.subject),
        'the file settles its formats',
      ).toEqual(expected.unansweredWithoutOptions ?? []);
      if (expected.noHeader) {
        expect(sniff.hasHeader).toBe(false);
        return;
      }
      if (expected.requiredNotMapped) {
        expect(missingRequiredFields(proposal.options)).toEqual(expected.requiredNotMapped);
        return;
      }
      if (expected.detectedDateFormat) {
        const dateField = c.table === 'performance' ? 'date' : 'purchase_date';
        expect(proposal.options.dateFormats[dateField]).toBe(expected.detectedDateFormat);
      }
      const [report] = await importCase(files, c);
      await checkImported(file.name, expected, report!);
    });
  }
});
