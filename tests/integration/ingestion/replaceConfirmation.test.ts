// Replace never empties a table by accident: an import that would leave a table with none or under half
// of its rows asks first (confirmShrink), names the table, its rows now and after, and the files; when
// the answer is no, nothing changes, not even the rejects; when yes, the replace goes through.

import { describe, expect, it } from 'vitest';
import { ReplaceDeclined, type TableShrink } from '../../../src/data/ingestion/importFiles';
import type { ImportOptions } from '../../../src/data/ingestion/importOptions';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

const HEADER = 'customer_id,purchase_date,amount';
const good = (n: number) => Array.from({ length: n }, (_, i) => `C${i},2024-01-${String(i + 1).padStart(2, '0')},10`);
const bad = (n: number) => Array.from({ length: n }, (_, i) => `C${i},2024-01-01,lots`);

const rowsNow = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases'))[0]?.n);
const tables = async () =>
  (await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`)).map(
    (t) => t.name,
  );

/** Imports `lines` as purchases.csv; `answer` is what the user says when asked (null: never asked). */
function importPurchases(lines: string[], mode: ImportOptions['mode'], answer: boolean | null) {
  const asked: TableShrink[][] = [];
  const confirmShrink = (shrinks: TableShrink[]) => {
    asked.push(shrinks);
    return Promise.resolve(answer ?? true);
  };
  const file = fileFrom('purchases.csv', [HEADER, ...lines].join('\n') + '\n');
  const run = importWithProposal(db, [file], () => ({ mode }), {}, 'auto', {}, { confirmShrink });
  return { run, asked };
}

describe('replacing a table with far fewer rows', () => {
  it('asks first, and "keep the current data" changes nothing', async () => {
    await importPurchases(good(10), 'replace', null).run;
    const before = await tables();
    const { run, asked } = importPurchases(bad(3), 'replace', false);
    await expect(run).rejects.toThrow(ReplaceDeclined);
    await expect(run).rejects.toThrow('Nothing was replaced: purchases keeps its 10 rows.');
    expect(asked).toEqual([
      [
        {
          table: 'purchases',
          kind: 'purchases',
          rowsNow: 10,
          rowsAfter: 0,
          files: [{ fileName: 'purchases.csv', accepted: 0, rejected: 3 }],
        },
      ],
    ]);
    expect(await rowsNow()).toBe(10);
    expect(await tables()).toEqual(before);
  });

  it('asks when under half would be left, and replaces when told to', async () => {
    const { run, asked } = importPurchases(good(4), 'replace', true);
    await run;
    expect(asked[0]?.[0]).toMatchObject({ rowsNow: 10, rowsAfter: 4 });
    expect(await rowsNow()).toBe(4);
  });

  it('does not ask when half or more is left, nor when adding to the table', async () => {
    const half = importPurchases(good(2), 'replace', null);
    await half.run;
    expect(half.asked).toEqual([]);
    expect(await rowsNow()).toBe(2);
    const added = importPurchases(bad(5), 'append', null);
    await added.run;
    expect(added.asked).toEqual([]);
    expect(await rowsNow()).toBe(2);
  });
});
