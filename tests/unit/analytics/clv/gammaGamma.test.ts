// Gamma-Gamma against the published CDNOW fit (../shared/data/cdnow/README.md): Fader, Hardie & Lee
// (2005, "RFM and CLV") report p 6.25, q 3.74, γ 15.44 on the 946 customers with a repeat purchase; an
// exact ML fit gives 6.2488, 3.7446, 15.4477. The `lifetimes` README prints conditional expected
// spends for the first customers of the same file, which the posterior mean must reproduce.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  type GammaGammaParameters,
} from '../../../../src/analytics/clv/gammaGamma';
import { pearsonCorrelation } from '../../../../src/analytics/stats';

const CSV = path.resolve(
  import.meta.dirname,
  '../../../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv',
);

/** The customers with at least one calibration repeat purchase: x and zbar (mean repeat spend, $). */
function cdnowRepeatCustomers() {
  const rows = readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number))
    .filter((r) => (r[1] ?? 0) > 0);
  return {
    x: Float64Array.from(rows, (r) => r[1] ?? NaN),
    meanSpend: Float64Array.from(rows, (r) => r[4] ?? NaN),
  };
}

const EXACT: GammaGammaParameters = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('gammaGammaLogLikelihood', () => {
  it('is the beta-prime density Γ(p+q)/(Γ(p)Γ(q)) · γ^q m^(p−1) / (γ+m)^(p+q) for one transaction', () => {
    // p 2, q 3, γ 4, m 5: 4!/(1!·2!) · 4³ · 5 / 9⁵ = 3840/59049.
    expect(gammaGammaLogLikelihood({ p: 2, q: 3, gamma: 4 }, [1], [5])).toBeCloseTo(Math.log(3840 / 59049), 12);
  });

  it.each([1, 3, 12])('is a density in the mean spend: it integrates to 1 over m (x = %d)', (x) => {
    // Trapezoid rule in u = log m, where the integrand is smooth and decays at both ends.
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const step = 0.01;
    let total = 0;
    for (let u = -20; u <= 20; u += step) {
      total += Math.exp(gammaGammaLogLikelihood(params, [x], [Math.exp(u)]) + u) * step;
    }
    expect(total).toBeCloseTo(1, 8);
  });

  it('sums customers: −4055.9232 on CDNOW at the exact fit (scipy: −4055.923243561)', () => {
    const { x, meanSpend } = cdnowRepeatCustomers();
    expect(gammaGammaLogLikelihood(EXACT, x, meanSpend)).toBeCloseTo(-4055.923243561, 6);
  });

  it.each([
    ['no repeat purchase', [0], [10]],
    ['a fractional count below 1', [0.5], [10]],
    ['zero mean spend', [2], [0]],
    ['negative mean spend', [2], [-3]],
    ['NaN mean spend', [2], [NaN]],
  ])('throws on a customer with %s instead of scoring it', (_label, x, m) => {
    expect(() => gammaGammaLogLikelihood(EXACT, x, m)).toThrow(/x ≥ 1 and mean spend > 0/);
  });

  it('throws when x and mean spend differ in length', () => {
    expect(() => gammaGammaLogLikelihood(EXACT, [1, 2], [10])).toThrow(RangeError);
  });
});

describe('fitGammaGamma on CDNOW', () => {
  const { x, meanSpend } = cdnowRepeatCustomers();
  const fit = fitGammaGamma(x, meanSpend);

  it('fits the 946 repeat customers and says it converged', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
  });

  it('reports the log-likelihood the plain per-customer sum gives at its parameters', () => {
    // The fit caches the gamma terms per distinct x; the exported likelihood does not.
    expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit.parameters, x, meanSpend), 6);
  });

  it.each([
    ['p', 6.25, 6.2488],
    ['q', 3.74, 3.7446],
    ['gamma', 15.44, 15.4477],
  ] as const)(
    'finds %s within 1 %% of the published value and to 3 decimals of the exact fit',
    (name, published, exact) => {
      const value = fit.parameters[name];
      expect(relativeError(value, published)).toBeLessThan(0.01);
      expect(value).toBeCloseTo(exact, 3);
    },
  );

  it('reaches the maximum log-likelihood −4055.9232', () => {
    expect(fit.logLikelihood).toBeCloseTo(-4055.9232, 3);
    // Any other point is worse, the published rounding included.
    expect(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, x, meanSpend)).toBeLessThan(fit.logLikelihood);
  });

  it('stops at maxIterations per run and then says it did not converge', () => {
    const capped = fitGammaGamma(x, meanSpend, { maxIterations: 3 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(6); // both runs, 3 each
  });

  it('refuses to fit no customers', () => {
    expect(() => fitGammaGamma([], [])).toThrow(RangeError);
  });
});

