// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys at a Poisson
// rate λ ~ Gamma(r, α) and drops out at an exponential time with rate μ ~ Gamma(s, β), at any moment,
// not only after a purchase. The likelihood follows Fader, Hardie & Lee's 2005 note on implementing it,
// rearranged (as in PyMC-Marketing) into a sum of two positive terms, so nothing cancels when t_x is
// close to T; each 2F1(a, b; a + 1; z) is turned by Euler's transformation into (1 − z)^k · 2F1(1, b'; c; z),
// a series of positive terms that cannot overflow for large x or T. With a = r + s + x:
//   L = Γ(r+x) α^r β^s / Γ(r) · [ s/a · (m+t_x)^(−a) F₁(z_tx) + (r+x)/a · (m+T)^(−a) F₂(z_T) ],
// m = max(α, β), z_t = |α − β| / (m + t), and F₁, F₂ the two hypergeometric factors below.
// Every forecast is a ratio of likelihoods or a closed form, so it is as stable as the likelihood.

import gammaln from '@stdlib/math-base-special-gammaln';
import {
  checkCustomerSummary,
  groupSummary,
  logSumExp,
  sumOverGroups,
  type GroupedSummary,
  type RepeatSummary,
} from './repeatSummary';

export interface ParetoNbdParameters {
  /** Shape and scale (in the model's time unit) of the purchase rate's gamma distribution. */
  r: number;
  alpha: number;
  /** Shape and scale of the dropout rate's gamma distribution. */
  s: number;
  beta: number;
}

const check = (t: number, x: number, tx: number, T: number) => checkCustomerSummary('Pareto/NBD', t, x, tx, T);

// Where each form of 2F1(1, b; c; z) is used. The series of positive terms converges like zⁿ; the
// connection formula's series like (bε)ⁿ/n! in ε = 1 − z, and its terms alternate when b·ε is large.
const DIRECT_SERIES_MAX_Z = 0.5;
const CONNECTION_MAX_B_EPSILON = 1.5;
const MAX_TERMS = 20_000;
/** Within this of an integer, k − 1 makes the connection formula 0/0-like: it is interpolated from nearby k. */
const NEAR_INTEGER = 2e-4;
const STENCIL_STEP = 1e-4;

/** Sign of Γ(x) for x not a non-positive integer. */
const gammaSign = (x: number) => (x > 0 || Math.ceil(-x) % 2 === 0 ? 1 : -1);

/** Σ (b)_n/(c)_n · zⁿ by its terms, all positive for 0 ≤ z < 1, c > b > 0 (each ratio < z: geometric convergence). */
function directSeries(b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((b + n) / (c + n)) * z;
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  return sum;
}

/**
 * 2F1(1, b; c; z) by the connection formula to ε = 1 − z (DLMF 15.8.4 with a = 1, k = c − b):
 *   (c−1)/(k−1) · 2F1(1, b; 2−k; ε) + Γ(c)Γ(1−k)/Γ(b) · ε^(k−1) · z^(1−c),
 * with the gamma functions, which depend only on (b, c), computed once.
 */
function connectionFormula(b: number, c: number): (z: number, epsilon: number) => number {
  const k = c - b;
  const first = (c - 1) / (k - 1);
  const logGammas = gammaln(c) - gammaln(b) + gammaln(1 - k);
  const sign = gammaSign(1 - k);
  return (z, epsilon) => {
    let term = 1;
    let sum = 1;
    for (let n = 0; n < MAX_TERMS; n++) {
      term *= ((b + n) / (2 - k + n)) * epsilon;
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
    }
    return first * sum + sign * Math.exp(logGammas + (k - 1) * Math.log(epsilon) + (1 - c) * Math.log(z));
  };
}

/**
 * log 2F1(1, b; c; z) for c > b > 0 as a function of (z, ε = 1 − z), 0 ≤ z < 1: set up once per (b, c),
 * since a likelihood evaluates it for many customers with the same x. ε is passed in exactly (it is a
 * ratio the caller knows to full precision, which z close to 1 would lose). Near z = 0, or when b·ε is
 * large, the series of positive terms is summed; otherwise the connection formula, whose two terms have
 * poles at integer k − 1 that cancel: there the value is the cubic through four k around the integer.
 * Checked against mpmath in the tests.
 */
export function logHypergeometricOne(b: number, c: number): (z: number, epsilon: number) => number {
  const k = c - b;
  const nearest = Math.round(k - 1);
  const stencil = nearest >= 0 && Math.abs(k - 1 - nearest) < NEAR_INTEGER;
  const nodes = stencil ? [-2, -1, 1, 2].map((j) => b + 1 + nearest + j * STENCIL_STEP) : [c];
  const weights = nodes.map((node) =>
    nodes.reduce((w, other) => (other === node ? w : (w * (c - other)) / (node - other)), 1),
  );
  const connections = nodes.map((node) => connectionFormula(b, node));
  return (z, epsilon) => {
    if (z === 0) return 0;
    if (z <= DIRECT_SERIES_MAX_Z || b * epsilon > CONNECTION_MAX_B_EPSILON) return Math.log(directSeries(b, c, z));
    let value = 0;
    for (let i = 0; i < connections.length; i++)
      value += (weights[i] as number) * (connections[i] as (z: number, e: number) => number)(z, epsilon);
    return Math.log(value);
  };
}

