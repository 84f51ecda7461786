import { describe, expect, it } from 'vitest';
import { changeInterval, meanCurveValue } from '../../../../src/analytics/campaigns/allocationUncertainty';
import { fitPowerCurve, type PowerCurveFit } from '../../../../src/analytics/campaigns/responseCurve';
import { mulberry32 } from '../../../../src/analytics/random';

function fitted(days: number, noise: number, seed: number): PowerCurveFit {
  const random = mulberry32(seed);
  const spend: number[] = [];
  const outcome: number[] = [];
  for (let d = 0; d < days; d++) {
    const s = 50 + 100 * random();
    const e = noise * Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
    spend.push(s);
    outcome.push(10 * s ** 0.6 * Math.exp(e));
  }
  const fit = fitPowerCurve(spend, outcome);
  if (!fit.ok) throw new Error(fit.reason);
  return fit;
}

describe('reallocation uncertainty', () => {
  it('brackets the point estimate, narrows with more days and is empty for no move', () => {
    const short = fitted(30, 0.2, 1);
    const long = fitted(300, 0.2, 1);
    const width = (fit: PowerCurveFit) => {
      const i = changeInterval([{ fit, current: 100, recommended: 130 }]);
      const point = meanCurveValue(fit, 130) - meanCurveValue(fit, 100);
      expect(i.low).toBeLessThan(point);
      expect(i.high).toBeGreaterThan(point);
      return i.high - i.low;
    };
    expect(width(long)).toBeLessThan(width(short) / 2);
    expect(changeInterval([{ fit: long, current: 100, recommended: 100 }])).toMatchObject({ low: 0, high: 0 });
  });

  it('covers the true change in about 90 % of repeated experiments', () => {
    const truth = 10 * 130 ** 0.6 * Math.exp(0.02) - 10 * 100 ** 0.6 * Math.exp(0.02);
    let covered = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      const i = changeInterval([{ fit: fitted(60, 0.2, seed), current: 100, recommended: 130 }], 400, seed);
      if (i.low <= truth && truth <= i.high) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.82);
    expect(covered / runs).toBeLessThan(0.97);
  });
});
