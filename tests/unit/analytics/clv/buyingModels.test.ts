// The three buying models against references: likelihoods and P(alive) against mpmath (Pareto/NBD by
// numerical integration of its definition, not the hypergeometric form Lantern uses), the CDNOW fits
// against the published and `lifetimes` values and a tightly converged scipy reference with its standard
// errors, parameter recovery on simulated MBG/NBD and Pareto/NBD customers, and degenerate fits caught.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  probabilityNoPurchaseWithin,
  type BuyingModelKind,
} from '../../../../src/analytics/clv/buyingModels';
import { probabilityPurchaseWithin } from '../../../../src/analytics/clv/bgNbd';
import { fitBuyingModel } from '../../../../src/analytics/clv/fitBuyingModel';
import { mbgNbdCustomerLogLikelihood, mbgNbdLogLikelihood } from '../../../../src/analytics/clv/mbgNbd';
import {
  logHypergeometricOne,
  paretoNbdCustomerLogLikelihood,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  type ParetoNbdParameters,
} from '../../../../src/analytics/clv/paretoNbd';
import type { BgNbdParameters } from '../../../../src/analytics/clv/bgNbd';
import { simulateBgNbd } from '../predictions/simulateBgNbd';

const CDNOW = path.resolve(import.meta.dirname, '../../../../../shared/data/cdnow');

