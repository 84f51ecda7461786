// Power response curves on planted data: daily spend drawn log-uniformly, outcome = a·spend^b times
// lognormal noise exp(σ·z). The log–log fit is ordinary least squares with known noise σ, so each
// tolerance below is 4 standard errors computed from that σ and the realised spend design, not a
// number tuned until the test passed.

import { describe, expect, it } from 'vitest';
import {
  curveValue,
  fitPowerCurve,
  marginalReturn,
  type PowerCurve,
  type PowerCurveFit,
  type PowerCurveResult,
} from '../../../../src/analytics/campaigns/responseCurve';
import { mulberry32 } from '../../../../src/analytics/random';

/** Standard normal draws by Box–Muller; 1 − u keeps the log's argument in (0, 1]. */
function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface Planted {
  a: number;
  b: number;
  sigma: number;
  spendMin: number;
  spendMax: number;
  days: number;
  seed: number;
}

function plant({ a, b, sigma, spendMin, spendMax, days, seed }: Planted) {
  const random = mulberry32(seed);
  const z = normal(random);
  const spend = Float64Array.from({ length: days }, () => spendMin * (spendMax / spendMin) ** random());
  const outcome = spend.map((s) => a * s ** b * Math.exp(sigma * z()));
  return { spend, outcome };
}

function expectFit(result: PowerCurveResult): PowerCurveFit {
  if (!result.ok) throw new Error(`expected a curve, got a refusal: ${result.reason}`);
  return result;
}

describe('fitPowerCurve on planted data', () => {
  const cases: (Planted & { name: string })[] = [
    { name: 'revenue, b 0.6', a: 40, b: 0.6, sigma: 0.2, spendMin: 50, spendMax: 400, days: 120, seed: 1 },
    { name: 'conversions, b 0.45', a: 0.08, b: 0.45, sigma: 0.3, spendMin: 20, spendMax: 200, days: 60, seed: 2 },
    { name: 'linear, b 1, a year', a: 3, b: 1, sigma: 0.15, spendMin: 100, spendMax: 300, days: 365, seed: 3 },
    { name: 'the minimum 14 days', a: 10, b: 0.7, sigma: 0.25, spendMin: 30, spendMax: 120, days: 14, seed: 4 },
  ];

  it.each(cases)('$name: recovers a and b within 4 standard errors', (planted) => {
    const { spend, outcome } = plant(planted);
    const fit = expectFit(fitPowerCurve(spend, outcome));

    // OLS standard errors for the slope, the intercept, and the fitted line at the mean log spend.
    const logSpend = Array.from(spend, Math.log);
    const n = logSpend.length;
    const meanLogSpend = logSpend.reduce((s, x) => s + x, 0) / n;
    const sxx = logSpend.reduce((s, x) => s + (x - meanLogSpend) ** 2, 0);
    const seB = planted.sigma / Math.sqrt(sxx);
    const seLogA = planted.sigma * Math.sqrt(1 / n + meanLogSpend ** 2 / sxx);
    const seLogAtMean = planted.sigma / Math.sqrt(n);

    expect(fit.days).toBe(planted.days);
    expect(fit.zeroOutcomeDays).toBe(0);
    expect(Math.abs(fit.b - planted.b)).toBeLessThan(4 * seB);
    expect(Math.abs(Math.log(fit.a) - Math.log(planted.a))).toBeLessThan(4 * seLogA);
    // ln a alone is poorly pinned (it is the line's value at ln spend = 0, far outside the data); the
    // curve inside the data is pinned to within σ/√n.
    const atMean = Math.exp(meanLogSpend);
    expect(Math.abs(Math.log(curveValue(fit, atMean)) - Math.log(curveValue(planted, atMean)))).toBeLessThan(
      4 * seLogAtMean,
    );
    // The residual SD estimates σ with relative standard error about 1/√(2(n − 2)).
    expect(Math.abs(fit.logResidualSd / planted.sigma - 1)).toBeLessThan(4 / Math.sqrt(2 * (n - 2)));
    expect(fit.rSquared).toBeGreaterThan(0);
    expect(fit.rSquared).toBeLessThanOrEqual(1);
    expect(fit.spendRange).toEqual([Math.min(...spend), Math.max(...spend)]);
  });

  it('fits exact power-law data exactly', () => {
    const spend = Array.from({ length: 20 }, (_, i) => 10 + 5 * i);
    const outcome = spend.map((s) => 7 * s ** 0.55);
    const fit = expectFit(fitPowerCurve(spend, outcome));
    expect(fit.a).toBeCloseTo(7, 9);
    expect(fit.b).toBeCloseTo(0.55, 10);
    expect(fit.rSquared).toBeCloseTo(1, 12);
    expect(fit.logResidualSd).toBeCloseTo(0, 9);
  });

  it('leaves out zero-outcome and zero-spend days, counting the zero-outcome ones', () => {
    const { spend, outcome } = plant({ a: 40, b: 0.6, sigma: 0.2, spendMin: 50, spendMax: 400, days: 40, seed: 5 });
    const zeroOutcome = [3, 11, 12, 30];
    const zeroSpend = [7, 20];
    for (const i of zeroOutcome) outcome[i] = 0;
    for (const i of zeroSpend) spend[i] = 0;
    const kept = Array.from(spend.keys()).filter((i) => !zeroOutcome.includes(i) && !zeroSpend.includes(i));

    const fit = expectFit(fitPowerCurve(spend, outcome));
    const reference = expectFit(
      fitPowerCurve(
        kept.map((i) => spend[i] ?? NaN),
        kept.map((i) => outcome[i] ?? NaN),
      ),
    );
    expect(fit.days).toBe(34);
    expect(fit.zeroOutcomeDays).toBe(4);
    expect(reference.zeroOutcomeDays).toBe(0);
    expect(fit.a).toBeCloseTo(reference.a, 12);
    expect(fit.b).toBeCloseTo(reference.b, 12);
  });
});

