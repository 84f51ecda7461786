import { describe, expect, it } from 'vitest';
import { adviseBids } from '../../../../src/analytics/campaigns/bidAdjustment';

describe('bid advice', () => {
  const campaign = { id: 'A', clicks: 1000, conversions: 50, cost: 1000, revenue: 4000 };
  it('targets value per click ÷ target ROAS on the revenue goal', () => {
    // $4 per click, 2× target → $2 per click affordable; current $1 → +100 %, capped at +50 %
    const [advice] = adviseBids([campaign], { goal: 'revenue', targetRoas: 2, targetCpa: 10 });
    expect(advice!.targetCpc).toBeCloseTo(2, 9);
    expect(advice!.action).toBe('raise');
    expect(advice!.changePct).toBeCloseTo(50, 9);
    expect(advice!.reason).toMatch(/capped; the target is 100 % away/);
  });

  it('targets CVR × target CPA on the conversion goals', () => {
    // 5 % convert, $16 CPA → $0.80 per click; current $1 → −20 %
    const [advice] = adviseBids([campaign], { goal: 'conversions', targetRoas: 2, targetCpa: 16 });
    expect(advice!.targetCpc).toBeCloseTo(0.8, 9);
    expect(advice!.action).toBe('lower');
    expect(advice!.changePct).toBeCloseTo(-20, 9);
  });

  it('holds inside the dead band and on too few clicks', () => {
    const [near] = adviseBids([campaign], { goal: 'cost', targetRoas: 2, targetCpa: 21 });
    expect(near!.action).toBe('hold');
    const [few] = adviseBids([{ ...campaign, clicks: 20 }], { goal: 'revenue', targetRoas: 2, targetCpa: 1 });
    expect(few!.action).toBe('hold');
    expect(few!.targetCpc).toBeNull();
  });
});
