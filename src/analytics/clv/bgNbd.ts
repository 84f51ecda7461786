// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
// Way"): its log-likelihood on the per-customer summary (x repeat purchases, recency t_x, age T, in
// one time unit), a maximum-likelihood fit on log-parameters, the probability a customer is alive, and
// the forecasts built on it (expected purchases, chance of a purchase soon, median wait).
// Log-gamma, log-beta and the Gauss hypergeometric function come from stdlib, not hand-written
// approximations; where stdlib's 2F1 is unreliable (b ≫ r or a ≫ r with z near 1) the expectation is
// integrated numerically instead, and every path is checked against mpmath in the tests.

import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import {
  checkCustomerSummary,
  groupSummary,
  logSumExp,
  sumOverGroups,
  type GroupedSummary,
  type RepeatSummary,
} from './repeatSummary';

export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type { RepeatSummary } from './repeatSummary';

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

/** The summed log-likelihood of a grouped summary: the gamma and beta terms are computed once per distinct x. */
export function bgNbdGroupedLogLikelihood(p: BgNbdParameters, g: GroupedSummary): number {
  const { r, alpha, a, b } = p;
  const base = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  const logA = Math.log(a);
  return sumOverGroups(
    g,
    (x) => ({ common: base + gammaln(r + x) + betaln(a, b + x), dropout: logA - Math.log(b + x - 1) }),
    ({ common, dropout }, x, tx, T) => {
      const a3 = -(r + x) * Math.log(alpha + T);
      return common + (x === 0 ? a3 : logSumExp(a3, dropout - (r + x) * Math.log(alpha + tx)));
    },
  );
}