/** The hypergeometric factors of one x's likelihood terms, set up once per x and parameters. */
interface PerX {
  x: number;
  prefactor: number;
  first: (z: number, epsilon: number) => number;
  second: (z: number, epsilon: number) => number;
}

function perX(p: ParetoNbdParameters, x: number): PerX {
  const a = p.r + p.s + x;
  const [first, second] = p.alpha >= p.beta ? [p.r + x, p.r + x + 1] : [p.s + 1, p.s];
  return {
    x,
    prefactor: gammaln(p.r + x) - gammaln(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta),
    first: logHypergeometricOne(first, a + 1),
    second: logHypergeometricOne(second, a + 1),
  };
}

/** log L's pieces shared by the likelihood and P(alive): the two positive terms inside the bracket. */
function logBracketTerms(p: ParetoNbdParameters, h: PerX, tx: number, T: number): [number, number] {
  const { r, alpha, s, beta } = p;
  const x = h.x;
  const a = r + s + x;
  const rx = r + x;
  const larger = Math.max(alpha, beta);
  const smaller = Math.min(alpha, beta);
  const difference = larger - smaller;
  // 1 − z_t = (smaller + t)/(larger + t), taken as that ratio so it keeps its digits when z_t is close to 1.
  const complement = (t: number) => (smaller + t) / (larger + t);
  const logComplement = (t: number) => Math.log(smaller + t) - Math.log(larger + t);
  const z = (t: number) => difference / (larger + t);
  let logF1: number;
  let logF2: number;
  if (alpha >= beta) {
    // F₁ = 2F1(a, s+1; a+1; z) = (1−z)^(−s) 2F1(1, r+x; a+1; z); F₂ = 2F1(a, s; a+1; z) = (1−z)^(1−s) 2F1(1, r+x+1; a+1; z).
    logF1 = -s * logComplement(tx) + h.first(z(tx), complement(tx));
    logF2 = (1 - s) * logComplement(T) + h.second(z(T), complement(T));
  } else {
    // F₁ = 2F1(a, r+x; a+1; z) = (1−z)^(1−r−x) 2F1(1, s+1; a+1; z); F₂ = 2F1(a, r+x+1; a+1; z) = (1−z)^(−r−x) 2F1(1, s; a+1; z).
    logF1 = (1 - rx) * logComplement(tx) + h.first(z(tx), complement(tx));
    logF2 = -rx * logComplement(T) + h.second(z(T), complement(T));
  }
  const logA = Math.log(s) - Math.log(a) - a * Math.log(larger + tx) + logF1;
  const logB = Math.log(rx) - Math.log(a) - a * Math.log(larger + T) + logF2;
  return [logA, logB];
}

/** One customer's log-likelihood. */
export function paretoNbdCustomerLogLikelihood(p: ParetoNbdParameters, x: number, tx: number, T: number): number {
  const h = perX(p, x);
  const [logA, logB] = logBracketTerms(p, h, tx, T);
  return h.prefactor + logSumExp(logA, logB);
}

/** The summed log-likelihood of a grouped summary, with the gamma functions set up once per distinct x. */
export function paretoNbdGroupedLogLikelihood(p: ParetoNbdParameters, g: GroupedSummary): number {
  return sumOverGroups(
    g,
    (x) => perX(p, x),
    (h, _x, tx, T) => {
      const [logA, logB] = logBracketTerms(p, h, tx, T);
      return h.prefactor + logSumExp(logA, logB);
    },
  );
}

/** The summed log-likelihood over customers. */
export function paretoNbdLogLikelihood(p: ParetoNbdParameters, data: RepeatSummary): number {
  return paretoNbdGroupedLogLikelihood(p, groupSummary(data));
}

/**
 * P(alive | x, t_x, T): the likelihood's "still buying at T" part, (α+T)^(−(r+x)) (β+T)^(−s), over the
 * whole bracket.
 */
export function paretoNbdProbabilityAlive(p: ParetoNbdParameters, x: number, tx: number, T: number): number {
  check(0, x, tx, T);
  const [logA, logB] = logBracketTerms(p, perX(p, x), tx, T);
  const logAlive = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
  return Math.min(1, Math.exp(logAlive - logSumExp(logA, logB)));
}

/** (1 − (1 + u)^(−k)) / k, with its limit log(1 + u) at k = 0, without cancellation for small u or k. */
function powerIncrement(k: number, u: number): number {
  const logBase = Math.log1p(u);
  const v = k * logBase;
  return Math.abs(v) < 1e-12 ? logBase : -Math.expm1(-v) / k;
}

/** E[X(t)] for a new customer: (r/α) · β · (1 − (β/(β+t))^(s−1)) / (s − 1). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParameters, t: number): number {
  check(t, 0, 0, 0);
  return (p.r / p.alpha) * p.beta * powerIncrement(p.s - 1, t / p.beta);
}

/** E[Y(t) | x, t_x, T]: P(alive) times the alive customer's expectation with Gamma(r+x, α+T) and Gamma(s, β+T). */
export function paretoNbdConditionalExpectedPurchases(
  p: ParetoNbdParameters,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  check(t, x, tx, T);
  if (t === 0) return 0;
  const rate = (p.r + x) / (p.alpha + T);
  return paretoNbdProbabilityAlive(p, x, tx, T) * rate * (p.beta + T) * powerIncrement(p.s - 1, t / (p.beta + T));
}
