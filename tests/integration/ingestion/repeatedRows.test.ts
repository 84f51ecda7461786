// Appending a file with no id column: rows equal to the table's on every mapped column are already
// there and skipped, counted as multisets (the k-th identical line of the file matches the k-th copy in
// the table). Each case loads the table, appends the file through the real import path and counts.

import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../src/data/ingestion/importOptions';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

const PLAIN = 'customer_id,purchase_date,amount';
const WITH_CATEGORY = 'customer_id,purchase_date,amount,category';
const WITH_ID = 'id,customer_id,purchase_date,amount';
const INVOICES = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

interface Case {
  what: string;
  header: string;
  /** Lines the table holds before (imported in replace mode). */
  table: string[];
  /** Lines of the appended file. */
  file: string[];
  options?: Partial<ImportOptions>;
  expected: { accepted: number; rejected: number; alreadyPresent: number };
  /** Rows in the table afterwards. */
  tableRows: number;
}

const A = 'A,2024-01-01,10';
const B = 'B,2024-01-02,20';
const C = 'C,2024-01-03,30';
const D = 'D,2024-01-04,40';
const E = 'E,2024-01-05,50';

const cases: Case[] = [
  {
    what: 'a file with two identical lines into a table holding one copy adds one',
    header: PLAIN,
    table: [A],
    file: [A, A],
    expected: { accepted: 1, rejected: 0, alreadyPresent: 1 },
    tableRows: 2,
  },
  {
    what: 'the same file twice adds nothing, its own repeated lines included',
    header: PLAIN,
    table: [A, A, B],
    file: [A, A, B],
    expected: { accepted: 0, rejected: 0, alreadyPresent: 3 },
    tableRows: 3,
  },
  {
    what: 'an overlapping export adds only the new rows',
    header: PLAIN,
    table: [A, B, C],
    file: [B, C, D, E],
    expected: { accepted: 2, rejected: 0, alreadyPresent: 2 },
    tableRows: 5,
  },
  {
    what: 'a file holding more copies than the table adds the extra copies',
    header: PLAIN,
    table: [A],
    file: [A, A, A, B],
    expected: { accepted: 3, rejected: 0, alreadyPresent: 1 },
    tableRows: 4,
  },
  {
    what: 'a row differing in one column is new',
    header: PLAIN,
    table: [A],
    file: ['A,2024-01-01,10.01', 'A,2024-01-02,10', 'A2,2024-01-01,10'],
    expected: { accepted: 3, rejected: 0, alreadyPresent: 0 },
    tableRows: 4,
  },
  {
    what: 'values are compared as typed: "10.00" and a float id "17850.0" equal 10 and 17850',
    header: PLAIN,
    table: ['17850,2024-01-01,10'],
    file: ['17850.0,2024-01-01,10.00'],
    expected: { accepted: 0, rejected: 0, alreadyPresent: 1 },
    tableRows: 1,
  },
  {
    what: 'keeping repeated rows adds all of them',
    header: PLAIN,
    table: [A, B, C],
    file: [A, A, B, C],
    options: { keepRepeatedRows: true },
    expected: { accepted: 4, rejected: 0, alreadyPresent: 0 },
    tableRows: 7,
  },
  {
    what: 'NULL columns compare equal',
    header: WITH_CATEGORY,
    table: ['A,2024-01-01,10,', 'B,2024-01-02,20,books'],
    file: ['A,2024-01-01,10,', 'B,2024-01-02,20,', 'B,2024-01-02,20,books'],
    expected: { accepted: 1, rejected: 0, alreadyPresent: 2 },
    tableRows: 3,
  },
  {
    what: 'rejected rows stay rejected, never already present',
    header: PLAIN,
    table: [A, ',2024-01-02,20'],
    file: [A, ',2024-01-02,20'],
    expected: { accepted: 0, rejected: 1, alreadyPresent: 1 },
    tableRows: 1,
  },
  {
    what: 'replace mode is unaffected',
    header: PLAIN,
    table: [A, B],
    file: [A, B, B],
    options: { mode: 'replace' },
    expected: { accepted: 3, rejected: 0, alreadyPresent: 0 },
    tableRows: 3,
  },
  {
    what: 'a mapped id column keeps rejecting duplicate ids',
    header: WITH_ID,
    table: ['P1,A,2024-01-01,10'],
    file: ['P1,A,2024-01-01,10', 'P2,A,2024-01-01,10'],
    expected: { accepted: 1, rejected: 1, alreadyPresent: 0 },
    tableRows: 2,
  },
  {
    what: 'an invoice export (amount = quantity × unit price) added again adds nothing, a changed price is new',
    header: INVOICES,
    table: [
      '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
    ],
    file: [
      '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
      '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.65,17850.0,United Kingdom',
    ],
    expected: { accepted: 1, rejected: 0, alreadyPresent: 2 },
    tableRows: 3,
  },
];

const csv = (header: string, lines: string[]) => `${header}\n${lines.join('\n')}\n`;

describe('appending rows already in the table', () => {
  it.each(cases)('$what', async (c) => {
    const [before] = await importWithProposal(db, [fileFrom('before.csv', csv(c.header, c.table))]);
    expect(before?.mode).toBe('replace');
    const [report] = await importWithProposal(db, [fileFrom('again.csv', csv(c.header, c.file))], () => ({
      mode: 'append',
      ...c.options,
    }));
    expect(report).toMatchObject({ rowsRead: c.file.length, ...c.expected });
    const [table] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases');
    expect(table?.n).toBe(c.tableRows);
  });

  it('two copies of one export dropped together add it once', async () => {
    await importWithProposal(db, [fileFrom('before.csv', csv(PLAIN, [A]))]);
    const reports = await importWithProposal(
      db,
      [fileFrom('one.csv', csv(PLAIN, [B, C])), fileFrom('copy.csv', csv(PLAIN, [B, C]))],
      () => ({ mode: 'append' }),
    );
    expect(reports.map((r) => [r.accepted, r.alreadyPresent])).toEqual([
      [2, 0],
      [0, 2],
    ]);
  });

  it('"Import them anyway" adds exactly the rows the earlier import of the file skipped', async () => {
    await importWithProposal(db, [fileFrom('before.csv', csv(PLAIN, [A, B, C]))]);
    const overlap = fileFrom('overlap.csv', csv(PLAIN, [B, C, D, E, ',2024-01-09,1']));
    const [skipping] = await importWithProposal(db, [overlap], () => ({ mode: 'append' }));
    expect(skipping).toMatchObject({ accepted: 2, rejected: 1, alreadyPresent: 2 });
    const [anyway] = await importWithProposal(
      db,
      [overlap],
      () => ({ mode: 'append', keepRepeatedRows: true }),
      {},
      'auto',
      { repeatOf: skipping!.id },
    );
    // B and C now, D and E were added by the earlier import; the reject stays a reject
    expect(anyway).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 1, alreadyPresent: 2 });
    const rows = await db.query<{ customer_id: string; n: number }>(
      'SELECT customer_id, count(*) AS n FROM purchases GROUP BY customer_id ORDER BY customer_id',
    );
    expect(rows).toEqual([
      { customer_id: 'A', n: 1 },
      { customer_id: 'B', n: 2 },
      { customer_id: 'C', n: 2 },
      { customer_id: 'D', n: 1 },
      { customer_id: 'E', n: 1 },
    ]);
  });
});
