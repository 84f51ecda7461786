// Logistic regression: an exact closed form (one binary feature), planted coefficients recovered within
// their standard errors, separable data, and every input it must refuse.

import { describe, expect, it } from 'vitest';
import {
  coefficientsOnRawScale,
  featureImportance,
  fitLogisticRegression,
  predictProbability,
} from '../../../../src/analytics/churn/logisticRegression';
import { mulberry32 } from '../../../../src/analytics/random';

/** Standard normal deviates by Box–Muller from a seeded uniform generator. */
function normals(random: () => number) {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Inverse of a small symmetric matrix by Gauss–Jordan, for the Fisher information in the tests. */
function invert(matrix: number[][]): number[][] {
  const q = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: q }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < q; col++) {
    const pivotRow = a[col] as number[];
    const pivot = pivotRow[col] as number;
    for (let j = 0; j < 2 * q; j++) pivotRow[j] = (pivotRow[j] as number) / pivot;
    a.forEach((row, i) => {
      if (i === col) return;
      const factor = row[col] as number;
      for (let j = 0; j < 2 * q; j++) row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
    });
  }
  return a.map((row) => row.slice(q));
}

/** Rows of a 2×2 table: `count` customers with feature value x and label y. */
function table(cells: [x: number, y: number, count: number][]) {
  const x: number[] = [];
  const y: number[] = [];
  for (const [xv, yv, count] of cells) {
    for (let k = 0; k < count; k++) {
      x.push(xv);
      y.push(yv);
    }
  }
  return { x: Float64Array.from(x), y: Uint8Array.from(y) };
}

describe('fitLogisticRegression: one binary feature has a closed form', () => {
  // x = 1: 30 churned, 10 retained; x = 0: 15 churned, 45 retained. The MLE reproduces each group's
  // observed odds: intercept = log(15/45), slope = log odds ratio = log((30·45)/(10·15)) = log 9.
  const { x, y } = table([
    [1, 1, 30],
    [1, 0, 10],
    [0, 1, 15],
    [0, 0, 45],
  ]);

  it('without the ridge, matches log(c/d) and log(ad/bc) to 9 decimals', () => {
    const model = fitLogisticRegression([x], y, { l2: 0 });
    const raw = coefficientsOnRawScale(model);
    expect(model.converged).toBe(true);
    expect(raw.intercept).toBeCloseTo(Math.log(15 / 45), 9);
    expect(raw.coefficients[0]).toBeCloseTo(Math.log(9), 9);
    // Standardised coefficient = raw × sd; sd of a 40/100 binary column = √(0.4·0.6).
    expect(model.coefficients[0]).toBeCloseTo(Math.log(9) * Math.sqrt(0.24), 9);
    const [p1, p0] = predictProbability(model, [Float64Array.of(1, 0)]);
    expect(p1).toBeCloseTo(0.75, 9);
    expect(p0).toBeCloseTo(0.25, 9);
    const exactLogLikelihood = 30 * Math.log(0.75) + 10 * Math.log(0.25) + 15 * Math.log(0.25) + 45 * Math.log(0.75);
    expect(model.logLikelihood).toBeCloseTo(exactLogLikelihood, 9);
  });

  it('with the default ridge (1e-4·n), shrinks the slope towards 0 by under 0.1 %', () => {
    const model = fitLogisticRegression([x], y);
    const slope = coefficientsOnRawScale(model).coefficients[0] ?? NaN;
    expect(model.l2).toBeCloseTo(0.01, 12);
    expect(slope).toBeLessThan(Math.log(9));
    expect(Math.abs(slope - Math.log(9)) / Math.log(9)).toBeLessThan(1e-3);
  });

  it('a duplicated column shares the effect equally instead of blowing up', () => {
    const single = fitLogisticRegression([x], y);
    const twice = fitLogisticRegression([x, Float64Array.from(x)], y);
    expect(twice.converged).toBe(true);
    expect(twice.coefficients[0]).toBeCloseTo(twice.coefficients[1] ?? NaN, 9);
    // Same predictions, so the two halves sum to (almost) the single coefficient.
    expect((twice.coefficients[0] ?? 0) + (twice.coefficients[1] ?? 0)).toBeCloseTo(single.coefficients[0] ?? NaN, 2);
  });
});

