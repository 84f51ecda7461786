// The prediction job on simulated customers with known parameters, and on every kind of data the
// models cannot learn from: each gets a clear message (or keeps the last good model).

import { describe, expect, it } from 'vitest';
import { ModelDidNotConvergeError, predictCustomers } from '../../../../src/analytics/predictions/predictCustomers';
import {
  PredictionInputError,
  type CustomerSummaryColumns,
  type PredictionInput,
} from '../../../../src/analytics/predictions/predictionInput';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../../src/analytics/predictions/predictionSettings';
import { simulateBgNbd } from './simulateBgNbd';

const truth = { r: 0.5, alpha: 10, a: 0.8, b: 3, spend: { p: 5, q: 4, gamma: 20 } };
const settings = { ...DEFAULT_PREDICTION_SETTINGS, unit: 'weeks' as const };

function inputFor(current: CustomerSummaryColumns, extra: Partial<PredictionInput> = {}): PredictionInput {
  return {
    settings,
    analysisDate: '2026-06-30',
    current,
    categoryNames: [],
    currentSequences: null,
    validation: null,
    dataNotes: [],
    ...extra,
  };
}

const simulated = simulateBgNbd({ customers: 6000, ...truth, T: 52, seed: 7 });

// Three models fitted on 6,000 customers take seconds on a shared machine.
describe('predictCustomers on simulated BG/NBD customers', { timeout: 60_000 }, () => {
  // Asked for BG/NBD, the model the customers were simulated with.
  const result = predictCustomers(inputFor(simulated, { settings: { ...settings, model: 'bg-nbd' } }));

  it('recovers the buying and drop-out parameters it was simulated with', () => {
    expect(result.model.model.kind).toBe('bg-nbd');
    expect(result.selection).toMatchObject({ chosen: 'bg-nbd', by: 'user' });
    const { r, alpha, a, b } = result.model.model.parameters as { r: number; alpha: number; a: number; b: number };
    expect(result.model.converged).toBe(true);
    // 6,000 customers (seed 7 gives r 0.483, α 9.52, a 0.880, b 3.57): the rate gamma within 10 %, the
    // drop-out beta, which only repeat buyers inform, within 25 %.
    expect(Math.abs(r - truth.r) / truth.r).toBeLessThan(0.1);
    expect(Math.abs(alpha - truth.alpha) / truth.alpha).toBeLessThan(0.1);
    expect(Math.abs(a - truth.a) / truth.a).toBeLessThan(0.25);
    expect(Math.abs(b - truth.b) / truth.b).toBeLessThan(0.25);
  });

  it('recovers the spend model and finds spend and frequency uncorrelated', () => {
    const gg = result.gammaGamma;
    expect(gg?.converged).toBe(true);
    expect(Math.abs((gg?.populationMeanSpend ?? 0) - (5 * 20) / 3) / ((5 * 20) / 3)).toBeLessThan(0.1);
    expect(Math.abs(gg?.frequencySpendCorrelation ?? 1)).toBeLessThan(0.1);
  });

  it('gives every customer probabilities in range, risk levels that add up, and tiers by the requested shares', () => {
    const o = result.predictions;
    expect(o.probabilityAlive.every((p) => p > 0 && p <= 1)).toBe(true);
    expect(o.purchaseProbability.every((p, i) => p >= 0 && p <= (o.probabilityAlive[i] ?? 0) + 1e-12)).toBe(true);
    expect(o.churnProbability.every((p, i) => Math.abs(p + (o.purchaseProbability[i] ?? NaN) - 1) < 1e-12)).toBe(true);
    expect(result.riskCounts.reduce((s, n) => s + n, 0)).toBe(6000);
    const high = o.ltvTier.filter((t) => t === 2).length;
    const low = o.ltvTier.filter((t) => t === 0).length;
    expect(high / 6000).toBeCloseTo(0.2, 2);
    expect(low / 6000).toBeCloseTo(0.3, 2);
    expect(o.nextPurchaseConfidence.every((c) => c > 0 && c < 1)).toBe(true);
  });

  it('moves customers between risk levels when the thresholds move', () => {
    const stricter = predictCustomers(
      inputFor(simulated, { settings: { ...settings, model: 'bg-nbd', riskThresholds: { high: 0.8, medium: 0.4 } } }),
    );
    expect(stricter.riskCounts[2]).toBeLessThan(result.riskCounts[2]);
    expect(stricter.riskCounts.reduce((s, n) => s + n, 0)).toBe(6000);
  });

  it('puts one-time buyers on the same churn scale: the longer ago their one purchase, the higher the risk', () => {
    const o = result.predictions;
    const onceOnly = [...simulated.x.keys()].filter((i) => simulated.x[i] === 0);
    // P(alive) is 1 for all of them (BG/NBD's assumption), but their chance of no purchase is not.
    expect(onceOnly.every((i) => o.probabilityAlive[i] === 1)).toBe(true);
    const byAge = onceOnly.sort((i, j) => (simulated.T[i] ?? 0) - (simulated.T[j] ?? 0));
    const youngest = o.churnProbability[byAge[0] ?? 0] ?? NaN;
    const oldest = o.churnProbability[byAge.at(-1) ?? 0] ?? NaN;
    expect(oldest).toBeGreaterThan(youngest);
  });

  it('without a holdout, chooses among the three models by likelihood and says so', () => {
    const auto = predictCustomers(inputFor(simulated));
    expect(auto.selection.by).toBe('likelihood');
    expect(auto.fits.map((f) => f.model.kind).sort()).toEqual(['bg-nbd', 'mbg-nbd', 'pareto-nbd']);
    const best = [...auto.fits].sort((p, q) => q.logLikelihood - p.logLikelihood)[0];
    expect(auto.selection.chosen).toBe(best?.model.kind);
    expect(auto.selection.reason).toMatch(/No holdout to judge on: .* has the highest likelihood/);
  });
});

