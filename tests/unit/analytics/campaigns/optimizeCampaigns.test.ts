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
