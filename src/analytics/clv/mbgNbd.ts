// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of
// models for customer base analysis"): BG/NBD's story, except that a customer may also drop out right
// after the first purchase, so one-time buyers are not all counted alive. Same parameters (purchase rate
// Gamma(r, α), dropout probability Beta(a, b)); its likelihood as in the `lifetimes` library's
// ModifiedBetaGeoFitter. Forecasts reuse BG/NBD's expectation for an alive customer with the posterior
// Beta(a, b + x + 1): an alive customer has survived x + 1 dropout chances, not x.

import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { expectedPurchasesWhileAlive, type BgNbdParameters } from './bgNbd';
import {
  checkCustomerSummary,
  groupSummary,
  sumOverGroups,
  type GroupedSummary,
  type RepeatSummary,
} from './repeatSummary';

const check = (t: number, x: number, tx: number, T: number) => checkCustomerSummary('MBG/NBD', t, x, tx, T);

/** log(1 + e^u) without overflow. */
const softplus = (u: number) => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));

/**
 * log of the odds of having dropped out against being alive: a/(b+x) · ((α+T)/(α+t_x))^(r+x), on the
 * log scale through log1p so a long-lived customer with t_x close to T keeps its digits.
 */
function logDropoutOdds(p: BgNbdParameters, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x) + (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
}

/** One customer's log-likelihood. */
export function mbgNbdCustomerLogLikelihood(p: BgNbdParameters, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const alive = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + betaln(a, b + x + 1) - betaln(a, b);
  return alive - (r + x) * Math.log(alpha + T) + softplus(logDropoutOdds(p, x, tx, T));
}

/** The summed log-likelihood of a grouped summary, with the gamma and beta terms once per distinct x. */
export function mbgNbdGroupedLogLikelihood(p: BgNbdParameters, g: GroupedSummary): number {
  const { r, alpha, a, b } = p;
  const base = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  const logA = Math.log(a);
  return sumOverGroups(
    g,
    (x) => ({ common: base + gammaln(r + x) + betaln(a, b + x + 1), logOdds: logA - Math.log(b + x) }),
    ({ common, logOdds }, x, tx, T) =>
      common - (r + x) * Math.log(alpha + T) + softplus(logOdds + (r + x) * Math.log1p((T - tx) / (alpha + tx))),
  );
}

/** The summed log-likelihood over customers. */
export function mbgNbdLogLikelihood(p: BgNbdParameters, data: RepeatSummary): number {
  return mbgNbdGroupedLogLikelihood(p, groupSummary(data));
}

/** P(alive | x, t_x, T); below 1 for one-time buyers too, unlike BG/NBD. */
export function mbgNbdProbabilityAlive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  return 1 / (1 + Math.exp(logDropoutOdds(p, x, tx, T)));
}

/** E[X(t)] for a new customer: b/(a+b) of BG/NBD's alive expectation with Beta(a, b + 1). */
export function mbgNbdExpectedPurchases(p: BgNbdParameters, t: number): number {
  check(t, 0, 0, 0);
  return (p.b / (p.a + p.b)) * expectedPurchasesWhileAlive(p.r, p.alpha, p.a, p.b + 1, t);
}

/** E[Y(t) | x, t_x, T]: purchases expected in (T, T + t]. */
export function mbgNbdConditionalExpectedPurchases(
  p: BgNbdParameters,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  check(t, x, tx, T);
  if (t === 0) return 0;
  return mbgNbdProbabilityAlive(p, x, tx, T) * expectedPurchasesWhileAlive(p.r + x, p.alpha + T, p.a, p.b + x + 1, t);
}
