// The uncertainty range of a reallocation's expected change. Each fitted curve is a straight line on
// the log–log scale, so its estimates (ln a, b) have the regression's sampling covariance
//   s²·[[1/n + x̄²/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/Sxx]]
// (s the residual standard error, x̄ and Sxx the mean and spread of ln spend). We draw curves from that
// normal distribution for every campaign at once and recompute the change "recommended minus current";
// the 5th and 95th percentiles are the 90 % range. It covers the curves' estimation error, not the
// day-to-day scatter around them, and the allocation is held at the recommendation (as it would be run).

import { quantileSorted } from 'simple-statistics';
import { mulberry32 } from '../random';
import type { PowerCurveFit } from './responseCurve';

export interface CurveMove {
  fit: PowerCurveFit;
  current: number;
  recommended: number;
}

export interface ChangeInterval {
  /** 5th percentile of the change in the outcome per day. */
  low: number;
  /** 95th percentile. */
  high: number;
  draws: number;
}

function standardNormalPair(random: () => number): [number, number] {
  const u = Math.max(random(), 1e-300);
  const v = random();
  const radius = Math.sqrt(-2 * Math.log(u));
  return [radius * Math.cos(2 * Math.PI * v), radius * Math.sin(2 * Math.PI * v)];
}

/** Mean (not median) outcome of a lognormal-scatter curve at a spend: a·x^b·exp(s²/2). */
export function meanCurveValue(fit: PowerCurveFit, spend: number, a = fit.a, b = fit.b): number {
  return spend > 0 ? a * spend ** b * Math.exp(fit.logResidualSd ** 2 / 2) : 0;
}

/** 90 % range of Σ (outcome at recommended − outcome at current) under the curves' estimation error. */
export function changeInterval(moves: readonly CurveMove[], draws = 500, seed = 7): ChangeInterval {
  const random = mulberry32(seed);
  const changes: number[] = [];
  for (let d = 0; d < draws; d++) {
    let change = 0;
    for (const { fit, current, recommended } of moves) {
      if (current === recommended) continue;
      const s2 = fit.logResidualSd ** 2;
      const varB = s2 / fit.logSpendSxx;
      const varLogA = s2 / fit.days + fit.logSpendMean ** 2 * varB;
      const cov = -fit.logSpendMean * varB;
      // Cholesky of the 2×2 covariance.
      const l11 = Math.sqrt(varLogA);
      const l21 = l11 > 0 ? cov / l11 : 0;
      const l22 = Math.sqrt(Math.max(0, varB - l21 * l21));
      const [z1, z2] = standardNormalPair(random);
      const logA = Math.log(fit.a) + l11 * z1;
      const b = fit.b + l21 * z1 + l22 * z2;
      const a = Math.exp(logA);
      change += meanCurveValue(fit, recommended, a, b) - meanCurveValue(fit, current, a, b);
    }
    changes.push(change);
  }
  changes.sort((p, q) => p - q);
  return { low: quantileSorted(changes, 0.05), high: quantileSorted(changes, 0.95), draws };
}
