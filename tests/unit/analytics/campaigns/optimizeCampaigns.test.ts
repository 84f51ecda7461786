// The optimisation job on the demo's campaigns, whose response curves and planted drop are known.

import { describe, expect, it } from 'vitest';
import { optimizeCampaigns } from '../../../../src/analytics/campaigns/optimizeCampaigns';
import { generateDemo } from '../../../../src/data/demo/generateDemo';
import { demoCampaignGrid } from '../../../support/demoCampaignGrid';

const demo = generateDemo({ customers: 300 });
const grid = demoCampaignGrid(demo);
const run = (settings: Partial<typeof grid.settings> = {}) =>
  optimizeCampaigns({ ...grid, settings: { ...grid.settings, ...settings } });

describe('campaign optimisation on the demo data', () => {
  it('finds the planted conversion-rate drop first, within a week of its start, and raises it as a trigger', () => {
    const result = run();
    const top = result.drops[0]!;
    expect(top.id).toBe(demo.plantedDrop.campaignId);
    expect(top.metric).toBe('cvr');
    const lag = (Date.parse(top.start) - Date.parse(demo.plantedDrop.date)) / 86_400_000;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(7);
    expect(result.recommendations.some((r) => r.kind === 'drop' && r.campaignId === demo.plantedDrop.campaignId)).toBe(
      true,
    );
  });

  it('spends exactly the budget within the bounds and predicts more revenue', () => {
    const result = run({ goal: 'revenue' });
    const allocation = result.allocation!;
    const spent = allocation.result.allocations.reduce((s, a) => s + a.recommended, 0);
    expect(spent).toBeCloseTo(allocation.currentTotal, 6);
    for (const a of allocation.result.allocations) {
      const state = result.states.find((s) => s.id === a.id)!;
      if (state.curve.ok) {
        expect(a.recommended).toBeGreaterThanOrEqual(0.7 * a.current - 1e-9);
        expect(a.recommended).toBeLessThanOrEqual(1.3 * a.current + 1e-9);
      } else expect(a.recommended).toBe(a.current);
    }
    expect(allocation.result.expectedOutcome).toBeGreaterThan(allocation.result.currentOutcome);
    const change = allocation.result.expectedOutcome - allocation.result.currentOutcome;
    expect(allocation.interval.low).toBeLessThan(change);
    expect(allocation.interval.high).toBeGreaterThan(change);
  });

  it('on the cost goal, spends less for the same predicted conversions', () => {
    const result = run({ goal: 'cost' });
    const allocation = result.allocation!;
    expect(allocation.outcome).toBe('conversions');
    expect(allocation.saving!).toBeGreaterThan(0);
    expect(allocation.totalBudget).toBeLessThan(allocation.currentTotal);
    expect(allocation.result.expectedOutcome).toBeGreaterThanOrEqual(allocation.result.currentOutcome - 1e-6);
  });

  it('keeps locked campaigns at their spend and says when bounds cannot meet the budget', () => {
    const first = run().states.find((s) => s.active && s.curve.ok)!;
    const locked = run({ overrides: { [first.id]: { locked: true } } });
    expect(locked.allocation!.result.allocations.find((a) => a.id === first.id)!.recommended).toBe(first.currentSpend);
    const tooMuch = run({ totalBudget: 1e7 });
    expect(tooMuch.allocation).toBeNull();
    expect(tooMuch.allocationProblem).toMatch(/outside what the bounds allow/);
  });
});

describe('campaign optimisation edge cases', () => {
  /** A grid of campaigns with spend varying around `level` and revenue = 10·spend^0.6 (no noise). */
  function syntheticGrid(levels: number[], days = 90) {
    const dates = Array.from({ length: days }, (_, d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const cells = levels.length * days;
    const g = {
      impressions: new Float64Array(cells),
      clicks: new Float64Array(cells),
      conversions: new Float64Array(cells),
      cost: new Float64Array(cells),
      revenue: new Float64Array(cells),
    };
    levels.forEach((level, k) => {
      for (let d = 0; d < days; d++) {
        const cost = level * (0.6 + (0.8 * ((d * 7919 + k * 104729) % 97)) / 96);
        const i = k * days + d;
        g.cost[i] = cost;
        g.revenue[i] = 10 * cost ** 0.6;
        g.conversions[i] = g.revenue[i] / 50;
        g.clicks[i] = cost / 0.5;
        g.impressions[i] = g.clicks[i] * 50;
      }
    });
    return {
      ...grid,
      campaigns: levels.map((_, k) => ({ id: `C${k}`, name: `C${k}`, type: 'search', targetSegment: null })),
      dates,
      ...g,
    };
  }

  it('keeps a floor the user set above the default ceiling', () => {
    const input = syntheticGrid([100, 100, 100]);
    const result = optimizeCampaigns({
      ...input,
      settings: { ...input.settings, totalBudget: 400, overrides: { C0: { min: 200 } } },
    });
    const c0 = result.allocation!.result.allocations.find((a) => a.id === 'C0')!;
    expect(c0.recommended).toBeGreaterThanOrEqual(200 - 1e-9);
  });

  it('measures current spend from a campaign’s first day in the recent window', () => {
    const input = syntheticGrid([100, 100]);
    // C1 only started 10 days before the end
    for (let d = 0; d < 80; d++)
      for (const f of ['cost', 'revenue', 'conversions', 'clicks', 'impressions'] as const) input[f][90 + d] = 0;
    const result = optimizeCampaigns(input);
    const recent = Array.from(input.cost.subarray(170, 180));
    expect(result.states[1]!.currentSpend).toBeCloseTo(recent.reduce((s, v) => s + v, 0) / 10, 9);
  });

  it('on the cost goal, says so when a ceiling below today’s spend makes today’s conversions unreachable', () => {
    const input = syntheticGrid([100, 100, 100]);
    const result = optimizeCampaigns({
      ...input,
      settings: { ...input.settings, goal: 'cost', boundPct: 0, overrides: { C0: { max: 10 } } },
    });
    expect(result.allocation).toBeNull();
    expect(result.allocationProblem).toMatch(/outside what the bounds allow|keeps the predicted conversions/);
  });

  it('treats missing revenue as unknown: no false drops, bids held with the reason', () => {
    const input = syntheticGrid([100, 100]);
    for (let d = 70; d < 90; d++) input.revenue[d] = Number.NaN;
    const result = optimizeCampaigns(input);
    expect(result.drops.filter((d) => d.id === 'C0' && d.metric === 'roas')).toEqual([]);
    const bid = result.bids.find((b) => b.id === 'C0')!;
    expect(bid.action).toBe('hold');
    expect(bid.reason).toMatch(/revenue is missing/);
    // the other campaign's bid is still judged against a target from the known campaigns
    expect(result.targets.roas).not.toBeNull();
  });

  it('recommends acting on a drop inside the recent days even after it ended', () => {
    const input = syntheticGrid([100], 120);
    // steady 30 conversions from 1,000 clicks a day, halved for 8 days ending 5 days before the end
    for (let d = 0; d < 120; d++) {
      input.clicks[d] = 1000;
      input.conversions[d] = d >= 107 && d < 115 ? 15 : 30;
    }
    const result = optimizeCampaigns(input);
    const drop = result.drops.find((d) => d.metric === 'cvr');
    expect(drop).toBeDefined();
    expect(drop!.end < result.range.to).toBe(true);
    expect(result.recommendations.some((r) => r.kind === 'drop')).toBe(true);
  });
});
