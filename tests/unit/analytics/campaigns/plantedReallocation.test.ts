// The planted check end to end: daily performance generated from known response curves with
// noise, curves fitted from it, budget reallocated, and the allocation judged on the true curves.

import { describe, expect, it } from 'vitest';
import { allocateBudget } from '../../../../src/analytics/campaigns/allocateBudget';
import { curveValue, fitPowerCurve } from '../../../../src/analytics/campaigns/responseCurve';
import { mulberry32 } from '../../../../src/analytics/random';

interface Planted {
  a: number;
  b: number;
  current: number;
}

/** The true optimum under the same budget and ±30 % bounds, by handing the budget out in small chunks. */
function trueOptimum(campaigns: Planted[], budget: number): number {
  const min = campaigns.map((c) => 0.7 * c.current);
  const max = campaigns.map((c) => 1.3 * c.current);
  const x = [...min];
  let left = budget - min.reduce((s, v) => s + v, 0);
  const chunk = left / 20_000;
  while (left > 1e-9) {
    let best = -1;
    let bestGain = -Infinity;
    campaigns.forEach((c, i) => {
      if ((x[i] ?? 0) + chunk > (max[i] ?? 0) + 1e-9) return;
      const gain = curveValue(c, (x[i] ?? 0) + chunk) - curveValue(c, x[i] ?? 0);
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    });
    if (best < 0) break;
    x[best] = (x[best] ?? 0) + chunk;
    left -= chunk;
  }
  return campaigns.reduce((s, c, i) => s + curveValue(c, x[i] ?? 0), 0);
}

describe('reallocation on planted daily data', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: fitted curves reach ≥ 98 %% of the true optimum and beat the current split',
    (seed) => {
      const random = mulberry32(seed);
      const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const campaigns: Planted[] = Array.from({ length: 8 }, () => ({
        a: 2 + 20 * random(),
        b: 0.35 + 0.5 * random(),
        current: 100 + 900 * random(),
      }));
      const inputs = campaigns.map((c, i) => {
        // 120 days of spend varying ±40 % around today's level, revenue with 25 % lognormal noise.
        const spend = Array.from({ length: 120 }, () => c.current * (0.6 + 0.8 * random()));
        const revenue = spend.map((s) => curveValue(c, s) * Math.exp(0.25 * normal()));
        const fit = fitPowerCurve(spend, revenue);
        if (!fit.ok) throw new Error(fit.reason);
        return {
          id: `C${i}`,
          currentSpend: c.current,
          curve: { a: fit.a, b: fit.b },
          min: 0.7 * c.current,
          max: 1.3 * c.current,
          locked: false,
        };
      });
      const budget = campaigns.reduce((s, c) => s + c.current, 0);
      const result = allocateBudget(inputs, budget);
      const onTruth = result.allocations.reduce((s, a, i) => s + curveValue(campaigns[i] as Planted, a.recommended), 0);
      const current = campaigns.reduce((s, c) => s + curveValue(c, c.current), 0);
      expect(result.allocations.reduce((s, a) => s + a.recommended, 0)).toBeCloseTo(budget, 6);
      expect(onTruth / trueOptimum(campaigns, budget)).toBeGreaterThanOrEqual(0.98);
      expect(onTruth).toBeGreaterThan(current);
    },
  );
});