describe('fitPowerCurve refusals', () => {
  const { spend: variedSpend, outcome: variedOutcome } = plant({
    a: 40,
    b: 0.6,
    sigma: 0.2,
    spendMin: 50,
    spendMax: 400,
    days: 30,
    seed: 6,
  });
  const random = mulberry32(7);
  const jitter = Array.from({ length: 30 }, () => 100 + 6 * (random() - 0.5)); // CV ≈ 0.02, max/min ≈ 1.06
  const cases: {
    name: string;
    spend: ArrayLike<number>;
    outcome: ArrayLike<number>;
    options?: Parameters<typeof fitPowerCurve>[2];
    reason: string | RegExp;
    days: number;
    zeroOutcomeDays?: number;
  }[] = [
    {
      name: 'constant spend',
      spend: new Array<number>(30).fill(100),
      outcome: variedOutcome,
      reason: 'not enough variation in spend to estimate a response curve',
      days: 30,
    },
    {
      name: 'spend jittering by ±3 %',
      spend: jitter,
      outcome: variedOutcome,
      reason: 'not enough variation in spend to estimate a response curve',
      days: 30,
    },
    {
      name: '5 days',
      spend: variedSpend.slice(0, 5),
      outcome: variedOutcome.slice(0, 5),
      reason: 'only 5 days with spend and revenue; at least 14 are needed',
      days: 5,
    },
    {
      name: '20 days, of which 10 without conversions',
      spend: variedSpend.slice(0, 20),
      outcome: Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0 : 3)),
      options: { outcomeLabel: 'conversions' },
      reason: 'only 10 days with spend and conversions; at least 14 are needed',
      days: 10,
      zeroOutcomeDays: 10,
    },
    {
      name: 'a stricter minDays',
      spend: variedSpend,
      outcome: variedOutcome,
      options: { minDays: 60 },
      reason: 'only 30 days with spend and revenue; at least 60 are needed',
      days: 30,
    },
    {
      name: 'outcome falling with spend (b < 0)',
      spend: variedSpend,
      outcome: variedSpend.map((s) => 1_000 * s ** -0.3),
      reason: /^the fitted exponent b = -0\.30 says revenue does not rise with spend/,
      days: 30,
    },
    {
      name: 'flat outcome (b = 0)',
      spend: variedSpend,
      outcome: new Array<number>(30).fill(500),
      reason: /^the fitted exponent b = 0\.00 says revenue does not rise with spend/,
      days: 30,
    },
    {
      name: 'accelerating returns (b = 2)',
      spend: variedSpend,
      outcome: variedSpend.map((s) => 0.01 * s ** 2),
      reason: /^the fitted exponent b = 2\.00 says returns accelerate with spend, which is not a plausible response/,
      days: 30,
    },
  ];

  it.each(cases)('$name', ({ spend, outcome, options, reason, days, zeroOutcomeDays = 0 }) => {
    const result = fitPowerCurve(spend, outcome, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (typeof reason === 'string') expect(result.reason).toBe(reason);
    else expect(result.reason).toMatch(reason);
    expect(result.days).toBe(days);
    expect(result.zeroOutcomeDays).toBe(zeroOutcomeDays);
  });

  it('throws when spend and outcome differ in length', () => {
    expect(() => fitPowerCurve([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('curveValue and marginalReturn', () => {
  const curves: PowerCurve[] = [
    { a: 2, b: 0.5 },
    { a: 40, b: 0.6 },
    { a: 0.08, b: 0.45 },
    { a: 3, b: 1 },
    { a: 0.5, b: 1.3 },
  ];
  const spends = [1, 37.5, 250, 10_000];

  it('evaluates a·spend^b', () => {
    expect(curveValue({ a: 2, b: 0.5 }, 16)).toBe(8);
    expect(curveValue({ a: 2, b: 0.5 }, 0)).toBe(0);
  });

  it.each(curves)('marginal return of a $a, b $b matches a central-difference derivative', (curve) => {
    for (const s of spends) {
      // h relative to s: truncation error ~ h², rounding ~ ε/h, both far below the 1e-7 tolerance.
      const h = 1e-5 * s;
      const numeric = (curveValue(curve, s + h) - curveValue(curve, s - h)) / (2 * h);
      const analytic = marginalReturn(curve, s);
      expect(Math.abs(analytic - numeric) / analytic).toBeLessThan(1e-7);
    }
  });

  it('rejects negative or non-finite spend', () => {
    expect(() => curveValue({ a: 1, b: 0.5 }, -1)).toThrow(RangeError);
    expect(() => marginalReturn({ a: 1, b: 0.5 }, NaN)).toThrow(RangeError);
  });
});