/** The summed log-likelihood over customers. */
export function bgNbdLogLikelihood(p: BgNbdParameters, data: RepeatSummary): number {
  return bgNbdGroupedLogLikelihood(p, groupSummary(data));
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out (equation 11). */
export function probabilityAlive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  // log((α+T)/(α+t_x)) through log1p, so a long-lived customer with t_x close to T keeps its digits;
  // the odds stay on the log scale, so a huge x or T saturates to 0 or 1 instead of giving ∞/∞.
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

const checkSummary = (t: number, x: number, tx: number, T: number) => checkCustomerSummary('BG/NBD', t, x, tx, T);

// Horizons past this many rate scales (t/α; millions of years for any business data) are evaluated at
// it: beyond it z = t/(α+t) is too close to 1 for a double, and 1 − z, which 2F1 needs, loses its digits.
const MAX_RATE_SCALES = 1e8;
// Parameters closer than this to a point where the hypergeometric form is 0/0 or ill-conditioned are
// interpolated instead of evaluated there.
const DIRECT_DISTANCE = 1e-4;

// Where stdlib's 2F1 is not to be trusted (|c − r| of its Euler form beyond this, with z > 0.9), the
// expectation is integrated numerically instead. Measured against mpmath: stdlib's error grows from
// 1e-8 at |c − r| ≈ 120 to 1e-2 and beyond (or NaN, once Γ(c) overflows) past 300, which happens when
// b ≫ r, a fitted Beta drifting large when the data show little dropout.
const MAX_HYPERGEOMETRIC_SHIFT = 100;

/**
 * E over p ~ Beta(a, b) of (1 − (1 + pτ)^(−r))/p, the alive customer's expected purchases in a horizon
 * of τ rate scales, integrated over s = logit p = log(a/b) + sinh v by the trapezoid rule in v, halving
 * the step until two estimates agree to 1e-13. In s the integrand is analytic in a strip of half-width
 * π and decays exponentially, so the sinh-mapped trapezoid rule converges geometrically. Used only where
 * stdlib's 2F1 fails; against mpmath it is good to 1e-13 for a ≥ 0.05 (its tail e^(a·s) gets long below).
 */
function expectedPurchasesByQuadrature(r: number, a: number, b: number, tau: number): number {
  const center = Math.log(a / b);
  const logNorm = -betaln(a, b);
  const term = (v: number) => {
    const s = center + Math.sinh(v);
    const logP = -Math.log1p(Math.exp(-s));
    const logQ = -Math.log1p(Math.exp(s));
    const p = Math.exp(logP);
    const value = (Math.exp(a * logP + b * logQ + logNorm) * -Math.expm1(-r * Math.log1p(p * tau)) * Math.cosh(v)) / p;
    return Number.isFinite(value) ? value : 0; // 0·∞ in a tail that contributes nothing
  };
  // Σ term(k·h) over k ≡ offset (mod stride), walking out from 0 until the terms stop mattering.
  const sweep = (h: number, offset: number, stride: number) => {
    let sum = 0;
    for (const direction of [1, -1]) {
      for (let k = direction === 1 ? offset : offset - stride; ; k += direction * stride) {
        const v = k * h;
        const value = term(v);
        sum += value;
        if ((Math.abs(v) > 1 && value <= 1e-18 * sum) || Math.abs(v) > 12) break;
      }
    }
    return sum;
  };
  let h = 0.5;
  let total = sweep(h, 0, 1) * h;
  for (let level = 0; level < 8; level++) {
    const refined = total / 2 + sweep(h / 2, 1, 2) * (h / 2);
    h /= 2;
    const settled = Math.abs(refined - total) <= 1e-13 * Math.abs(refined);
    total = refined;
    if (settled && level >= 1) break;
  }
  return total;
}

/**
 * P(ε) = (1−z)^ε · c · (F − 1)/ε with F = 2F1(c − r, ε; c; z), c = b + ε: the hypergeometric part of
 * E[X(t)], analytic in ε (the c in front cancels F's pole at c = 0).
 */
function hypergeometricPart(r: number, b: number, epsilon: number, z: number, logW: number): number {
  const c = b + epsilon;
  return (Math.exp(epsilon * logW) * c * (hyp2f1(c - r, epsilon, c, z) - 1)) / epsilon;
}

/**
 * P(ε) where the formula cannot be trusted, from the cubic through four points around ε that avoid
 * the bad points: ε = 0 and c = 0 (0/0), and c − (c−r) − ε = r − ε an integer, where the connection
 * formula's Γ(r−ε) and Γ(ε−r) terms cancel catastrophically as z → 1 (measured in stdlib's 2F1: 1e-2
 * relative error at r − ε = 1e-9, t/α = 5e8). Up to three bad points lie near; each rules out at
 * most three of the ten stencil widths tried, so one always fits.
 */
function stableHypergeometricPart(r: number, b: number, epsilon: number, z: number, logW: number): number {
  const bad = [0, -b, r - Math.round(r - epsilon)];
  const clear = (e: number, margin: number) => bad.every((point) => Math.abs(e - point) >= margin);
  if (clear(epsilon, DIRECT_DISTANCE)) return hypergeometricPart(r, b, epsilon, z, logW);
  for (let k = 0, h = DIRECT_DISTANCE; k < 10; k++, h *= 1.5) {
    const nodes = [epsilon - 2 * h, epsilon - h, epsilon + h, epsilon + 2 * h];
    if (!nodes.every((node) => clear(node, h / 4))) continue;
    let value = 0;
    for (const node of nodes) {
      let weight = 1;
      for (const other of nodes) if (other !== node) weight *= (epsilon - other) / (node - other);
      value += weight * hypergeometricPart(r, b, node, z, logW);
    }
    return value;
  }
  return NaN; // unreachable: see the count above
}

/**
 * E[X(t)] for a customer alive at time 0 whose purchase rate is Gamma(r, α) and dropout probability
 * Beta(a, b): the new customer of equation 7, and, with (r + x, α + T, a, b + x), an alive customer's
 * posterior (equation 10 without its P(alive) factor).
 *
 * Equation 7 is (a+b−1)/(a−1) · [1 − (1−z)^r · 2F1(r, b; a+b−1; z)], z = t/(α+t). Euler's
 * transformation 2F1(r, b; c; z) = (1−z)^(c−r−b) · 2F1(c−r, c−b; c; z), with c − b = a − 1 = ε,
 * turns it into −c·expm1(εL)/ε − P(ε), L = log(1−z). That form does not overflow for large x (the
 * original 2F1 grows like (1−z)^(−r−x)), has no 1 − tiny·huge cancellation, and is evaluated with
 * L = log(1−z) consistent with the rounded z. Its removable singularities (a = 1, a + b = 1) and
 * stdlib's weak spots near integer r − ε are bridged by interpolation in a; where stdlib's 2F1 fails
 * outright (b ≫ r, or a ≫ r, near z = 1) the expectation is integrated numerically. Against mpmath
 * the relative error is below 1e-8 (typically 1e-12) for t ≤ 1e8·α; for tiny t it is absolute, about
 * 1e-16·(a+b) purchases.
 */
export function expectedPurchasesWhileAlive(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  const horizon = Math.min(t, alpha * MAX_RATE_SCALES);
  const z = horizon / (alpha + horizon);
  // 1 − z is exact for z ≥ ½ (Sterbenz), so L then describes the very z that 2F1 sees: the result is
  // exact for a horizon within a relative 1e-16/(1−z) of t, instead of mixing two horizons.
  const logW = z >= 0.5 ? Math.log(1 - z) : -Math.log1p(horizon / alpha);
  const epsilon = a - 1;
  const quadrature = () => expectedPurchasesByQuadrature(r, a, b, horizon / alpha);
  if (z > 0.9 && Math.abs(b + epsilon - r) > MAX_HYPERGEOMETRIC_SHIFT) return quadrature();
  const u = epsilon * logW;
  const expm1OverEpsilon = u === 0 ? logW : Math.expm1(u) / epsilon;
  const value = -(b + epsilon) * expm1OverEpsilon - stableHypergeometricPart(r, b, epsilon, z, logW);
  // stdlib's Euler step (1−z)^(c−a−b) overflows when a ≫ r and z is near 1.
  return Number.isFinite(value) ? value : quadrature();
}

/**
 * E[X(t)]: purchases a new customer is expected to make in (0, t] (equation 7). For a > 1 it levels
 * off at (a+b−1)/(a−1) = E[1/p], the mean number of purchases before dropout; for a ≤ 1 it grows
 * without bound.
 */
export function expectedPurchases(p: BgNbdParameters, t: number): number {
  checkSummary(t, 0, 0, 0);
  return expectedPurchasesWhileAlive(p.r, p.alpha, p.a, p.b, t);
}

/** E[Y(t) | x, t_x, T]: purchases expected in (T, T + t] from a customer's history (equation 10). */
export function conditionalExpectedPurchases(p: BgNbdParameters, t: number, x: number, tx: number, T: number): number {
  checkSummary(t, x, tx, T);
  if (t === 0) return 0;
  // Given alive, the posterior is the prior updated to Gamma(r + x, α + T) and Beta(a, b + x).
  return probabilityAlive(p, x, tx, T) * expectedPurchasesWhileAlive(p.r + x, p.alpha + T, p.a, p.b + x, t);
}

/**
 * P(at least one purchase in (T, T + t] | x, t_x, T). In BG/NBD a customer can drop out only right
 * after a purchase, so an alive customer's next purchase is never pre-empted: the chance is P(alive)
 * times 1 − ((α+T)/(α+T+t))^(r+x), the posterior chance of a Poisson event within t.
 */
export function probabilityPurchaseWithin(p: BgNbdParameters, t: number, x: number, tx: number, T: number): number {
  checkSummary(t, x, tx, T);
  const shape = p.r + x;
  const noPurchaseLog = -shape * Math.log1p(t / (p.alpha + T));
  return probabilityAlive(p, x, tx, T) * -Math.expm1(noPurchaseLog);
}

/**
 * Median time from T to the next purchase, given the customer is alive: the wait is Lomax with shape
 * r + x and scale α + T, so the median is (α+T)·(2^(1/(r+x)) − 1), in the model's time unit.
 */
export function medianWaitIfAlive(p: BgNbdParameters, x: number, T: number): number {
  checkSummary(0, x, 0, T);
  return (p.alpha + T) * Math.expm1(Math.LN2 / (p.r + x));
}