/** A summary with the given per-customer values (the rest filled sensibly). */
function summary(rows: { x: number; tx: number; T: number; spend?: number }[]): CustomerSummaryColumns {
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    x: col((r) => r.x),
    tx: col((r) => r.tx),
    T: col((r) => r.T),
    mean_repeat_spend: col((r) => (r.x > 0 ? (r.spend ?? 20) : NaN)),
    mean_spend: col((r) => r.spend ?? 20),
    recency_days: col((r) => (r.T - r.tx) * 7),
    first_offset_days: col(() => 0),
    holdout_transactions: col(() => 0),
    horizon_transactions: col(() => 0),
  };
}

describe('data the models cannot learn from', { timeout: 60_000 }, () => {
  it('every customer bought once: says so and what is needed', () => {
    const once = summary(Array.from({ length: 100 }, (_, i) => ({ x: 0, tx: 0, T: 10 + i })));
    expect(() => predictCustomers(inputFor(once))).toThrow(PredictionInputError);
    expect(() => predictCustomers(inputFor(once))).toThrow(
      /bought on a single day only.*at least 10 customers who bought again/,
    );
  });

  it('all purchases on one day: no time to learn rates from', () => {
    const oneDay = summary(Array.from({ length: 100 }, () => ({ x: 0, tx: 0, T: 0 })));
    expect(() => predictCustomers(inputFor(oneDay))).toThrow(/same day/);
  });

  it('too few customers: names how many there are and how many are needed', () => {
    const few = summary(Array.from({ length: 12 }, (_, i) => ({ x: i % 3, tx: i % 3, T: 20 })));
    expect(() => predictCustomers(inputFor(few))).toThrow(/12 customers.*at least 30/);
  });

  it('too few repeat customers', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ x: i < 4 ? 2 : 0, tx: i < 4 ? 5 : 0, T: 20 }));
    expect(() => predictCustomers(inputFor(summary(rows)))).toThrow(/only 4 of 50 customers bought again/);
  });

  it('an optimiser that does not converge: says so (the caller keeps the last good model)', () => {
    expect(() => predictCustomers(inputFor(simulated, { maxIterations: 5 }))).toThrow(ModelDidNotConvergeError);
    expect(() => predictCustomers(inputFor(simulated, { maxIterations: 5 }))).toThrow(
      /^The .*BG\/NBD.* fits? did not converge \(at most 5 iterations per Nelder–Mead run\); the last good model is kept\.$/,
    );
  });

  it('zero or negative spend: those customers are left out of the spend model with a note, the rest still fit', () => {
    const s = simulateBgNbd({ customers: 2000, ...truth, T: 52, seed: 3 });
    let spoiled = 0;
    s.x.forEach((x, i) => {
      if (x > 0 && spoiled < 25) {
        s.mean_repeat_spend[i] = spoiled % 2 ? 0 : -15;
        spoiled++;
      }
    });
    const result = predictCustomers(inputFor(s));
    expect(result.gammaGamma?.converged).toBe(true);
    expect(result.notes.some((n) => n.startsWith('25 repeat customers with zero or negative repeat spend'))).toBe(true);
    expect(result.predictions.lifetimeValue.every(Number.isFinite)).toBe(true);
  });

  it('spend too heavy-tailed for a finite population mean (q ≤ 1): every customer still valued, and it says how', () => {
    const s = simulateBgNbd({ customers: 3000, ...truth, T: 52, seed: 11, spend: { p: 1, q: 0.6, gamma: 5 } });
    const result = predictCustomers(inputFor(s));
    expect(result.gammaGamma?.parameters.q).toBeLessThan(1);
    expect(result.gammaGamma?.populationMeanSpend).toBeNull();
    expect(result.notes.some((n) => /population mean is infinite \(q = 0\.\d+ ≤ 1\)/.test(n))).toBe(true);
    expect(result.predictions.lifetimeValue.every(Number.isFinite)).toBe(true);
    // A one-time buyer's expected spend follows their one purchase: twice the purchase, more expected.
    const once = [...s.x.keys()]
      .filter((i) => s.x[i] === 0)
      .sort((i, j) => (s.mean_spend[i] ?? 0) - (s.mean_spend[j] ?? 0));
    const [low, high] = [once[0] ?? 0, once.at(-1) ?? 0];
    expect(result.predictions.expectedSpend[high]).toBeGreaterThan(result.predictions.expectedSpend[low] ?? Infinity);
  });

  it('too few positive spenders for the spend model: no lifetime value, and it says so', () => {
    const s = simulateBgNbd({ customers: 500, ...truth, T: 52, seed: 5 });
    s.mean_repeat_spend.fill(-1);
    const result = predictCustomers(inputFor(s));
    expect(result.gammaGamma).toBeNull();
    expect(result.notes.some((n) => n.includes('lifetime value is not computed'))).toBe(true);
    expect(result.predictions.lifetimeValue.every(Number.isNaN)).toBe(true);
  });
});
