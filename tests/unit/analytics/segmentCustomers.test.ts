// The segmentation job end to end on small synthetic customer bases, including the bad inputs the
// issue lists: fewer customers than k, constant features, missing and infinite values, one huge spender.

import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS } from '../../../src/analytics/rfm';
import { mulberry32 } from '../../../src/analytics/random';
import { SegmentationInputError, prepareFeatures } from '../../../src/analytics/segmentation/prepareFeatures';
import {
  segmentCustomers,
  type SegmentationInput,
  type SegmentationProgress,
} from '../../../src/analytics/segmentation/segmentCustomers';
import { centroidWords, tierOfRank } from '../../../src/analytics/segmentation/profiles';

const DEFAULT_FEATURES = [
  { column: 'recency_days', transform: 'log' as const },
  { column: 'frequency', transform: 'log' as const },
  { column: 'monetary_total', transform: 'log' as const },
  { column: 'tenure_days', transform: 'none' as const },
];

/** Three kinds of customer: 40 champions, 60 regulars, 100 lapsed one-timers (with noise). */
function threeGroups(seed = 3): Record<string, Float64Array> {
  const random = mulberry32(seed);
  const groups = [
    { n: 40, recency: 5, frequency: 20, monetary: 3000, tenure: 700 },
    { n: 60, recency: 60, frequency: 5, monetary: 400, tenure: 400 },
    { n: 100, recency: 500, frequency: 1, monetary: 40, tenure: 520 },
  ];
  const columns: Record<string, number[]> = {
    recency_days: [],
    frequency: [],
    monetary_total: [],
    tenure_days: [],
    average_order_value: [],
  };
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      const jitter = () => 0.8 + 0.4 * random();
      const frequency = Math.max(1, Math.round(g.frequency * jitter()));
      const monetary = g.monetary * jitter();
      columns.recency_days?.push(Math.round(g.recency * jitter()));
      columns.frequency?.push(frequency);
      columns.monetary_total?.push(monetary);
      columns.tenure_days?.push(Math.round(g.tenure * jitter()));
      columns.average_order_value?.push(monetary / frequency);
    }
  }
  return Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)]));
}

const input = (overrides: Partial<SegmentationInput> = {}): SegmentationInput => ({
  columns: threeGroups(),
  features: DEFAULT_FEATURES,
  k: 'auto',
  seed: 7,
  restarts: 5,
  winsorise: true,
  currency: 'USD',
  ...overrides,
});

