// Parquet goes through hyparquet (no DuckDB extension, nothing fetched) and the same checks as CSV.

import { describe, expect, it } from 'vitest';
import { fileFrom, importWithProposal, sniffOk } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';
import { purchasesParquet } from '../../support/parquetFixture';

const db = suiteDuckDb();

describe('Parquet import', () => {
  it('sniffs columns and sample rows', async () => {
    const sniff = await sniffOk(fileFrom('purchases.parquet', purchasesParquet()));
    expect(sniff.format).toBe('parquet');
    expect(sniff.headers).toEqual(['customer_id', 'purchase_date', 'amount', 'quantity', 'category']);
    expect(sniff.sampleRows[0]).toEqual(['A1', '2024-03-01 10:00:00.000', '19.99', '1', 'books']);
  });

  it('imports with row numbers, rejects and returns', async () => {
    const [report] = await importWithProposal(db, [fileFrom('purchases.parquet', purchasesParquet())]);
    expect(report).toMatchObject({ rowsRead: 5, accepted: 4, rejected: 1, returns: 1 });
    expect(await db.query(`SELECT _row, _reason FROM ${report!.rejectsTable}`)).toEqual([
      { _row: 3, _reason: 'customer_id: missing required value' },
    ]);
    const [sums] = await db.query<{ total: number; last: string }>(
      `SELECT sum(amount) AS total, strftime(max(purchase_date), '%Y-%m-%d %H:%M') AS last FROM purchases`,
    );
    expect(sums?.total).toBeCloseTo(125.5, 9);
    expect(sums?.last).toBe('2024-03-05 18:45');
  });

  it('a file named .parquet that is not Parquet gets a clear message', async () => {
    const { sniffFile } = await import('../../../src/data/ingestion/sniffFile');
    const sniff = await sniffFile(fileFrom('fake.parquet', 'customer_id,amount\n1,2\n'));
    expect(sniff).toMatchObject({ ok: false, message: 'fake.parquet is named .parquet but is not a Parquet file.' });
  });
});
