// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
// Iso-Value Curves for Customer Base Analysis", after Colombo & Jiang 1999): a customer's transaction
// values are Gamma(p, ν) around a customer mean p/ν, and ν is Gamma(q, γ) across customers. It is fitted
// on the customers with at least one repeat transaction (x ≥ 1, mean value m > 0) and assumes spend is
// independent of purchase frequency, which callers check with the correlation of x and m.

import gammaln from '@stdlib/math-base-special-gammaln';
import type { FitOptions } from './fitBuyingModel';
import { minimiseOverPositives } from '../optimize/nelderMead';

export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
}

/** Throws on a customer the model has no likelihood for, so a caller's missing filter is not silently scored. */
function checkCustomers(x: ArrayLike<number>, meanSpend: ArrayLike<number>): void {
  if (x.length !== meanSpend.length) {
    throw new RangeError(`Gamma-Gamma: x and meanSpend differ in length (${x.length} and ${meanSpend.length})`);
  }
  for (let i = 0; i < x.length; i++) {
    const xi = Number(x[i]);
    const mi = Number(meanSpend[i]);
    if (!(xi >= 1) || !Number.isFinite(xi) || !(mi > 0) || !Number.isFinite(mi)) {
      throw new RangeError(
        `Gamma-Gamma: customer ${i} has x ${xi} and mean spend ${mi}; pass only customers with x ≥ 1 and mean spend > 0`,
      );
    }
  }
}

/** One customer's log-likelihood of mean spend m over x transactions (the caller has checked x ≥ 1, m > 0). */
function customerLogLikelihood(params: GammaGammaParameters, x: number, m: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    gammaln(px + q) -
    gammaln(px) -
    gammaln(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
}

/** The summed log-likelihood of customers' mean spend; throws if any customer has x < 1 or mean spend ≤ 0. */
export function gammaGammaLogLikelihood(
  params: GammaGammaParameters,
  x: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
): number {
  checkCustomers(x, meanSpend);
  let total = 0;
  for (let i = 0; i < x.length; i++) total += customerLogLikelihood(params, Number(x[i]), Number(meanSpend[i]));
  return total;
}

/** Maximum-likelihood fit by Nelder–Mead on log-parameters (so every parameter stays positive). */
export function fitGammaGamma(
  x: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
  options: FitOptions = {},
): GammaGammaFit {
  const maxIterations = options.maxIterations ?? 10_000;
  checkCustomers(x, meanSpend);
  const n = x.length;
  if (n === 0) throw new RangeError('Gamma-Gamma: no customers with a repeat transaction to fit');
  // The mean negative log-likelihood keeps the tolerance meaningful whatever the number of customers;
  // the loop skips the per-call validation, which the check above has done once.
  // log m is fixed, and the gamma-function terms depend on a customer only through x: computed once
  // (per distinct x per evaluation), the fit's hundreds of evaluations cost one log per customer each.
  const xs = Float64Array.from({ length: n }, (_, i) => Number(x[i]));
  const ms = Float64Array.from({ length: n }, (_, i) => Number(meanSpend[i]));
  const logMs = ms.map(Math.log);
  const result = minimiseOverPositives(
    ([p = 1, q = 1, gamma = 1]) => {
      const base = -gammaln(q) + q * Math.log(gamma);
      const byX = new Map<number, number>();
      let total = 0;
      for (let i = 0; i < n; i++) {
        const xi = xs[i] as number;
        const px = p * xi;
        let common = byX.get(xi);
        if (common === undefined) {
          common = base + gammaln(px + q) - gammaln(px) + px * Math.log(xi);
          byX.set(xi, common);
        }
        total += common + (px - 1) * (logMs[i] as number) - (px + q) * Math.log(gamma + (ms[i] as number) * xi);
      }
      return -total / n;
    },
    3,
    maxIterations,
  );
  const [p = NaN, q = NaN, gamma = NaN] = result.parameters;
  return {
    parameters: { p, q, gamma },
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
    customers: n,
  };
}

/**
 * E[spend per transaction | x, m]: the posterior mean p(γ + x·m)/(px + q − 1), a weighted average of
 * the population mean pγ/(q − 1) and the customer's own mean m, weighted towards m as x grows. For
 * x = 0 it is the population mean (m is then ignored). Throws where the mean is infinite and no finite
 * value is honest (q ≤ 1 for x = 0, p·x + q ≤ 1 otherwise), and on x < 0, or x > 0 with m ≤ 0.
 */
export function expectedAverageSpend(params: GammaGammaParameters, x: number, meanSpend: number): number {
  const { p, q, gamma } = params;
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`Gamma-Gamma: x must be finite and ≥ 0, got ${x}`);
  if (x === 0) {
    if (!(q > 1)) throw new RangeError(`Gamma-Gamma: the population's expected spend is infinite for q ≤ 1 (q = ${q})`);
    return (p * gamma) / (q - 1);
  }
  if (!(meanSpend > 0) || !Number.isFinite(meanSpend)) {
    throw new RangeError(`Gamma-Gamma: a customer with x ${x} needs a mean spend > 0, got ${meanSpend}`);
  }
  // The posterior mean is finite once p·x + q > 1, even where the population's (q ≤ 1) is not.
  if (!(p * x + q > 1)) throw new RangeError(`Gamma-Gamma: expected spend is infinite for p·x + q ≤ 1`);
  return (p * (gamma + x * meanSpend)) / (p * x + q - 1);
}
