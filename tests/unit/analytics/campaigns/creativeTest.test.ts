import { describe, expect, it } from 'vitest';
import { normalCdf, testCreatives, twoProportionLowerTest } from '../../../../src/analytics/campaigns/creativeTest';

describe('two-proportion test', () => {
  it('matches a hand-computed z and p', () => {
    // 30/1000 vs 50/1000: pooled 0.04, se = sqrt(0.04·0.96·0.002) = 0.0087636, z = −0.02/se = −2.2822
    const { z, pValue } = twoProportionLowerTest(30, 1000, 50, 1000);
    expect(z).toBeCloseTo(-2.2822, 3);
    expect(pValue).toBeCloseTo(0.01124, 4);
  });

  it('has a normal CDF that agrees with tables', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 5);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });
});

describe('refresh-creative flags', () => {
  const base = { type: 'paid social', impressions: 100_000, conversions: 0 };
  it('flags a campaign far below its peers of the same type, and no one else', () => {
    const results = testCreatives([
      { id: 'A', ...base, clicks: 1000 },
      { id: 'B', ...base, clicks: 1050 },
      { id: 'C', ...base, clicks: 500 },
      { id: 'D', type: 'email', impressions: 100_000, clicks: 400, conversions: 0 },
    ]);
    const flagged = results.filter((r) => r.flagged);
    expect(flagged.map((r) => `${r.id}:${r.rate}`)).toEqual(['C:ctr']);
    const c = flagged[0]!;
    expect(c.value).toBeCloseTo(0.005, 6);
    expect(c.peerValue).toBeCloseTo(0.01025, 6);
    expect(c.reason).toMatch(
      /Refresh creative: click-through rate .* below comparable campaigns, 0\.5% vs 1\.03% for 2 other paid social campaigns/,
    );
    // the email campaign has no peers and is not tested
    expect(results.some((r) => r.id === 'D')).toBe(false);
  });

  it('does not flag a significant but small gap, nor a big gap on little data', () => {
    const small = testCreatives([
      { id: 'A', ...base, impressions: 10_000_000, clicks: 100_000 },
      { id: 'B', ...base, impressions: 10_000_000, clicks: 95_000 },
    ]);
    expect(small.find((r) => r.id === 'B')!.pValue).toBeLessThan(1e-6);
    expect(small.some((r) => r.flagged)).toBe(false);
    const tiny = testCreatives([
      { id: 'A', ...base, impressions: 300, clicks: 6 },
      { id: 'B', ...base, impressions: 300, clicks: 2 },
    ]);
    expect(tiny.some((r) => r.flagged)).toBe(false);
  });
});
