// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
// Way"): its log-likelihood on the per-customer summary (x repeat purchases, recency t_x, age T, in
// one time unit), a maximum-likelihood fit on log-parameters, and the probability a customer is alive.
// Log-gamma and log-beta come from stdlib, not hand-written approximations.

import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { nelderMead } from '../optimize/nelderMead';

export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface RepeatSummary {
  /** Repeat purchases (purchase periods after the first). */
  x: ArrayLike<number>;
  /** Time of the last purchase since the first, in the model's unit. */
  tx: ArrayLike<number>;
  /** Time from the first purchase to the end of the observation, in the same unit. */
  T: ArrayLike<number>;
}

/** log(e^u + e^v) without overflow. */
const logSumExp = (u: number, v: number) => {
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
};

/** One customer's log-likelihood (equation 6 of the paper, on the log scale). */
export function bgNbdCustomerLogLikelihood(p: BgNbdParameters, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = betaln(a, b + x) - betaln(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  // B(a + 1, b + x − 1) / B(a, b + x) = a / (b + x − 1), so the second term needs no second beta function.
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logSumExp(a3, a4);
}

/** The summed log-likelihood over customers. */
export function bgNbdLogLikelihood(p: BgNbdParameters, data: RepeatSummary): number {
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    total += bgNbdCustomerLogLikelihood(p, Number(data.x[i]), Number(data.tx[i]), Number(data.T[i]));
  }
  return total;
}

export interface BgNbdFit {
  parameters: BgNbdParameters;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
}

/** Maximum-likelihood fit by Nelder–Mead on log-parameters (so every parameter stays positive). */
export function fitBgNbd(data: RepeatSummary): BgNbdFit {
  const toParameters = (z: readonly number[]): BgNbdParameters => ({
    r: Math.exp(z[0] ?? 0),
    alpha: Math.exp(z[1] ?? 0),
    a: Math.exp(z[2] ?? 0),
    b: Math.exp(z[3] ?? 0),
  });
  const n = data.x.length;
  // The mean of the negative log-likelihood keeps the tolerance meaningful whatever the number of customers.
  const objective = (z: readonly number[]) => -bgNbdLogLikelihood(toParameters(z), data) / Math.max(n, 1);
  let result = nelderMead(objective, [0, 0, 0, 0], { tolerance: 1e-12, maxIterations: 10_000 });
  // A restart from the optimum re-opens a simplex that may have collapsed on the way.
  result = nelderMead(objective, result.x, { tolerance: 1e-12, maxIterations: 10_000, initialStep: 0.1 });
  return {
    parameters: toParameters(result.x),
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
    customers: n,
  };
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out (equation 11). */
export function probabilityAlive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}