describe('expectedAverageSpend', () => {
  const { x, meanSpend } = cdnowRepeatCustomers();
  const fitted = fitGammaGamma(x, meanSpend).parameters;

  it.each([
    // [CDNOW id, x, zbar, lifetimes README's conditional_expected_average_profit]
    [1, 2, 22.35, 24.658619],
    [2, 1, 11.77, 18.911489],
    [3, 0, 0, 35.170981],
    [6, 7, 73.74, 71.462843],
    [9, 2, 25.55, 27.282408],
  ])('reproduces the lifetimes README for customer %d', (_id, xi, m, reference) => {
    // lifetimes' own optimiser stops a little elsewhere on the flat optimum, hence 1e-5, not 1e-9.
    expect(relativeError(expectedAverageSpend(fitted, xi, m), reference)).toBeLessThan(1e-5);
  });

  it('is the population mean pγ/(q − 1) without repeat purchases, whatever m is', () => {
    const population = (EXACT.p * EXACT.gamma) / (EXACT.q - 1);
    expect(expectedAverageSpend(EXACT, 0, 0)).toBeCloseTo(population, 12);
    expect(expectedAverageSpend(EXACT, 0, 500)).toBeCloseTo(population, 12);
  });

  it('moves from the population mean towards the customer’s own mean as x grows', () => {
    const population = expectedAverageSpend(EXACT, 0, 0);
    const own = 80;
    let previous = population;
    for (const xi of [1, 2, 5, 20, 100, 10_000]) {
      const value = expectedAverageSpend(EXACT, xi, own);
      expect(value).toBeGreaterThan(previous);
      expect(value).toBeLessThan(own);
      previous = value;
    }
    expect(previous).toBeCloseTo(own, 1);
  });

  it('stays finite for a repeat customer when q ≤ 1 makes the population mean infinite (p·x + q > 1)', () => {
    const heavy = { ...EXACT, q: 0.5 };
    expect(expectedAverageSpend(heavy, 2, 10)).toBeCloseTo(
      (heavy.p * (heavy.gamma + 2 * 10)) / (heavy.p * 2 + 0.5 - 1),
      10,
    );
  });

  it.each([
    ['q = 1 without repeat purchases', { ...EXACT, q: 1 }, 0, 10],
    ['q < 1 without repeat purchases', { ...EXACT, q: 0.5 }, 0, 10],
    ['p·x + q ≤ 1', { ...EXACT, p: 0.2, q: 0.5 }, 2, 10],
    ['a negative x', EXACT, -1, 10],
    ['x > 0 with no spend', EXACT, 2, 0],
  ])('throws for %s', (_label, params, xi, m) => {
    expect(() => expectedAverageSpend(params, xi, m)).toThrow(RangeError);
  });
});

describe('pearsonCorrelation', () => {
  it.each([
    ['a perfect positive line', [1, 2, 3, 4], [3, 5, 7, 9], 1],
    ['a perfect negative line', [1, 2, 3], [6, 4, 2], -1],
    // x̄ 2.5, ȳ 2.5; Σdxdy 3, Σdx² 5, Σdy² 5 → 0.6.
    ['a small hand-worked case', [1, 2, 3, 4], [2, 1, 4, 3], 0.6],
    ['a large common offset (one-pass formulas lose it)', [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4], [2, 1, 4, 3], 0.6],
  ])('is exact for %s', (_label, a, b, expected) => {
    expect(pearsonCorrelation(a, b)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['no points', [], []],
    ['one point', [1], [2]],
    ['a constant series', [3, 3, 3], [1, 2, 3]],
  ])('is NaN for %s', (_label, a, b) => {
    expect(pearsonCorrelation(a, b)).toBeNaN();
  });

  it('throws when the series differ in length', () => {
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2])).toThrow(RangeError);
  });

  it('finds frequency and mean spend nearly uncorrelated among CDNOW repeat customers (the model’s assumption)', () => {
    const { x, meanSpend } = cdnowRepeatCustomers();
    const r = pearsonCorrelation(x, meanSpend);
    // numpy.corrcoef gives 0.113883910486; FHL (2005) report 0.11.
    expect(r).toBeCloseTo(0.113883910486, 10);
    expect(r).toBeLessThan(0.3);
  });
});
