import { describe, expect, it } from 'vitest';
import { concatColumns } from '../../../src/data/duckdb/arrowColumns';

describe('concatColumns', () => {
  it('joins per-batch columns in order, column by column', () => {
    const joined = concatColumns([
      { a: Float64Array.of(1, 2), b: Float64Array.of(10, 20) },
      { a: Float64Array.of(3), b: Float64Array.of(NaN) },
    ]);
    expect([...(joined.a ?? [])]).toEqual([1, 2, 3]);
    expect([...(joined.b ?? [])]).toEqual([10, 20, NaN]);
  });

  it('gives no columns for no batches', () => {
    expect(concatColumns([])).toEqual({});
  });
});
