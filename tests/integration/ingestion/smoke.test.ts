import { describe, expect, it } from 'vitest';
import { suiteDuckDb } from '../../support/nodeDuckDb';
import { fileFrom, importWithProposal } from '../../support/importHelpers';

const db = suiteDuckDb();

describe('import smoke', () => {
  it('imports a small purchases CSV and rejects the bad rows', async () => {
    const csv =
      'customer_id,purchase_date,amount,category\nA,2024-01-02,10.50,books\nB,2024-13-01,5,toys\n,2024-01-03,7,toys\nC,2024-01-04,abc,books\nA,2024-01-05,-10.50,books\n';
    const [report] = await importWithProposal(db, [fileFrom('purchases.csv', csv)]);
    expect(report).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, returns: 1 });
    const rejects = await db.query<{ _row: number; _reason: string }>(
      `SELECT _row, _reason FROM ${report!.rejectsTable} ORDER BY _row`,
    );
    expect(rejects).toEqual([
      { _row: 3, _reason: 'purchase_date: not a date ("2024-13-01", expected ISO format)' },
      { _row: 4, _reason: 'customer_id: missing required value' },
      { _row: 5, _reason: 'amount: not a number ("abc")' },
    ]);
    const rows = await db.query<{ id: string; is_return: boolean }>(
      'SELECT id, is_return FROM purchases ORDER BY source_row',
    );
    expect(rows.map((r) => r.is_return)).toEqual([false, true]);
  });
});

describe('performance files without ratio columns', () => {
  it('imports and leaves the ratio check empty', async () => {
    const csv = 'campaign_id,date,impressions,clicks,cost,revenue\nX,2024-01-01,1000,10,5.5,20\n';
    const [report] = await importWithProposal(db, [fileFrom('performance.csv', csv)]);
    expect(report).toMatchObject({ kind: 'performance', accepted: 1, rejected: 0 });
    const [row] = await db.query('SELECT ratio_mismatch FROM campaign_performance');
    expect(row).toEqual({ ratio_mismatch: null });
  });
});

describe('which reader stages a file', () => {
  it.each([
    [
      'a clean CSV goes through DuckDB',
      'customer_id,purchase_date,amount\nA,2024-01-02,10\nB,2024-01-03,"1,234.50"\n',
      'duckdb-csv',
      2,
    ],
    [
      'a quoted newline needs the JavaScript parser',
      'customer_id,purchase_date,amount,note\nA,2024-01-02,10,"two\nlines"\n',
      'javascript',
      1,
    ],
    [
      'a ragged row needs the JavaScript parser',
      'customer_id,purchase_date,amount\nA,2024-01-02,10,extra\n',
      'javascript',
      0,
    ],
  ])('%s', async (_what, csv, reader, accepted) => {
    const [report] = await importWithProposal(db, [fileFrom('purchases.csv', csv)]);
    expect(report).toMatchObject({ reader, accepted });
  });
});

describe('csvSafeSql', () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['-3', '-3'],
    ['+1,234.5', '+1,234.5'],
    ['plain', 'plain'],
  ])('%j → %j', async (value, expected) => {
    const { csvSafeSql, sqlString } = await import('../../../src/data/sql');
    const [row] = await db.query<{ v: string }>(`SELECT ${csvSafeSql(sqlString(value))} AS v`);
    expect(row?.v).toBe(expected);
  });
});

describe('appending a second file with the same name', () => {
  it('counts only the new file’s returns and keeps both files’ rows', async () => {
    const first = 'id,customer_id,purchase_date,amount\nP1,A,2024-01-02,10\nP2,A,2024-01-03,-10\n';
    const second = 'id,customer_id,purchase_date,amount\nP3,B,2024-02-02,20\nP4,B,2024-02-03,-5\nP5,B,2024-02-04,7\n';
    await importWithProposal(db, [fileFrom('orders.csv', first)]);
    const [report] = await importWithProposal(db, [fileFrom('orders.csv', second)], (options) => ({
      ...options,
      mode: 'append',
    }));
    expect(report).toMatchObject({ rowsRead: 3, accepted: 3, returns: 1 });
    expect(await db.query('SELECT count(*) AS n FROM purchases')).toEqual([{ n: 5 }]);
  });
});