function cdnowSummary() {
  const rows = readFileSync(path.join(CDNOW, 'cdnow_customers_summary.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  return { x: rows.map((r) => r[1] ?? NaN), tx: rows.map((r) => r[2] ?? NaN), T: rows.map((r) => r[3] ?? NaN) };
}

/** |value − reference| / |reference| below `relative`. */
const within = (value: number, reference: number, relative: number) =>
  expect(Math.abs(value - reference) / Math.abs(reference)).toBeLessThan(relative);

describe('Pareto/NBD likelihood against mpmath (numerical integration of the definition)', () => {
  // [parameters, x, t_x, T, log-likelihood, P(alive)] computed at 30 digits.
  const CASES: [ParetoNbdParameters, number, number, number, number, number][] = [
    [{ r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.665 }, 0, 0, 38.86, -0.521225980028344, 0.295107797196052],
    [{ r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.665 }, 2, 30.43, 38.86, -9.55427760902404, 0.869133351256008],
    [{ r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.665 }, 7, 38.0, 38.86, -21.8714921782742, 0.988937875695691],
    [{ r: 0.8, alpha: 5.0, s: 0.4, beta: 5.0 }, 3, 10, 20, -9.65213961424716, 0.581845212510626],
    [{ r: 0.8, alpha: 40.0, s: 0.4, beta: 3.0 }, 3, 10, 20, -11.7036748063771, 0.723090272121719],
    // β ≫ α: z close to 1, where the connection formula takes over from the series.
    [{ r: 0.8, alpha: 2.0, s: 0.4, beta: 5000.0 }, 1, 4, 52, -6.82734239106052, 0.974731513726065],
    // r and s whole numbers: k − 1 an integer, the formula's poles bridged by interpolation.
    [{ r: 1.0, alpha: 2.0, s: 1.0, beta: 300000.0 }, 0, 0, 52, -3.29541706127531, 0.999407052820831],
    [{ r: 0.3, alpha: 9.0, s: 2.0, beta: 40.0 }, 200, 1000, 1001, -533.046413681227, 0.997876300126598],
    [{ r: 0.6, alpha: 12.0, s: 0.5, beta: 15.0 }, 5, 9999, 10000, -49.62384304688, 0.999950059676003],
  ];
  it.each(CASES)('%o x %d, t_x %d, T %d', (p, x, tx, T, ll, alive) => {
    expect(paretoNbdCustomerLogLikelihood(p, x, tx, T)).toBeCloseTo(ll, 9);
    expect(paretoNbdProbabilityAlive(p, x, tx, T)).toBeCloseTo(alive, 9);
  });

  it('sums the per-customer likelihood exactly over a grouped summary', () => {
    const data = cdnowSummary();
    const p = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
    let direct = 0;
    for (let i = 0; i < data.x.length; i++) {
      direct += paretoNbdCustomerLogLikelihood(p, data.x[i] ?? 0, data.tx[i] ?? 0, data.T[i] ?? 0);
    }
    expect(paretoNbdLogLikelihood(p, data)).toBeCloseTo(direct, 7);
  });

  it('has the published log-likelihood at the published CDNOW parameters (Fader, Hardie & Lee 2005 note)', () => {
    expect(paretoNbdLogLikelihood({ r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.665 }, cdnowSummary())).toBeCloseTo(
      -9594.98,
      1,
    );
  });
});

describe('log 2F1(1, b; c; z) against mpmath', () => {
  // [b, c, 1 − z, log 2F1] at 50 digits: the series, the connection formula, integer k − 1, large b.
  const CASES: [number, number, number, number][] = [
    [0.82, 2.42, 0.5, 0.212785876860781],
    [0.55, 1.15, 1e-5, 4.84957985637286],
    [1.5, 3.5, 1e-9, 0.916290702709814],
    [2.0, 3.00001, 1e-7, 3.40896845417404],
    [0.3, 1.3, 1e-12, 2.21559905044393],
    [30.5, 31.5, 0.01, 3.62102723540462],
    [100.2, 101.2, 0.01, 4.09388214691047],
    [10.3, 30.5, 0.1, 0.374881042988638],
  ];
  it.each(CASES)('b %d, c %d, 1 − z %d', (b, c, epsilon, expected) => {
    expect(logHypergeometricOne(b, c)(1 - epsilon, epsilon)).toBeCloseTo(expected, 8);
  });
});

describe('MBG/NBD likelihood against mpmath', () => {
  const CASES: [BgNbdParameters, number, number, number, number][] = [
    [{ r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 }, 0, 0, 38.86, -0.539568435768926],
    [{ r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 }, 2, 30.43, 38.86, -9.48590919565486],
    [{ r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 }, 7, 38.0, 38.86, -22.1381708770566],
    [{ r: 2.0, alpha: 1.0, a: 0.01, b: 5.0 }, 50, 300, 301, -144.557488930727],
    [{ r: 0.7, alpha: 9.3, a: 0.0001, b: 200000.0 }, 3, 20, 36, -11.3810208594573],
  ];
  it.each(CASES)('%o x %d, t_x %d, T %d', (p, x, tx, T, ll) => {
    expect(mbgNbdCustomerLogLikelihood(p, x, tx, T)).toBeCloseTo(ll, 9);
  });

  it('sums the per-customer likelihood exactly over a grouped summary', () => {
    const data = cdnowSummary();
    const p = { r: 0.52, alpha: 6.2, a: 0.89, b: 1.6 };
    let direct = 0;
    for (let i = 0; i < data.x.length; i++) {
      direct += mbgNbdCustomerLogLikelihood(p, data.x[i] ?? 0, data.tx[i] ?? 0, data.T[i] ?? 0);
    }
    expect(mbgNbdLogLikelihood(p, data)).toBeCloseTo(direct, 8);
  });
});

describe('fits on the CDNOW summary (weeks)', () => {
  const data = cdnowSummary();
  // Tightly converged references (scipy Nelder–Mead to 1e-13, then BFGS to a gradient of 1e-12, on the
  // same likelihoods with scipy's hyp2f1), and their standard errors from a finite-difference Hessian.
  const TIGHT: Record<BuyingModelKind, { values: Record<string, number>; se: Record<string, number>; ll: number }> = {
    'bg-nbd': {
      values: { r: 0.2425929, alpha: 4.41353154, a: 0.79288619, b: 2.42575336 },
      se: { r: 0.01255731, alpha: 0.37822115, a: 0.18571809, b: 0.70534164 },
      ll: -9582.42556056736,
    },
    'mbg-nbd': {
      values: { r: 0.52483798, alpha: 6.18299181, a: 0.89135615, b: 1.61399937 },
      se: { r: 0.083264, alpha: 0.69559731, a: 0.15478532, b: 0.53747228 },
      ll: -9582.1326848999,
    },
    'pareto-nbd': {
      values: { r: 0.55327554, alpha: 10.57761268, s: 0.60621329, beta: 11.66790185 },
      se: { r: 0.04762874, alpha: 0.84272403, s: 0.18727894, beta: 6.21100697 },
      ll: -9594.97392982687,
    },
  };
  const fits = Object.fromEntries(
    (['bg-nbd', 'mbg-nbd', 'pareto-nbd'] as const).map((kind) => [kind, fitBuyingModel(kind, data)]),
  );

  it.each(['bg-nbd', 'mbg-nbd', 'pareto-nbd'] as const)(
    '%s: every parameter agrees with the tight reference to 5 significant digits, standard errors to 1 %',
    (kind) => {
      const fit = fits[kind];
      expect(fit?.converged).toBe(true);
      expect(fit?.degenerate).toEqual([]);
      const values = fit?.model.parameters as unknown as Record<string, number>;
      for (const [name, reference] of Object.entries(TIGHT[kind].values)) within(values[name] ?? NaN, reference, 5e-6);
      for (const [name, reference] of Object.entries(TIGHT[kind].se))
        within(fit?.standardErrors[name] ?? NaN, reference, 0.01);
      expect(fit?.logLikelihood).toBeCloseTo(TIGHT[kind].ll, 5);
    },
  );

  it('BG/NBD lands on the published parameters (FHL 2005: 0.243, 4.414, 0.793, 2.426, −9582.4)', () => {
    const p = fits['bg-nbd']?.model.parameters as BgNbdParameters;
    within(p.r, 0.243, 0.002);
    within(p.alpha, 4.414, 0.001);
    within(p.a, 0.793, 0.001);
    within(p.b, 2.426, 0.001);
    expect(fits['bg-nbd']?.logLikelihood).toBeCloseTo(-9582.4, 0);
  });

  it('MBG/NBD matches lifetimes’ ModifiedBetaGeoFitter to 4 significant digits (0.5248, 6.1830, 0.8914, 1.6140)', () => {
    const p = fits['mbg-nbd']?.model.parameters as BgNbdParameters;
    expect(Number(p.r.toPrecision(4))).toBe(0.5248);
    expect(Number(p.alpha.toPrecision(5))).toBe(6.183);
    expect(Number(p.a.toPrecision(4))).toBe(0.8914);
    expect(Number(p.b.toPrecision(4))).toBe(1.614);
  });

  it('Pareto/NBD is within 0.1 % of Fader, Hardie & Lee’s note (0.5533, 10.5776, 0.6061, 11.6650, LL −9594.98)', () => {
    const p = fits['pareto-nbd']?.model.parameters as ParetoNbdParameters;
    within(p.r, 0.5533, 0.001);
    within(p.alpha, 10.5776, 0.001);
    within(p.s, 0.6061, 0.001);
    within(p.beta, 11.665, 0.001);
    within(fits['pareto-nbd']?.logLikelihood ?? NaN, -9594.98, 0.001);
  });

  it('stops at the iteration cap and then says it did not converge', () => {
    const capped = fitBuyingModel('pareto-nbd', data, { maxIterations: 3 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(6); // both Nelder–Mead runs, 3 each
  });
});

describe('the chance of no purchase in the next t', () => {
  it('Pareto/NBD: equals the posterior integral mpmath computes (not the likelihood ratio Lantern uses)', () => {
    const cases: [ParetoNbdParameters, number, number, number, number, number][] = [
      [{ r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.665 }, 2, 30.43, 38.86, 13.0, 0.63307951060988],
      [{ r: 0.8, alpha: 2.0, s: 0.4, beta: 50.0 }, 1, 4, 52, 26.0, 0.862090696298591],
    ];
    for (const [parameters, x, tx, T, t, expected] of cases) {
      expect(probabilityNoPurchaseWithin({ kind: 'pareto-nbd', parameters }, t, x, tx, T)).toBeCloseTo(expected, 9);
    }
  });

  it('BG/NBD: is one minus the chance of a purchase, and ranks one-time buyers by how long ago they bought', () => {
    const parameters = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    const model = { kind: 'bg-nbd' as const, parameters };
    expect(probabilityNoPurchaseWithin(model, 13, 3, 20, 30)).toBeCloseTo(
      1 - probabilityPurchaseWithin(parameters, 13, 3, 20, 30),
      14,
    );
    // P(alive) is 1 for every one-time buyer, yet the longer ago the one purchase, the likelier no other.
    const recent = probabilityNoPurchaseWithin(model, 13, 0, 0, 5);
    const old = probabilityNoPurchaseWithin(model, 13, 0, 0, 60);
    expect(old).toBeGreaterThan(recent);
  });

  it('every model: between 0 and 1, falling with the horizon, and 1 − E[purchases] ≤ it for small t', () => {
    const models = [
      { kind: 'bg-nbd' as const, parameters: { r: 0.5, alpha: 6, a: 0.9, b: 1.6 } },
      { kind: 'mbg-nbd' as const, parameters: { r: 0.5, alpha: 6, a: 0.9, b: 1.6 } },
      { kind: 'pareto-nbd' as const, parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } },
    ];
    for (const model of models) {
      let previous = 1;
      for (const t of [0.5, 4, 13, 52, 520]) {
        const p = probabilityNoPurchaseWithin(model, t, 2, 20, 38);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(previous);
        // At least one purchase is no likelier than the expected number of them.
        expect(1 - p).toBeLessThanOrEqual(conditionalExpectedPurchases(model, t, 2, 20, 38) + 1e-12);
        previous = p;
      }
    }
  });
});

// Fits of 4,000–8,000 simulated customers take seconds on a shared machine.
describe('parameter recovery and degenerate fits on simulated customers', { timeout: 60_000 }, () => {
  it('MBG/NBD: customers who may stop right after the first purchase', () => {
    const truth = { r: 0.6, alpha: 8, a: 0.9, b: 2.5 };
    const data = simulateBgNbd({ customers: 8000, ...truth, T: 78, seed: 11, story: 'mbg-nbd' });
    const fit = fitBuyingModel('mbg-nbd', data);
    expect(fit.converged).toBe(true);
    expect(fit.degenerate).toEqual([]);
    const p = fit.model.parameters as BgNbdParameters;
    // Each within three of its standard errors of the truth.
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(p[name] - truth[name])).toBeLessThan(3 * (fit.standardErrors[name] ?? 0));
    }
  });

  it('Pareto/NBD: customers who stop at any moment', () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 20 };
    const data = simulateBgNbd({
      customers: 8000,
      r: truth.r,
      alpha: truth.alpha,
      a: 1,
      b: 1,
      T: 78,
      seed: 5,
      story: { pareto: { s: truth.s, beta: truth.beta } },
    });
    const fit = fitBuyingModel('pareto-nbd', data);
    expect(fit.converged).toBe(true);
    expect(fit.degenerate).toEqual([]);
    const p = fit.model.parameters as ParetoNbdParameters;
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(p[name] - truth[name])).toBeLessThan(3 * (fit.standardErrors[name] ?? 0));
    }
  });

  it('nobody drops out: every model says so in plain words and none is called converged at a bound', () => {
    const data = simulateBgNbd({ customers: 4000, r: 0.7, alpha: 9, a: 1, b: 1, T: 52, seed: 2, story: 'never' });
    for (const kind of ['bg-nbd', 'mbg-nbd', 'pareto-nbd'] as const) {
      const fit = fitBuyingModel(kind, data);
      expect(fit.degenerate.join(' ')).toMatch(/almost nothing|edge of its range/);
      expect(fit.converged && fit.degenerate.some((d) => /edge of its range/.test(d))).toBe(false);
    }
  });
});
