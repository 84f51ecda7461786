// k-means against the CDNOW reference in ../shared/data/cdnow/README.md: scikit-learn 1.2 inertias
// (k-means++, n_init=10) and silhouettes on log(1 + x, t_x, T, zbar), standardised.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitKMeans, silhouette, standardise } from '../../../src/analytics/segmentation/kmeans';

const CSV = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv',
);

function cdnowMatrix(): number[][] {
  const [, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n');
  return lines.map((line) =>
    line
      .split(',')
      .slice(1, 5)
      .map((v) => Math.log1p(Number(v))),
  );
}

// k → [inertia with n_init=10, best known inertia, silhouette]
const REFERENCE: Record<number, [number, number, number]> = {
  2: [3463.526, 3463.526, 0.5903],
  3: [2401.047, 2401.047, 0.5355],
  4: [1708.886, 1708.886, 0.4922],
  5: [1352.481, 1352.413, 0.4973],
  6: [1154.457, 1154.142, 0.4706],
  7: [994.885, 994.638, 0.463],
  8: [882.927, 882.622, 0.4534],
};

describe('k-means on the CDNOW reference matrix', () => {
  const { rows, means, sds } = standardise(cdnowMatrix());

  it('standardises to mean 0 and population standard deviation 1', () => {
    expect(rows).toHaveLength(2357);
    expect(means).toHaveLength(4);
    for (let c = 0; c < 4; c++) {
      const column = rows.map((r) => r[c] ?? 0);
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length);
      expect(mean).toBeCloseTo(0, 10);
      expect(sd).toBeCloseTo(1, 10);
    }
    expect(sds.every((s) => s > 0)).toBe(true);
  });

  it.each(Object.entries(REFERENCE))(
    'k = %s reaches scikit-learn’s inertia within 0.5 % of the best known',
    (kText, [nInit10, bestKnown]) => {
      const fit = fitKMeans(rows, Number(kText), { seed: 1, restarts: 10 });
      expect(fit.converged).toBe(true);
      // Never better than the best known optimum (beyond rounding), and close to it.
      expect(fit.inertia).toBeGreaterThan(bestKnown - 0.01);
      expect(fit.inertia / bestKnown - 1).toBeLessThan(0.005);
      expect(fit.inertia).toBeLessThan(nInit10 * 1.005);
    },
  );

  it.each([2, 3, 4])('k = %i: silhouette matches scikit-learn to 0.01', (k) => {
    const fit = fitKMeans(rows, k, { seed: 1, restarts: 10 });
    expect(Math.abs(silhouette(rows, fit.clusters, k) - (REFERENCE[k]?.[2] ?? NaN))).toBeLessThan(0.01);
  });

  it('is reproducible from its seed', () => {
    const a = fitKMeans(rows, 5, { seed: 42, restarts: 3 });
    const b = fitKMeans(rows, 5, { seed: 42, restarts: 3 });
    expect(a.clusters).toEqual(b.clusters);
    expect(a.inertia).toBe(b.inertia);
  });
});