describe('fitLogisticRegression: planted coefficients', () => {
  // 20,000 customers; x1 ~ N(0, 1), x2 ~ N(5, 2²) (so standardising matters), x3 ~ Bernoulli(0.3).
  const n = 20_000;
  const truth = { intercept: -0.5, coefficients: [0.8, -0.3, 1.2] };
  const random = mulberry32(20240611);
  const normal = normals(random);
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    columns[0][i] = normal();
    columns[1][i] = 5 + 2 * normal();
    columns[2][i] = random() < 0.3 ? 1 : 0;
    const eta =
      truth.intercept +
      truth.coefficients[0]! * columns[0][i]! +
      truth.coefficients[1]! * columns[1][i]! +
      truth.coefficients[2]! * columns[2][i]!;
    labels[i] = random() < sigmoid(eta) ? 1 : 0;
  }
  const model = fitLogisticRegression([...columns], labels);

  it('converges in a handful of Newton steps', () => {
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(15);
    expect(model.constantFeatures).toEqual([]);
  });

  it('recovers every raw coefficient within 4 standard errors (from the Fisher information at the truth)', () => {
    // Cov(MLE) ≈ (XᵀWX)⁻¹ with W = p(1 − p) at the true parameters; at n = 20,000 the errors are
    // 0.02–0.04, so 4 SE is a real test (a wrong fit would miss by far more) and seeded, so not flaky.
    const info = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (let i = 0; i < n; i++) {
      const row = [1, columns[0][i]!, columns[1][i]!, columns[2][i]!];
      const p = sigmoid(row.reduce((s, v, k) => s + v * [truth.intercept, ...truth.coefficients][k]!, 0));
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) info[a]![b]! += p * (1 - p) * row[a]! * row[b]!;
    }
    const covariance = invert(info);
    const standardErrors = covariance.map((row, k) => Math.sqrt(row[k]!));
    const raw = coefficientsOnRawScale(model);
    const estimates = [raw.intercept, ...raw.coefficients];
    [truth.intercept, ...truth.coefficients].forEach((value, k) => {
      expect(standardErrors[k]).toBeLessThan(0.06);
      expect(Math.abs(estimates[k]! - value)).toBeLessThan(4 * standardErrors[k]!);
    });
  });

  it('stores standardised coefficients: raw coefficient × feature sd', () => {
    const raw = coefficientsOnRawScale(model);
    model.coefficients.forEach((c, j) => expect(c).toBeCloseTo(raw.coefficients[j]! * model.sds[j]!, 12));
    expect(model.means[1]).toBeCloseTo(5, 1);
    expect(model.sds[1]).toBeCloseTo(2, 1);
  });

  it('is at a stationary point: the unpenalised intercept makes mean prediction = churn rate', () => {
    const p = predictProbability(model, [...columns]);
    const predicted = p.reduce((s, v) => s + v, 0);
    const observed = labels.reduce((s, v) => s + v, 0);
    expect(predicted / n).toBeCloseTo(observed / n, 9);
  });

  it('survives structured cloning (a plain object, as it crosses the worker boundary)', () => {
    const copy = structuredClone(model);
    expect(copy).toEqual(model);
    expect(predictProbability(copy, [...columns])).toEqual(predictProbability(model, [...columns]));
  });

  it('ranks the features by |standardised coefficient| with shares and directions', () => {
    const ranked = featureImportance(model, ['orders', 'tenure', 'complained']);
    // Standardised effects: 0.8·1 = 0.8, −0.3·2 = −0.6, 1.2·√0.21 ≈ 0.55.
    expect(ranked.map((r) => r.feature)).toEqual(['orders', 'tenure', 'complained']);
    expect(ranked.map((r) => r.direction)).toEqual(['raises churn risk', 'lowers churn risk', 'raises churn risk']);
    expect(ranked.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    const total = model.coefficients.reduce((s, c) => s + Math.abs(c), 0);
    for (const r of ranked) expect(r.share).toBeCloseTo(Math.abs(model.coefficients[r.index]!) / total, 12);
  });
});

