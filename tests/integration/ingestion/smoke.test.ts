import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDuckDb } from '../../support/nodeDuckDb';
import { fileFrom, importWithProposal } from '../../support/importHelpers';

let db: Awaited<ReturnType<typeof openNodeDuckDb>>;
beforeAll(async () => {
  db = await openNodeDuckDb();
});
afterAll(() => db.close());

describe('import smoke', () => {
  it('imports a small purchases CSV and rejects the bad rows', async () => {
    const csv =
      'customer_id,purchase_date,amount,category\nA,2024-01-02,10.50,books\nB,2024-13-01,5,toys\n,2024-01-03,7,toys\nC,2024-01-04,abc,books\nA,2024-01-05,-10.50,books\n';
    const [report] = await importWithProposal(db, [fileFrom('purchases.csv', csv)]);
    expect(report).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, returns: 1 });
    const rejects = await db.query(`SELECT * FROM ${report!.rejectsTable} ORDER BY _row`);
    console.log(rejects);
    const rows = await db.query('SELECT * FROM purchases ORDER BY source_row');
    console.log(rows);
  });
});
