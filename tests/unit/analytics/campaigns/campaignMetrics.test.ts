// Metric arithmetic: ratios from sums, null (shown as "—") wherever a ratio is undefined, and totals
// that are sum/sum rather than the mean of per-campaign ratios.

import { describe, expect, it } from 'vitest';
import {
  addTotals,
  EMPTY_TOTALS,
  formatMetric,
  metricsFromTotals,
  type CampaignMetrics,
  type PerformanceTotals,
} from '../../../../src/analytics/campaigns/campaignMetrics';

const totals = (t: Partial<PerformanceTotals>): PerformanceTotals => ({ ...EMPTY_TOTALS, ...t });

describe('metricsFromTotals', () => {
  const cases: { name: string; totals: PerformanceTotals; expected: CampaignMetrics }[] = [
    {
      name: 'an ordinary campaign',
      totals: totals({ impressions: 10_000, clicks: 200, conversions: 10, cost: 100, revenue: 450 }),
      expected: { ctr: 0.02, cpc: 0.5, cvr: 0.05, cpa: 10, roas: 4.5 },
    },
    {
      name: 'zero impressions',
      totals: totals({ impressions: 0, clicks: 0, conversions: 0, cost: 0, revenue: 0 }),
      expected: { ctr: null, cpc: null, cvr: null, cpa: null, roas: null },
    },
    {
      name: 'zero cost (organic revenue)',
      totals: totals({ impressions: 500, clicks: 20, conversions: 2, cost: 0, revenue: 80 }),
      expected: { ctr: 0.04, cpc: 0, cvr: 0.1, cpa: 0, roas: null },
    },
    {
      name: 'zero clicks',
      totals: totals({ impressions: 1_000, clicks: 0, conversions: 0, cost: 5, revenue: 0 }),
      expected: { ctr: 0, cpc: null, cvr: null, cpa: null, roas: 0 },
    },
    {
      name: 'zero conversions',
      totals: totals({ impressions: 1_000, clicks: 40, conversions: 0, cost: 20, revenue: 0 }),
      expected: { ctr: 0.04, cpc: 0.5, cvr: 0, cpa: null, roas: 0 },
    },
    {
      name: 'no impressions or clicks columns in the file',
      totals: totals({ impressions: NaN, clicks: NaN, conversions: 5, cost: 50, revenue: 150 }),
      expected: { ctr: null, cpc: null, cvr: null, cpa: 10, roas: 3 },
    },
    {
      name: 'clicks known, impressions unknown',
      totals: totals({ impressions: NaN, clicks: 100, conversions: 5, cost: 50, revenue: 150 }),
      expected: { ctr: null, cpc: 0.5, cvr: 0.05, cpa: 10, roas: 3 },
    },
  ];

  it.each(cases)('$name', ({ totals: t, expected }) => {
    const metrics = metricsFromTotals(t);
    for (const key of Object.keys(expected) as (keyof CampaignMetrics)[]) {
      const want = expected[key];
      const got = metrics[key];
      if (want === null) expect(got, key).toBeNull();
      else expect(got, key).toBeCloseTo(want, 12);
    }
  });

  it('never returns NaN or Infinity, whatever the zeros and unknowns', () => {
    const values = [0, 1, 7, NaN];
    for (const impressions of values)
      for (const clicks of values)
        for (const conversions of values)
          for (const cost of values)
            for (const revenue of values) {
              const metrics = metricsFromTotals({ impressions, clicks, conversions, cost, revenue });
              for (const v of Object.values(metrics)) {
                if (v !== null) expect(Number.isFinite(v)).toBe(true);
              }
            }
  });
});

describe('addTotals', () => {
  it('sums field by field, so the total ROAS is sum(revenue)/sum(cost), not the mean of ROAS', () => {
    const small = totals({ impressions: 1_000, clicks: 50, conversions: 5, cost: 10, revenue: 100 }); // ROAS 10
    const large = totals({ impressions: 90_000, clicks: 900, conversions: 30, cost: 1_000, revenue: 2_000 }); // ROAS 2
    const total = addTotals(small, large);
    expect(total).toEqual({ impressions: 91_000, clicks: 950, conversions: 35, cost: 1_010, revenue: 2_100 });
    const roas = metricsFromTotals(total).roas;
    expect(roas).toBeCloseTo(2_100 / 1_010, 12); // 2.079…
    const meanOfRoas = ((metricsFromTotals(small).roas ?? NaN) + (metricsFromTotals(large).roas ?? NaN)) / 2;
    expect(meanOfRoas).toBeCloseTo(6, 12);
    expect(Math.abs((roas ?? NaN) - meanOfRoas)).toBeGreaterThan(3);
    expect(metricsFromTotals(total).ctr).toBeCloseTo(950 / 91_000, 12);
  });

  it('keeps an unknown column unknown in the total instead of summing only the rows that have it', () => {
    const withImpressions = totals({ impressions: 1_000, clicks: 10, cost: 5 });
    const withoutImpressions = totals({ impressions: NaN, clicks: 90, cost: 45 });
    const total = addTotals(withImpressions, withoutImpressions);
    expect(Number.isNaN(total.impressions)).toBe(true);
    expect(metricsFromTotals(total).ctr).toBeNull();
    expect(metricsFromTotals(total).cpc).toBeCloseTo(0.5, 12);
  });

  it('starts from EMPTY_TOTALS in a reduce', () => {
    const rows = [totals({ cost: 1, revenue: 3 }), totals({ cost: 2, revenue: 3 })];
    expect(rows.reduce(addTotals, EMPTY_TOTALS)).toEqual(totals({ cost: 3, revenue: 6 }));
  });
});

describe('formatMetric', () => {
  const cases: { value: number | null; kind: 'ratio' | 'money' | 'multiple'; currency?: string; expected: string }[] = [
    { value: null, kind: 'ratio', expected: '—' },
    { value: null, kind: 'money', expected: '—' },
    { value: null, kind: 'multiple', expected: '—' },
    { value: NaN, kind: 'ratio', expected: '—' },
    { value: Infinity, kind: 'multiple', expected: '—' },
    { value: 0.0123, kind: 'ratio', expected: '1.23%' },
    { value: 0.5, kind: 'ratio', expected: '50%' },
    { value: 0.5, kind: 'money', expected: '$0.50' },
    { value: 1234.5, kind: 'money', currency: 'EUR', expected: '€1,234.50' },
    { value: 4.5, kind: 'multiple', expected: '4.50×' },
    { value: 0, kind: 'multiple', expected: '0.00×' },
  ];

  it.each(cases)('$value as $kind → $expected', ({ value, kind, currency, expected }) => {
    expect(formatMetric(value, kind, currency, 'en-US')).toBe(expected);
  });

  it('shows "—" for every metric of a campaign with no impressions, clicks, conversions or cost', () => {
    const m = metricsFromTotals(EMPTY_TOTALS);
    expect([
      formatMetric(m.ctr, 'ratio'),
      formatMetric(m.cpc, 'money'),
      formatMetric(m.cvr, 'ratio'),
      formatMetric(m.cpa, 'money'),
      formatMetric(m.roas, 'multiple'),
    ]).toEqual(['—', '—', '—', '—', '—']);
  });
});
