import { describe, expect, it } from 'vitest';
import { detectDrops, type DailySeries } from '../../../../src/analytics/campaigns/performanceDrops';
import { mulberry32 } from '../../../../src/analytics/random';

function poisson(random: () => number, mean: number): number {
  // normal approximation is enough at these means
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
}

function series(days: number, dropFrom: number | null, seed: number): DailySeries {
  const random = mulberry32(seed);
  const dates: string[] = [];
  const impressions: number[] = [];
  const clicks: number[] = [];
  const conversions: number[] = [];
  const cost: number[] = [];
  const revenue: number[] = [];
  for (let d = 0; d < days; d++) {
    dates.push(new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const c = poisson(random, 1000);
    const conv = poisson(random, (dropFrom !== null && d >= dropFrom ? 0.5 : 1) * 30);
    impressions.push(poisson(random, 50_000));
    clicks.push(c);
    conversions.push(conv);
    cost.push(500);
    revenue.push(conv * 60);
  }
  return { id: 'A', dates, impressions, clicks, conversions, cost, revenue };
}

describe('performance drops', () => {
  it('flags a planted halving of the conversion rate within a week, and nothing on steady data', () => {
    const planted = detectDrops([series(150, 100, 1)]);
    const cvr = planted.find((e) => e.metric === 'cvr');
    expect(cvr).toBeDefined();
    const start = Date.parse(cvr!.start);
    const drop = Date.UTC(2026, 0, 101);
    expect(start).toBeGreaterThanOrEqual(drop);
    expect(start - drop).toBeLessThanOrEqual(7 * 86_400_000);
    expect(cvr!.relativeChange).toBeLessThan(-0.3);
    expect(planted.some((e) => e.metric === 'roas')).toBe(true);
    expect(planted.some((e) => e.metric === 'ctr')).toBe(false);
    for (let seed = 2; seed < 7; seed++) expect(detectDrops([series(150, null, seed)])).toEqual([]);
  });

  it('ignores days with too little volume and never divides by zero', () => {
    const s = series(60, null, 9);
    const none = s.dates.map(() => 0);
    const zeros = { ...s, impressions: none, clicks: none, conversions: none, cost: none, revenue: none };
    expect(detectDrops([zeros])).toEqual([]);
  });
});
