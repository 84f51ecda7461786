import { describe, expect, it } from 'vitest';
import { explainPrediction } from '../../../../src/analytics/predictions/explainPrediction';

const base = { churnProbability: 0.92, expectedPurchases: 0.04, horizonDays: 90 };

describe('explainPrediction', () => {
  it.each([
    [
      { recencyDays: 200, repeatPurchases: 5, meanDaysBetween: 30 },
      /^Last bought 200 days ago, usually buys every 30 days: long overdue \(7× their usual gap\), 92 % chance of no purchase in the next 90 days/,
    ],
    [{ recencyDays: 20, repeatPurchases: 5, meanDaysBetween: 30 }, /on their usual rhythm/],
    [{ recencyDays: 75, repeatPurchases: 2, meanDaysBetween: 30 }, /overdue \(2\.5× their usual gap\)/],
    [
      { recencyDays: 1, repeatPurchases: 0, meanDaysBetween: null },
      /^Bought on one day only, 1 day ago: .*; 92 % chance of no purchase in the next 90 days;/,
    ],
  ])('%o', (facts, expected) => {
    expect(explainPrediction({ ...base, ...facts })).toMatch(expected);
  });

  it('ends with the expected purchases over the horizon', () => {
    expect(explainPrediction({ ...base, recencyDays: 10, repeatPurchases: 1, meanDaysBetween: 12 })).toMatch(
      /0\.04 purchases expected in the next 90 days\.$/,
    );
  });
});