describe('segmentCustomers', () => {
  it('finds the three groups automatically, numbers them by value and describes them from their centroids', () => {
    const progress: SegmentationProgress[] = [];
    const result = segmentCustomers(input(), (p) => progress.push(p));
    expect(result.k).toBe(3);
    expect(result.chosenBy).toBe('auto');
    expect(result.autoK?.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.profiles.map((p) => p.size)).toEqual([40, 60, 100]);
    expect(result.profiles.map((p) => p.tier)).toEqual(['High value', 'Medium value', 'Low value']);
    expect(result.profiles.map((p) => p.treatment)).toEqual([
      'Premium marketing',
      'Standard marketing',
      'Value marketing',
    ]);
    const [top, , low] = result.profiles;
    expect(top?.name).toMatch(/^(Recent|Frequent|High-spend)/);
    expect(top?.name.toLowerCase()).toContain('frequent');
    expect(low?.name.toLowerCase()).toContain('lapsed');
    expect(top?.description).toMatch(/40 customers \(20 %\)/);
    expect(top?.revenueShare).toBeGreaterThan(0.7);
    expect(result.profiles.reduce((s, p) => s + p.revenueShare, 0)).toBeCloseTo(1, 10);
    // The first 40 customers are the champions: all in segment 1.
    expect([...result.segmentIds.slice(0, 40)].every((id) => id === 1)).toBe(true);
    expect(top?.features.frequency?.median).toBeGreaterThanOrEqual(16);
    expect(result.converged).toBe(true);
    // Progress runs forward from 0 to 0.95 through every phase.
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['preparing', 'choosing k', 'clustering']));
    expect(progress.every((p, i) => i === 0 || p.fraction >= (progress[i - 1]?.fraction ?? 0))).toBe(true);
    expect(result.rfm.segment.length).toBe(200);
    expect(RFM_SEGMENTS[result.rfm.segment[0] ?? 0]).toBe('Champions');
  });

  it('is reproducible: same data, features, k and seed give the same segments; another seed may not', () => {
    const a = segmentCustomers(input({ k: 4 }));
    const b = segmentCustomers(input({ k: 4 }));
    expect([...a.segmentIds]).toEqual([...b.segmentIds]);
    expect(a.inertia).toBe(b.inertia);
    expect(a.profiles).toEqual(b.profiles);
  });

  it('keeps the user’s k and the curves of an earlier automatic run', () => {
    const auto = segmentCustomers(input());
    const chosen = segmentCustomers(input({ k: 5, candidates: auto.autoK }));
    expect(chosen.k).toBe(5);
    expect(chosen.chosenBy).toBe('user');
    expect(chosen.autoK).toEqual(auto.autoK);
    expect(chosen.profiles).toHaveLength(5);
  });

  it('refuses more segments than distinct customers, with a message', () => {
    const few = { recency_days: [1, 2, 3], frequency: [1, 1, 2], monetary_total: [10, 20, 30], tenure_days: [5, 5, 5] };
    const columns = Object.fromEntries(Object.entries(few).map(([k, v]) => [k, Float64Array.from(v)]));
    expect(() => segmentCustomers(input({ columns, k: 4 }))).toThrow(
      /4 segments need at least 4 customers with different feature values; there are only 3/,
    );
    expect(() => segmentCustomers(input({ columns: { monetary_total: Float64Array.of(1, 2) } }))).toThrow(
      /at least 3 customers.*has 2/,
    );
    expect(() => segmentCustomers(input({ k: 11 }))).toThrow(SegmentationInputError);
  });

  it('leaves out a constant feature and says so; refuses when every feature is constant', () => {
    const columns = threeGroups();
    columns.tenure_days = new Float64Array(200).fill(365);
    const result = segmentCustomers(input({ columns, k: 3 }));
    expect(result.features.map((f) => f.column)).toEqual(['recency_days', 'frequency', 'monetary_total']);
    expect(result.notes.join(' ')).toMatch(/Tenure is the same for every customer/);
    expect(() =>
      segmentCustomers(input({ columns, k: 3, features: [{ column: 'tenure_days', transform: 'none' }] })),
    ).toThrow(/Every chosen feature is the same for all customers/);
  });

  it('fills missing and infinite values with the median, never producing a NaN segment', () => {
    const columns = threeGroups();
    const monetary = columns.monetary_total as Float64Array;
    monetary[3] = NaN;
    monetary[50] = Infinity;
    (columns.recency_days as Float64Array)[7] = -Infinity;
    const result = segmentCustomers(input({ columns, k: 3 }));
    expect(result.notes.join(' ')).toMatch(/Monetary \(total spend\): 2 of 200 customers have no usable value/);
    expect(result.notes.join(' ')).toMatch(/Recency: 1 of 200/);
    expect([...result.segmentIds].every((id) => id >= 1 && id <= 3)).toBe(true);
    for (const p of result.profiles) {
      expect(Object.values(p.centroid).every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(p.revenue)).toBe(true);
    }
    expect(() =>
      segmentCustomers(
        input({
          columns: { ...columns, age: new Float64Array(200).fill(NaN) },
          features: [{ column: 'age', transform: 'none' }],
        }),
      ),
    ).toThrow(/Age has no value for any customer/);
  });

  it('one customer with a huge spend does not get a segment of their own', () => {
    const columns = threeGroups();
    (columns.monetary_total as Float64Array)[0] = 5e9;
    const features = DEFAULT_FEATURES.map((f) => ({ ...f, transform: 'none' as const }));
    const clipped = segmentCustomers(input({ columns, features, k: 4 }));
    expect(Math.min(...clipped.profiles.map((p) => p.size))).toBeGreaterThan(1);
    expect(clipped.notes.join(' ')).toMatch(/Outliers were clipped/);
    // Without clipping, raw spend lets the one customer take a segment alone.
    const raw = segmentCustomers(input({ columns, features, k: 4, winsorise: false }));
    expect(Math.min(...raw.profiles.map((p) => p.size))).toBe(1);
  });

  it('takes a signed log of net-negative spend', () => {
    const prepared = prepareFeatures(
      { monetary_total: Float64Array.of(-99, 0, 99, 9999) },
      [{ column: 'monetary_total', transform: 'log' }],
      { winsorise: false },
    );
    const z = prepared.rows.map((r) => r[0] ?? NaN);
    expect(z.every(Number.isFinite)).toBe(true);
    expect(z[0]).toBeLessThan(z[1] ?? 0);
    expect((z[1] ?? 0) - (z[0] ?? 0)).toBeCloseTo((z[2] ?? 0) - (z[1] ?? 0), 10);
  });
});

describe('profile helpers', () => {
  it.each([
    [2, ['High value', 'Low value']],
    [3, ['High value', 'Medium value', 'Low value']],
    [4, ['High value', 'Medium value', 'Medium value', 'Low value']],
    [5, ['High value', 'High value', 'Medium value', 'Low value', 'Low value']],
  ])('k = %i gives tiers %j', (k, tiers) => {
    expect(Array.from({ length: k }, (_, rank) => tierOfRank(rank, k))).toEqual(tiers);
  });

  it('describes a centroid with the strongest words first and ignores features near average', () => {
    expect(centroidWords({ recency_days: -1.2, frequency: 2.1, monetary_total: 0.3, tenure_days: 0.6 })).toEqual([
      'frequent',
      'recent',
      'long-standing',
    ]);
    expect(centroidWords({ recency_days: 0.1 })).toEqual([]);
  });
});
