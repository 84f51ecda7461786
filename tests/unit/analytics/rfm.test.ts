import { describe, expect, it } from 'vitest';
import { RFM_MAP, quintileScores, scoreRfm } from '../../../src/analytics/rfm';

describe('quintileScores', () => {
  it('gives 1–5 by rank, ten values two per quintile', () => {
    expect(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores recency the other way round: fewer days is better', () => {
    expect(quintileScores([1, 100, 50, 10, 300], false)).toEqual([5, 2, 3, 4, 1]);
  });

  it('gives tied values one score, from the middle of their positions', () => {
    // Six 1s occupy positions 1–6 of 10: mid-rank 3.5 → ceil(5 × 3.5 / 10) = 2.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 5, 8])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
  });
});

describe('scoreRfm', () => {
  it('names segments from R and the rounded mean of F and M', () => {
    const customers = [
      { recencyDays: 2, frequency: 20, monetary: 2000 }, // best on all three
      { recencyDays: 400, frequency: 15, monetary: 1500 }, // long gone, was valuable
      { recencyDays: 3, frequency: 1, monetary: 20 }, // just arrived
      { recencyDays: 500, frequency: 1, monetary: 10 }, // gone, never valuable
      { recencyDays: 90, frequency: 5, monetary: 300 },
    ];
    expect(scoreRfm(customers).map((s) => [s.r, s.f, s.m, s.fm, s.segment])).toEqual([
      [5, 5, 5, 5, 'Champions'],
      [2, 4, 4, 4, 'At Risk'],
      [4, 2, 2, 2, 'Potential Loyalist'],
      [1, 2, 1, 2, 'Hibernating'],
      [3, 3, 3, 3, 'Need Attention'],
    ]);
  });

  it('has all eleven named segments in its map', () => {
    expect(new Set(RFM_MAP.flat()).size).toBe(11);
  });
});
