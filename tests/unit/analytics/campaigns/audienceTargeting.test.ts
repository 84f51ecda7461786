import { describe, expect, it } from 'vitest';
import { adviseAudiences } from '../../../../src/analytics/campaigns/audienceTargeting';

const segments = [
  { segment: 'Champions', source: 'RFM' as const, customers: 100, valuePerConversion: 400 },
  { segment: 'Loyal', source: 'RFM' as const, customers: 200, valuePerConversion: 150 },
  { segment: 'At Risk', source: 'RFM' as const, customers: 150, valuePerConversion: 40 },
  { segment: 'Empty', source: 'RFM' as const, customers: 0, valuePerConversion: 1000 },
];

describe('audience advice', () => {
  it('targets segments whose value covers the CPA, best first, and excludes the rest', () => {
    const [advice] = adviseAudiences(
      [{ id: 'A', targetSegment: 'at risk', cpa: 60 }],
      segments,
      'mean predicted 12-month lifetime value',
    );
    expect(advice!.target.map((t) => t.segment)).toEqual(['Champions', 'Loyal']);
    expect(advice!.exclude.map((t) => t.segment)).toEqual(['At Risk']);
    expect(advice!.target[0]!.valueToCpa).toBeCloseTo(400 / 60, 9);
    expect(advice!.currentRank).toBe(3);
    expect(advice!.reason).toBe(
      'Its target At Risk is worth $40.00 per conversion (mean predicted 12-month lifetime value), below the CPA of $60.00: target Champions ($400.00) instead.',
    );
  });

  it('keeps a target that pays back and says when a campaign has no conversions', () => {
    const [keep, none] = adviseAudiences(
      [
        { id: 'A', targetSegment: 'Champions', cpa: 60 },
        { id: 'B', targetSegment: 'Loyal', cpa: null },
      ],
      segments,
      'value',
    );
    expect(keep!.currentRank).toBe(1);
    expect(keep!.reason).toMatch(/covers the CPA of \$60\.00\.$/);
    expect(none!.target).toEqual([]);
    expect(none!.reason).toMatch(/No conversions/);
  });
});
