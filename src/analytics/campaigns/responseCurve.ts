// Diminishing-returns response of a campaign's daily outcome (revenue or conversions) to its daily
// spend: outcome = a·spend^b, fitted by least squares on ln outcome = ln a + b·ln spend. The log scale
// turns multiplicative day-to-day noise into additive noise and makes b the elasticity (1 % more spend
// gives about b % more outcome). A curve is reported only when the data can support one; otherwise the
// result says why, so the optimizer never allocates budget on an invented curve.
//
// Which days are used: a day enters the fit only when spend > 0 and outcome > 0 (both finite), since
// the log of zero is undefined. Days with spend but zero outcome are counted in `zeroOutcomeDays` and
// left out; when they are common the fit describes the days that did convert and overstates the
// response, so callers should show that count beside the curve. Days with zero spend say nothing about
// the slope and are left out too.
//
// `a·spend^b` is the median response (the exponential of the mean log outcome). Under lognormal noise
// the mean response is that times exp(logResidualSd² / 2).

import { coefficientOfVariation, linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';

/** The curve itself: outcome = a·spend^b. */
export interface PowerCurve {
  a: number;
  b: number;
}

/** A curve the data supports, with the evidence for it. */
export interface PowerCurveFit extends PowerCurve {
  ok: true;
  /** R² of the straight-line fit on the log–log scale (not of the curve on the original scale). */
  rSquared: number;
  /** Days used in the fit (spend > 0 and outcome > 0). */
  days: number;
  /** Days with spend but zero outcome, excluded from the log fit. */
  zeroOutcomeDays: number;
  /** Residual standard error on the log scale: roughly the typical day's multiplicative scatter. */
  logResidualSd: number;
  /** The smallest and largest daily spend in the fit; the curve is extrapolation outside it. */
  spendRange: [number, number];
  /** Mean of ln spend over the fitted days: with `logSpendSxx`, gives the sampling covariance of (ln a, b). */
  logSpendMean: number;
  /** Σ (ln spend − mean)² over the fitted days. */
  logSpendSxx: number;
}

/** No curve, and why not, in a sentence fit to show the user. */
export interface PowerCurveRefusal {
  ok: false;
  reason: string;
  days: number;
  zeroOutcomeDays: number;
}

/** Either a supported curve or a refusal. */
export type PowerCurveResult = PowerCurveFit | PowerCurveRefusal;

/** Thresholds for when a campaign's data is enough to fit a curve. */
export interface PowerCurveOptions {
  /** Fewest usable days; default 14. */
  minDays?: number;
  /** Smallest coefficient of variation of daily spend; default 0.1. */
  minSpendCv?: number;
  /** Smallest max/min ratio of daily spend; default 1.2. */
  minSpendRatio?: number;
  /** What the outcome is called in messages; default "revenue". */
  outcomeLabel?: string;
}

// Outside (0, 1.5) the fitted exponent is not a diminishing or roughly linear response: b ≤ 0 says more
// spend brings no more (or less) outcome, and b ≥ 1.5 says returns accelerate without limit, which an
// optimizer would answer by pouring the whole budget into one campaign. Slightly above 1 is allowed so
// noise around a linear response is not rejected.
const MAX_EXPONENT = 1.5;

/** Fit outcome = a·spend^b on the log–log scale, or refuse with a reason when the data cannot support a curve. */
export function fitPowerCurve(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  options: PowerCurveOptions = {},
): PowerCurveResult {
  if (spend.length !== outcome.length) {
    throw new RangeError(`fitPowerCurve: spend and outcome differ in length (${spend.length} and ${outcome.length})`);
  }
  const { minDays = 14, minSpendCv = 0.1, minSpendRatio = 1.2, outcomeLabel = 'revenue' } = options;

  const spendUsed: number[] = [];
  const points: [number, number][] = [];
  let zeroOutcomeDays = 0;
  for (let i = 0; i < spend.length; i++) {
    const s = Number(spend[i]);
    const y = Number(outcome[i]);
    if (!(Number.isFinite(s) && s > 0 && Number.isFinite(y))) continue;
    if (y === 0) zeroOutcomeDays++;
    if (y <= 0) continue;
    spendUsed.push(s);
    points.push([Math.log(s), Math.log(y)]);
  }
  const days = points.length;
  const refuse = (reason: string): PowerCurveRefusal => ({ ok: false, reason, days, zeroOutcomeDays });

  // Three points at the least: the residual standard error has days − 2 degrees of freedom.
  const neededDays = Math.max(minDays, 3);
  if (days < neededDays) {
    return refuse(`only ${days} days with spend and ${outcomeLabel}; at least ${neededDays} are needed`);
  }
  const minSpend = Math.min(...spendUsed);
  const maxSpend = Math.max(...spendUsed);
  const spendCv = coefficientOfVariation(spendUsed);
  if (!(spendCv >= minSpendCv) || !(maxSpend / minSpend >= minSpendRatio)) {
    return refuse('not enough variation in spend to estimate a response curve');
  }

  const line = linearRegression(points);
  // A constant outcome has slope exactly 0, but rounding in the regression's means can leave ±1e-17,
  // which would pass as a "rising" curve.
  const constantOutcome = points.every(([, y]) => y === points[0]?.[1]);
  const b = constantOutcome ? 0 : line.m;
  const a = Math.exp(line.b);
  if (!(b > 0)) {
    return refuse(
      `the fitted exponent b = ${b.toFixed(2)} says ${outcomeLabel} does not rise with spend, so no response curve is reported`,
    );
  }
  if (!(b < MAX_EXPONENT)) {
    return refuse(
      `the fitted exponent b = ${b.toFixed(2)} says returns accelerate with spend, which is not a plausible response, so no curve is reported`,
    );
  }

  const predict = linearRegressionLine(line);
  let squaredResiduals = 0;
  for (const [x, y] of points) squaredResiduals += (y - predict(x)) ** 2;
  let logSpendSum = 0;
  for (const [x] of points) logSpendSum += x;
  const logSpendMean = logSpendSum / days;
  let logSpendSxx = 0;
  for (const [x] of points) logSpendSxx += (x - logSpendMean) ** 2;
  return {
    ok: true,
    a,
    b,
    logSpendMean,
    logSpendSxx,
    rSquared: rSquared(points, predict),
    days,
    zeroOutcomeDays,
    // n − 2: two parameters were estimated from the same points (the regression's standard error).
    logResidualSd: Math.sqrt(squaredResiduals / (days - 2)),
    spendRange: [minSpend, maxSpend],
  };
}

// Negative spend is a caller's bug, not a budget; failing loudly beats returning NaN into an optimizer.
function checkSpend(spend: number): void {
  if (!(spend >= 0) || !Number.isFinite(spend)) throw new RangeError(`spend must be finite and ≥ 0, got ${spend}`);
}

/** The curve's (median) outcome at a daily spend. */
export function curveValue(curve: PowerCurve, spend: number): number {
  checkSpend(spend);
  return curve.a * spend ** curve.b;
}

/**
 * Outcome per extra unit of spend, a·b·spend^(b−1): what reallocation equalises across campaigns. At
 * spend 0 it is Infinity for b < 1, so optimizers should keep spend inside bounds above zero.
 */
export function marginalReturn(curve: PowerCurve, spend: number): number {
  checkSpend(spend);
  return curve.a * curve.b * spend ** (curve.b - 1);
}
