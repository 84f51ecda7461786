import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseK, sampleIndices } from '../../../src/analytics/segmentation/autoK';
import { standardise } from '../../../src/analytics/segmentation/kmeans';

const CSV = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv',
);
const rows = standardise(
  readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) =>
      line
        .split(',')
        .slice(1, 5)
        .map((v) => Math.log1p(Number(v))),
    ),
).rows;

describe('chooseK on the CDNOW reference matrix', () => {
  it('gives an elbow (falling inertia) and picks the k with the best silhouette: 2, as scikit-learn’s scores say', () => {
    const progress: number[] = [];
    const result = chooseK(rows, { seed: 1, restarts: 5, kMin: 2, kMax: 6, onProgress: (done) => progress.push(done) });
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const inertias = result.candidates.map((c) => c.inertia);
    expect(inertias.every((v, i) => i === 0 || v < (inertias[i - 1] ?? Infinity))).toBe(true);
    expect(result.bestK).toBe(2);
    expect(result.candidates[0]?.silhouette).toBeCloseTo(0.5903, 2);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('scores the silhouette on a seeded sample when there are many customers', () => {
    const a = sampleIndices(10_000, 500, 7);
    expect(new Set(a).size).toBe(500);
    expect(sampleIndices(10_000, 500, 7)).toEqual(a);
    expect(sampleIndices(10_000, 500, 8)).not.toEqual(a);
    expect(sampleIndices(3, 500, 7)).toEqual([0, 1, 2]);
    const sampled = chooseK(rows, { seed: 1, restarts: 3, kMin: 2, kMax: 3, sampleSize: 800 });
    expect(Math.abs((sampled.candidates[0]?.silhouette ?? 0) - 0.5903)).toBeLessThan(0.03);
  });
});
