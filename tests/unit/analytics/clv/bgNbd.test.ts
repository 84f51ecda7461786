// BG/NBD against the published CDNOW fit (../shared/data/cdnow/README.md): Fader, Hardie & Lee (2005)
// report r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4; an exact ML fit gives 0.2426, 4.4135, 0.7929,
// 2.4258 and −9582.43.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd, probabilityAlive } from '../../../../src/analytics/clv/bgNbd';
import { nelderMead } from '../../../../src/analytics/optimize/nelderMead';

const CSV = path.resolve(import.meta.dirname, '../../../../../shared/data/cdnow/cdnow_customers_summary.csv');

function cdnowSummary() {
  const rows = readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  return {
    x: Float64Array.from(rows, (r) => r[1] ?? NaN),
    tx: Float64Array.from(rows, (r) => r[2] ?? NaN),
    T: Float64Array.from(rows, (r) => r[3] ?? NaN),
  };
}

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum at (1, 1) and says it converged', () => {
    const result = nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], {
      tolerance: 1e-14,
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('reports no convergence when it runs out of iterations', () => {
    const result = nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], {
      maxIterations: 5,
    });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });
});

describe('BG/NBD on CDNOW (weeks)', () => {
  const data = cdnowSummary();

  it('has the published log-likelihood at the published parameters', () => {
    const ll = bgNbdLogLikelihood({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, data);
    expect(ll).toBeCloseTo(-9582.43, 1);
  });

  it('fits the published parameters by maximum likelihood', () => {
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.parameters.r).toBeCloseTo(0.2426, 4);
    expect(fit.parameters.alpha).toBeCloseTo(4.4135, 3);
    expect(fit.parameters.a).toBeCloseTo(0.7929, 4);
    expect(fit.parameters.b).toBeCloseTo(2.4258, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it('gives P(alive) = 1 without repeat purchases, and lower the longer since the last one', () => {
    const p = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    expect(probabilityAlive(p, 0, 0, 30)).toBe(1);
    const recent = probabilityAlive(p, 3, 29, 30);
    const lapsed = probabilityAlive(p, 3, 5, 30);
    expect(recent).toBeGreaterThan(lapsed);
    expect(recent).toBeLessThanOrEqual(1);
    expect(lapsed).toBeGreaterThan(0);
  });
});
