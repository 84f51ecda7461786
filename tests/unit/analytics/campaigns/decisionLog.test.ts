import { describe, expect, it } from 'vitest';
import { compareDecision, type CampaignDecision } from '../../../../src/analytics/campaigns/decisionLog';
import { formatDay } from '../../../../src/analytics/formatDay';

const decision: CampaignDecision = {
  id: 'd1',
  campaignId: 'A',
  kind: 'budget',
  text: 'Raise A',
  appliedOn: '2026-10-01',
  loggedAt: '2026-10-01T09:00:00Z',
  predicted: {
    metric: 'spend-outcome',
    outcome: 'revenue',
    spendBefore: 100,
    spendAfter: 130,
    outcomeBefore: 400,
    outcomeAfter: 460,
  },
};
const period = (days: number, revenue: number) => ({
  days,
  impressions: 0,
  clicks: 0,
  conversions: 0,
  cost: 100 * days,
  revenue,
});

describe('decision log', () => {
  it('sets the realised change per day beside the predicted one', () => {
    // before 400/day, predicted +60 → 460/day; realised 430/day → half the predicted change
    const outcome = compareDecision(decision, period(28, 28 * 400), period(10, 10 * 430));
    expect(outcome.status).toBe('measured');
    expect(outcome.before).toBeCloseTo(400, 9);
    expect(outcome.predictedAfter).toBeCloseTo(460, 9);
    expect(outcome.realisedAfter).toBeCloseTo(430, 9);
    expect(outcome.realisedShareOfPredicted).toBeCloseTo(0.5, 9);
    expect(outcome.summary).toContain('50 % of the predicted change');
  });

  it('waits when there is no data after the applied date', () => {
    const outcome = compareDecision(decision, period(28, 28 * 400), period(0, 0));
    expect(outcome.status).toBe('waiting');
    expect(outcome.summary).toContain(formatDay('2026-10-01'));
  });
});