describe('fitLogisticRegression: awkward data', () => {
  const x = Float64Array.from({ length: 20 }, (_, i) => i + 1);
  const separable = Uint8Array.from(x, (v) => (v > 10 ? 1 : 0));

  it('separable data: the default ridge keeps the coefficients finite and the fit converges', () => {
    const model = fitLogisticRegression([x], separable);
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(model.coefficients[0]).toBeGreaterThan(3);
    const p = predictProbability(model, [Float64Array.of(1, 10, 11, 20)]);
    expect(p[0]).toBeLessThan(0.05);
    expect(p[1]).toBeLessThan(0.5);
    expect(p[2]).toBeGreaterThan(0.5);
    expect(p[3]).toBeGreaterThan(0.95);
  });

  it('separable data without the ridge: says it did not converge, and stays finite', () => {
    const model = fitLogisticRegression([x], separable, { l2: 0 });
    expect(model.converged).toBe(false);
    expect(Number.isFinite(model.intercept)).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });

  it('a constant feature gets coefficient 0, is listed, and does not change the rest of the fit', () => {
    const labels = Uint8Array.of(0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1);
    const constant = new Float64Array(20).fill(0.1);
    const withConstant = fitLogisticRegression([x, constant], labels);
    const without = fitLogisticRegression([x], labels);
    expect(withConstant.constantFeatures).toEqual([1]);
    expect(withConstant.coefficients[1]).toBe(0);
    expect(withConstant.sds[1]).toBe(0);
    expect(withConstant.means[1]).toBe(0.1);
    expect(withConstant.coefficients[0]).toBeCloseTo(without.coefficients[0]!, 12);
    expect(withConstant.intercept).toBeCloseTo(without.intercept, 12);
    // Its value at prediction time cannot matter.
    const a = predictProbability(withConstant, [Float64Array.of(3, 7), Float64Array.of(0.1, 0.1)]);
    const b = predictProbability(withConstant, [Float64Array.of(3, 7), Float64Array.of(50, -50)]);
    expect(a).toEqual(b);
    expect(featureImportance(withConstant, ['days', 'flag'])[1]).toMatchObject({
      feature: 'flag',
      share: 0,
      direction: 'no effect',
    });
  });

  it('no features at all: the intercept is the log-odds of the churn rate', () => {
    const labels = Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const model = fitLogisticRegression([], labels);
    expect(model.converged).toBe(true);
    expect(model.intercept).toBeCloseTo(Math.log(3 / 9), 12);
  });

  it('a NaN prediction input gives NaN for that customer only', () => {
    const model = fitLogisticRegression([x], separable);
    const p = predictProbability(model, [Float64Array.of(1, NaN, 20)]);
    expect(Number.isNaN(p[1])).toBe(true);
    expect(Number.isFinite(p[0])).toBe(true);
    expect(Number.isFinite(p[2])).toBe(true);
  });
});

describe('fitLogisticRegression: refuses what it cannot fit', () => {
  const x = Float64Array.from({ length: 12 }, (_, i) => i);
  const y = Uint8Array.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
  const withNaN = Float64Array.from(x);
  withNaN[4] = NaN;
  it.each([
    ['fewer than 10 customers', () => fitLogisticRegression([x.slice(0, 9)], y.slice(0, 9)), /at least 10 labelled/],
    [
      'every customer churned',
      () => fitLogisticRegression([x], new Uint8Array(12).fill(1)),
      /needs both churned and retained customers; all 12 are churned/,
    ],
    [
      'every customer retained',
      () => fitLogisticRegression([x], new Uint8Array(12)),
      /needs both churned and retained customers; all 12 are retained/,
    ],
    ['a NaN in feature 1', () => fitLogisticRegression([x, withNaN], y), /Feature 1 .*customer 4/],
    ['an infinite value', () => fitLogisticRegression([Float64Array.of(...x.slice(0, 11), Infinity)], y), /Feature 0/],
    [
      'a column of the wrong length',
      () => fitLogisticRegression([x, x.slice(0, 11)], y),
      /Feature 1 has 11 values but there are 12 labels/,
    ],
    [
      'a label that is not 0/1',
      () => fitLogisticRegression([x], Uint8Array.of(0, 1, 2, 0, 1, 0, 1, 0, 1, 0, 1, 0)),
      /customer 2 has 2/,
    ],
    ['a negative ridge', () => fitLogisticRegression([x], y, { l2: -1 }), /l2 must be/],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });

  it('prediction and importance check the number of features', () => {
    const model = fitLogisticRegression([x], y);
    expect(() => predictProbability(model, [x, x])).toThrow(/has 1 features; got 2/);
    expect(() => featureImportance(model, ['a', 'b'])).toThrow(/has 1 features; got 2 names/);
  });
});
