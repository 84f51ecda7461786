// AUC by ranks against hand counts and a brute-force pair count; risk groups against hand tables.

import { describe, expect, it } from 'vitest';
import { areaUnderRoc, riskDeciles } from '../../../../src/analytics/churn/auc';
import { mulberry32 } from '../../../../src/analytics/random';

/** P(positive outscores negative) + ½ P(tie), over all pairs: the definition, O(n²). */
function bruteForceAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      const si = scores[i] as number;
      const sj = scores[j] as number;
      wins += si > sj ? 1 : si === sj ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('areaUnderRoc', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.3, 0.8, 0.9], [0, 0, 0, 1, 1], 1],
    ['reversed ranking', [0.9, 0.8, 0.3, 0.2, 0.1], [0, 0, 0, 1, 1], 0],
    ['all scores tied', [0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1, 1], 0.5],
    // Positives {0.4, 0.8}, negatives {0.1, 0.4}: pairs 1 + ½ + 1 + 1 = 3.5 of 4.
    ['a tie across the classes', [0.1, 0.4, 0.4, 0.8], [0, 1, 0, 1], 0.875],
    // Positives {2, 2, 3}, negatives {1, 2, 3}: 2 → 1 + ½ + 0 each; 3 → 1 + 1 + ½; (1.5·2 + 2.5) / 9.
    ['ties within and across the classes', [2, 1, 2, 3, 2, 3], [1, 0, 1, 1, 0, 0], 5.5 / 9],
    ['one customer per class', [0.3, 0.7], [1, 0], 0],
  ])('%s', (_name, scores, labels, expected) => {
    expect(areaUnderRoc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('equals the brute-force pair count on random data with many ties', () => {
    const random = mulberry32(7);
    for (const n of [2, 17, 250, 1000]) {
      // Scores rounded to 1 decimal, so ties are common; labels correlated with the score.
      const scores = Float64Array.from({ length: n }, () => Math.round(random() * 10) / 10);
      const labels = Uint8Array.from(scores, (s) => (random() < 0.2 + 0.6 * s ? 1 : 0));
      labels[0] = 1;
      labels[1] = 0;
      expect(areaUnderRoc(scores, labels)).toBeCloseTo(bruteForceAuc(scores, labels), 12);
    }
  });

  it('depends only on the ranking: a monotone transform leaves it unchanged', () => {
    const random = mulberry32(11);
    const scores = Array.from({ length: 300 }, () => random());
    const labels = scores.map((s) => (random() < s ? 1 : 0));
    expect(
      areaUnderRoc(
        scores.map((s) => Math.exp(5 * s) - 3),
        labels,
      ),
    ).toBeCloseTo(areaUnderRoc(scores, labels), 12);
  });

  it('is NaN when one class is empty, and for no customers', () => {
    expect(areaUnderRoc([0.1, 0.2], [1, 1])).toBeNaN();
    expect(areaUnderRoc([0.1, 0.2], [0, 0])).toBeNaN();
    expect(areaUnderRoc([], [])).toBeNaN();
  });

  it.each([
    ['unequal lengths', () => areaUnderRoc([0.1, 0.2], [1]), /2 scores but 1 labels/],
    ['a NaN score', () => areaUnderRoc([0.1, NaN], [1, 0]), /Score 1 is NaN/],
    ['a label that is not 0/1', () => areaUnderRoc([0.1, 0.2], [1, 2]), /customer 1 has 2/],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('riskDeciles', () => {
  it('five groups of two, by hand', () => {
    const scores = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.0];
    // Events at scores 0.9, 0.8, 0.7 and 0.3.
    const outcome = [1, 0, 0, 1, 1, 0, 1, 0, 0, 0];
    const groups = riskDeciles(scores, outcome, 5);
    expect(groups.map((g) => g.decile)).toEqual([1, 2, 3, 4, 5]);
    expect(groups.map((g) => g.customers)).toEqual([2, 2, 2, 2, 2]);
    [0.05, 0.25, 0.45, 0.65, 0.85].forEach((mean, g) => expect(groups[g]?.meanScore).toBeCloseTo(mean, 12));
    expect(groups.map((g) => g.eventRate)).toEqual([0, 0.5, 0, 0.5, 1]);
  });

  it('uneven split: 7 customers in 3 groups are 2, 2, 3', () => {
    const groups = riskDeciles([7, 6, 5, 4, 3, 2, 1], [1, 1, 0, 1, 0, 0, 0], 3);
    expect(groups.map((g) => g.customers)).toEqual([2, 2, 3]);
    expect(groups.map((g) => g.meanScore)).toEqual([1.5, 3.5, 6]);
    expect(groups.map((g) => g.eventRate)).toEqual([0, 0.5, 2 / 3]);
  });

  it('group sizes add up to n and differ by at most one', () => {
    for (const n of [1, 9, 10, 11, 99, 1234]) {
      for (const bins of [1, 3, 10, 20]) {
        const scores = Array.from({ length: n }, (_, i) => (i * 7919) % 101);
        const sizes = riskDeciles(scores, new Array<number>(n).fill(0), bins).map((g) => g.customers);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(sizes).toHaveLength(Math.min(n, bins));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('splits a tie by input position, the same way every time', () => {
    const groups = riskDeciles([0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0], 2);
    expect(groups.map((g) => g.eventRate)).toEqual([1, 0]);
    expect(groups.map((g) => g.meanScore)).toEqual([0.5, 0.5]);
    // Mixed with other scores: the lower score goes first, then the tied ones in input order.
    const mixed = riskDeciles([0.5, 0.9, 0.5, 0.1], [0, 1, 1, 0], 2);
    expect(mixed.map((g) => g.eventRate)).toEqual([0, 1]);
  });

  it('defaults to ten groups; fewer customers than groups gives one each; none gives none', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    expect(riskDeciles(scores, new Array<number>(100).fill(1)).map((g) => g.customers)).toEqual(
      new Array<number>(10).fill(10),
    );
    expect(riskDeciles([3, 1, 2], [1, 0, 0])).toEqual([
      { decile: 1, customers: 1, meanScore: 1, eventRate: 0 },
      { decile: 2, customers: 1, meanScore: 2, eventRate: 0 },
      { decile: 3, customers: 1, meanScore: 3, eventRate: 1 },
    ]);
    expect(riskDeciles([], [])).toEqual([]);
  });

  it.each([
    ['zero bins', () => riskDeciles([1], [0], 0), /bins must be/],
    ['fractional bins', () => riskDeciles([1], [0], 2.5), /bins must be/],
    ['unequal lengths', () => riskDeciles([1, 2], [0]), /2 scores but 1 outcomes/],
    ['an outcome that is not 0/1', () => riskDeciles([1, 2], [0, 0.5]), /customer 1 has 0.5/],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
