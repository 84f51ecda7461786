// BG/NBD against the published CDNOW fit (../shared/data/cdnow/README.md): Fader, Hardie & Lee (2005)
// report r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4; an exact ML fit gives 0.2426, 4.4135, 0.7929,
// 2.4258 and −9582.43. The forecasts are checked against values computed independently with mpmath
// (50 significant digits, the untransformed equations 7 and 10, limits at a = 1 and a + b = 1 by
// symmetric evaluation at ±1e-22), to catch both formula slips and stdlib 2F1's weak spots.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  medianWaitIfAlive,
  probabilityAlive,
  probabilityPurchaseWithin,
  type BgNbdParameters,
} from '../../../../src/analytics/clv/bgNbd';
import { nelderMead } from '../../../../src/analytics/optimize/nelderMead';

const CDNOW_DIR = path.resolve(import.meta.dirname, '../../../../../shared/data/cdnow');
const CSV = path.join(CDNOW_DIR, 'cdnow_customers_summary.csv');
const PUBLISHED: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** |actual − expected| / |expected|, so one tolerance fits values from 1e-12 to 1e4. */
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

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

  it('sums the per-customer likelihood exactly, though it computes the gamma and beta terms once per x', () => {
    const p = { r: 0.31, alpha: 5.2, a: 0.9, b: 2.1 };
    let direct = 0;
    for (let i = 0; i < data.x.length; i++) {
      direct += bgNbdCustomerLogLikelihood(p, data.x[i] ?? 0, data.tx[i] ?? 0, data.T[i] ?? 0);
    }
    expect(bgNbdLogLikelihood(p, data)).toBeCloseTo(direct, 8);
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

describe('P(alive) on the log scale', () => {
  it.each([
    // [label, x, t_x, T, mpmath reference]
    ['FHL worked example', 2, 30.43, 38.86, 0.726578570080673],
    ['200 purchases, last 300 periods ago, T = 1e5', 200, 1e5 - 300, 1e5, 0.992866178472744],
    ['a million purchases, T = 1e9, t_x one period before T', 1e6, 1e9 - 1, 1e9, 0.9999992062083652],
  ])('%s', (_label, x, tx, T, reference) => {
    expect(relativeError(probabilityAlive(PUBLISHED, x, tx, T), reference)).toBeLessThan(1e-10);
  });

  it('is 1 without repeat purchases, whatever the age', () => {
    for (const T of [0, 1, 38.86, 1e6]) expect(probabilityAlive(PUBLISHED, 0, 0, T)).toBe(1);
  });

  it('saturates to 0 instead of NaN when the odds overflow', () => {
    const p = probabilityAlive(PUBLISHED, 1e5, 1, 1e6);
    expect(p).toBe(0);
  });
});

describe('expectedPurchases (equation 7)', () => {
  it.each([
    // [label, r, α, a, b, t, mpmath reference]
    ['CDNOW, 1 week', 0.243, 4.414, 0.793, 2.426, 1, 0.05326789117165828],
    ['CDNOW, 39 weeks', 0.243, 4.414, 0.793, 2.426, 39, 1.196723193320817],
    ['CDNOW, 78 weeks', 0.243, 4.414, 0.793, 2.426, 78, 1.8605190579427686],
    ['CDNOW, z near 1', 0.243, 4.414, 0.793, 2.426, 4.414e7, 129.3377687327495],
    ['a > 1, z near 1', 0.5, 2, 2.5, 3, 1e8, 2.99907192281226],
    ['small r, z near 1', 0.05, 0.3, 1.2, 0.7, 3e7, 2.20380114438396],
    ['a = 1 exactly (0/0 in the closed form)', 0.4, 3, 1, 2, 39, 1.9312380032815377],
    ['a = 1 exactly, z near 1', 0.4, 3, 1, 2, 3e7, 26.281060652713062],
    ['a = 1 + 1e-12', 0.5, 1, 1.000000000001, 0.5, 10, 1.1989476363985465],
    ['a just inside the interpolated a ≈ 1 window', 0.4, 3, 1.000099, 2, 100, 3.0046091987697823],
    ['a just outside the interpolated a ≈ 1 window', 0.4, 3, 1.000101, 2, 100, 3.004603859950913],
    ['a + b = 1 (2F1 with c = 0)', 0.5, 2, 0.5, 0.5, 39, 2.6426989633394626],
    ['a + b = 1, z near 1', 0.3, 1.5, 0.3, 0.7, 1.5e7, 29221.975588456065],
    // Where c − a − b of the 2F1 is within 1e-7 of an integer, stdlib's connection formula is off by
    // up to 1e-2 as z → 1 (measured); the interpolation in a must bridge it.
    ['r − (a − 1) = 1e-9', 0.3, 2, 1.3000000010000001, 2, 2e7, 7.238128311904063],
    ['r − (a − 1) = 1e-7', 0.5, 1, 1.5000001, 2, 1e7, 4.980427416377444],
    ['r − (a − 1) = 0 up to rounding', 0.1, 1, 1.1, 2, 1e6, 7.850440633743006],
    ['r − (a − 1) = 1 exactly', 1.5, 1, 1.5, 2, 1e6, 4.992500053256771],
    ['a = 1 and r − (a − 1) = 1 together', 1, 1, 1, 1, 1e5, 11.51293546492023],
    // b ≫ r (a fitted Beta drifting large when the data show little dropout): stdlib's 2F1 is off by up
    // to 1e-2 or NaN near z = 1, so these go through the quadrature; b 95 and 105 straddle the switch.
    ['b ≫ r, large a and b', 0.3, 5, 50, 3000, 5e4, 48.64041685734143],
    ['b ≫ r, a > r + 1 (stdlib gives NaN)', 0.019, 426, 8, 396, 1.55e7, 6.569897943502374],
    ['b ≫ r, a < 1', 0.5, 2, 0.3, 400, 2e5, 13703.315021147442],
    ['b 95: just on the 2F1 side of the switch', 2, 1, 1.5, 95, 1e4, 174.6577424377485],
    ['b 105: just on the quadrature side', 2, 1, 1.5, 105, 1e4, 192.0330791271358],
    // a ≫ r near z = 1: stdlib's Euler step (1−z)^(c−a−b) overflows.
    ['a ≫ r, z near 1', 0.05, 1, 45, 3, 9e7, 0.6392561994045066],
  ])('matches mpmath: %s', (_label, r, alpha, a, b, t, reference) => {
    expect(relativeError(expectedPurchases({ r, alpha, a, b }, t), reference)).toBeLessThan(1e-8);
  });

  it('is 0 at t = 0', () => {
    expect(expectedPurchases(PUBLISHED, 0)).toBe(0);
  });

  it.each([
    ['CDNOW', PUBLISHED],
    ['a > 1', { r: 0.5, alpha: 2, a: 2.5, b: 3 }],
    ['a = 1', { r: 0.4, alpha: 3, a: 1, b: 2 }],
    ['a + b = 1', { r: 0.5, alpha: 2, a: 0.5, b: 0.5 }],
  ])('increases with t up to 1e8 rate scales (%s)', (_label, p) => {
    let previous = 0;
    for (let t = 1e-3; t <= 1e8 * p.alpha; t *= 1.7) {
      const value = expectedPurchases(p, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });

  it('levels off at E[1/p] = (a+b−1)/(a−1) when a > 1', () => {
    // With r = 2 and a − 1 = 2 the remainder shrinks like (α/t)²: 4e-11 at t = 1e6, 4e-13 at 1e7.
    const fast = { r: 2, alpha: 1, a: 3, b: 1 };
    expect(expectedPurchases(fast, 1e7)).toBeCloseTo(1.5, 11);
    // With r = 0.5 it shrinks like (α/t)^0.5; at the 1e8-rate-scale bound mpmath puts the gap at 6.5625e-4.
    const slow = { r: 0.5, alpha: 2, a: 2.5, b: 3 };
    const gap = 3 - expectedPurchases(slow, 2e8);
    expect(relativeError(gap, 0.0006562498296344611)).toBeLessThan(1e-6);
  });

  it('evaluates horizons beyond 1e8 rate scales at that bound, finite even at the largest double', () => {
    const atBound = expectedPurchases(PUBLISHED, 1e8 * PUBLISHED.alpha);
    for (const t of [1e9 * PUBLISHED.alpha, 1e300, Number.MAX_VALUE]) {
      expect(expectedPurchases(PUBLISHED, t)).toBe(atBound);
    }
    expect(Number.isFinite(atBound)).toBe(true);
  });

  it.each([
    ['negative', -1],
    ['NaN', NaN],
    ['infinite', Infinity],
  ])('rejects a %s horizon', (_label, t) => {
    expect(() => expectedPurchases(PUBLISHED, t)).toThrow(RangeError);
  });
});

describe('conditionalExpectedPurchases (equation 10)', () => {
  it('reproduces the worked example of FHL (2005): 1.226 purchases in the next 39 weeks', () => {
    const value = conditionalExpectedPurchases(PUBLISHED, 39, 2, 30.43, 38.86);
    expect(value).toBeCloseTo(1.226, 3);
    expect(value).toBeCloseTo(1.2260281747671444, 10);
  });

  it.each([
    // [label, r, α, a, b, t, x, t_x, T, mpmath reference]
    ['heavy buyer', 0.243, 4.414, 0.793, 2.426, 39, 1000, 38.85, 38.86, 686.9567623002721],
    [
      'x = 20000 (the untransformed 2F1 overflows)',
      0.243,
      4.414,
      0.793,
      2.426,
      39,
      20000,
      38.859,
      38.86,
      13743.347094712952,
    ],
    ['lapsed heavy buyer', 0.243, 4.414, 0.793, 2.426, 39, 30, 10, 38.86, 3.0339895629421763e-12],
    ['long history, z near 1', 0.243, 4.414, 0.793, 2.426, 1e9, 5, 990, 1000, 470.7242977689384],
    ['a = 1, x > 0', 0.4, 3, 1, 2, 52, 3, 20, 30, 1.9342449422477692],
    ['a + b = 1, x = 0, T > 0', 0.5, 2, 0.5, 0.5, 20, 0, 0, 10, 0.5646494488344483],
    [
      'heavy buyer of a low-dropout base (quadrature)',
      0.243,
      4.414,
      0.793,
      250,
      5000,
      300,
      399,
      400,
      1397.5807572252099,
    ],
  ])('matches mpmath: %s', (_label, r, alpha, a, b, t, x, tx, T, reference) => {
    const value = conditionalExpectedPurchases({ r, alpha, a, b }, t, x, tx, T);
    expect(relativeError(value, reference)).toBeLessThan(1e-8);
  });

  it.each([1, 39, 1e3, 1e6])('equals the unconditional expectation for x = 0, T = 0 (t = %d)', (t) => {
    expect(conditionalExpectedPurchases(PUBLISHED, t, 0, 0, 0)).toBeCloseTo(expectedPurchases(PUBLISHED, t), 12);
  });

  it('for x = 0 is a new customer with α + T: an unseen customer is alive and only slower', () => {
    const shifted = { ...PUBLISHED, alpha: PUBLISHED.alpha + 38.86 };
    expect(conditionalExpectedPurchases(PUBLISHED, 39, 0, 0, 38.86)).toBeCloseTo(expectedPurchases(shifted, 39), 12);
  });

  it('is 0 at t = 0 and rejects inconsistent histories', () => {
    expect(conditionalExpectedPurchases(PUBLISHED, 0, 2, 30.43, 38.86)).toBe(0);
    expect(() => conditionalExpectedPurchases(PUBLISHED, 39, 2, 40, 38.86)).toThrow(RangeError);
    expect(() => conditionalExpectedPurchases(PUBLISHED, 39, -1, 0, 38.86)).toThrow(RangeError);
  });

  describe('summed over the CDNOW sample for the 39-week holdout', () => {
    const data = cdnowSummary();
    const sum = (p: BgNbdParameters) => {
      let total = 0;
      for (let i = 0; i < data.x.length; i++) {
        total += conditionalExpectedPurchases(p, 39, data.x[i] ?? NaN, data.tx[i] ?? NaN, data.T[i] ?? NaN);
      }
      return total;
    };

    it('matches the mpmath sum of equation 10 (1653.948 at the published parameters)', () => {
      expect(sum(PUBLISHED)).toBeCloseTo(1653.948427644, 6);
    });

    it('forecasts about 12 % fewer purchases than the 1,882 made in the holdout', () => {
      // The actual: distinct purchase days per customer from 1997-10-01 to 1998-06-30 in the raw sample.
      const days = new Set<string>();
      for (const line of readFileSync(path.join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').trim().split('\n')) {
        const [, id = '', date = ''] = line.trim().split(/\s+/);
        if (date > '19970930') days.add(`${id} ${date}`);
      }
      expect(days.size).toBe(1882);
      const ratio = sum(PUBLISHED) / days.size;
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(0.9);
    });

    it('agrees with the cohort-level forecast Σ E[X(T+39)] − E[X(T)] to within 1 %', () => {
      let cohort = 0;
      for (const T of data.T) cohort += expectedPurchases(PUBLISHED, T + 39) - expectedPurchases(PUBLISHED, T);
      expect(cohort).toBeCloseTo(1668.8096837459, 6);
      expect(relativeError(sum(PUBLISHED), cohort)).toBeLessThan(0.01);
    });
  });
});

describe('probabilityPurchaseWithin', () => {
  const histories: [string, number, number, number][] = [
    ['new customer', 0, 0, 0],
    ['FHL worked example', 2, 30.43, 38.86],
    ['lapsed', 3, 5, 38.86],
    ['heavy recent buyer', 25, 38.5, 38.86],
  ];

  it.each(histories)('stays in [0, P(alive)] and increases towards P(alive) (%s)', (_label, x, tx, T) => {
    const alive = probabilityAlive(PUBLISHED, x, tx, T);
    let previous = probabilityPurchaseWithin(PUBLISHED, 0, x, tx, T);
    expect(previous).toBe(0);
    for (let t = 0.01; t < 1e6; t *= 2) {
      const value = probabilityPurchaseWithin(PUBLISHED, t, x, tx, T);
      // Strictly while the chance of no purchase is still visible in a double, never falling after.
      if (t < 10) expect(value).toBeGreaterThan(previous);
      else expect(value).toBeGreaterThanOrEqual(previous);
      expect(value).toBeLessThanOrEqual(alive);
      previous = value;
    }
    expect(probabilityPurchaseWithin(PUBLISHED, 1e300, x, tx, T)).toBeCloseTo(alive, 12);
  });

  it('is the NBD chance 1 − (α/(α+t))^r for a new customer', () => {
    const { r, alpha } = PUBLISHED;
    expect(probabilityPurchaseWithin(PUBLISHED, 39, 0, 0, 0)).toBeCloseTo(1 - (alpha / (alpha + 39)) ** r, 14);
  });

  it('is P(alive) · 0.7634 for the worked example over 39 weeks', () => {
    // Given alive, 1 − (43.274/82.274)^2.243 = 0.7634 from the posterior Gamma(r + x, α + T); P(alive) 0.7266.
    const value = probabilityPurchaseWithin(PUBLISHED, 39, 2, 30.43, 38.86);
    expect(value / probabilityAlive(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(1 - (43.274 / 82.274) ** 2.243, 12);
    expect(value).toBeCloseTo(0.5546, 4);
  });
});

describe('medianWaitIfAlive', () => {
  it.each([
    [0, 0],
    [2, 38.86],
    [25, 38.86],
  ])('is the wait within which an alive customer buys with probability ½ (x = %d, T = %d)', (x, T) => {
    const median = medianWaitIfAlive(PUBLISHED, x, T);
    const tx = T / 2;
    const given = probabilityPurchaseWithin(PUBLISHED, median, x, tx, T) / probabilityAlive(PUBLISHED, x, tx, T);
    expect(given).toBeCloseTo(0.5, 12);
  });

  it('is α(2^(1/r) − 1) for a new customer: 72.1 weeks at the published CDNOW parameters', () => {
    expect(medianWaitIfAlive(PUBLISHED, 0, 0)).toBeCloseTo(4.414 * (2 ** (1 / 0.243) - 1), 10);
    expect(medianWaitIfAlive(PUBLISHED, 0, 0)).toBeCloseTo(72.08, 2);
  });

  it('rejects a negative age', () => {
    expect(() => medianWaitIfAlive(PUBLISHED, 0, -1)).toThrow(RangeError);
  });
});
