import { tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { StagingBatcher, utf8Vector } from '../../../../src/data/ingestion/stagingBatch';

describe('utf8Vector', () => {
  it('keeps every value, null, empty string and non-ASCII character', () => {
    const values = ['plain', null, '', 'Zoë Łukasz 東京 😀', 'a'.repeat(10_000), null, 'last'];
    expect(utf8Vector(values).toArray()).toEqual(values);
  });

  it('handles a batch of only nulls and an empty batch', () => {
    expect(utf8Vector([null, null]).toArray()).toEqual([null, null]);
    expect(utf8Vector([]).toArray()).toEqual([]);
  });
});

describe('StagingBatcher', () => {
  it('hands over Arrow batches with row numbers, problems and text cells; short rows padded with nulls', async () => {
    const batches: { rows: number; table: Table }[] = [];
    const batcher = new StagingBatcher(
      2,
      (ipc, rows) => {
        batches.push({ rows, table: tableFromIPC(ipc) });
        return Promise.resolve();
      },
      2,
    );
    batcher.add(2, ['a', '1']);
    batcher.add(3, ['b']);
    await batcher.maybeFlush();
    batcher.add(5, ['c', '3', 'extra'], 'wrong number of fields');
    await batcher.flush();
    expect(batches.map((b) => b.rows)).toEqual([2, 1]);
    expect(batcher.rowsStaged).toBe(3);
    const rows = batches.flatMap((b) => b.table.toArray().map((r: { toJSON(): unknown }) => r.toJSON()));
    expect(rows).toEqual([
      { __row: 2, __problem: null, c0: 'a', c1: '1' },
      { __row: 3, __problem: null, c0: 'b', c1: null },
      { __row: 5, __problem: 'wrong number of fields', c0: 'c', c1: '3' },
    ]);
  });
});
