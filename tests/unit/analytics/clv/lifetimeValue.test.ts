// CLV as discounted monthly BG/NBD purchases times expected spend. The external check is the `lifetimes`
// README, whose customer_lifetime_value runs on the CDNOW weekly summary with lifetimes' default
// freq 'D' (30 model periods a month, so 30 *weeks* there): the same call here is periodsPerMonth 30.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, type BgNbdParameters } from '../../../../src/analytics/clv/bgNbd';
import { fitBuyingModel } from '../../../../src/analytics/clv/fitBuyingModel';
import { expectedAverageSpend, fitGammaGamma } from '../../../../src/analytics/clv/gammaGamma';
import {
  customerLifetimeValue,
  customerLifetimeValues,
  type LifetimeValueOptions,
} from '../../../../src/analytics/clv/lifetimeValue';

const CSV = path.resolve(
  import.meta.dirname,
  '../../../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv',
);
const PUBLISHED_PARAMETERS: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED = { kind: 'bg-nbd' as const, parameters: PUBLISHED_PARAMETERS };
const WEEKLY: LifetimeValueOptions = { horizonMonths: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30 / 7 };
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

// [label, x, t_x, T] in weeks, from the CDNOW summary.
const CUSTOMERS: [string, number, number, number][] = [
  ['one-off buyer', 0, 0, 38.86],
  ['FHL worked example', 2, 30.43, 38.86],
  ['frequent recent buyer', 7, 29.43, 38.86],
  ['lapsed buyer', 3, 5, 38.86],
];

describe('customerLifetimeValue', () => {
  it.each(CUSTOMERS)('without discounting is spend × E[Y(H months)] (%s)', (_label, x, tx, T) => {
    for (const horizonMonths of [1, 6, 24]) {
      const value = customerLifetimeValue(PUBLISHED, 25, x, tx, T, {
        ...WEEKLY,
        horizonMonths,
        monthlyDiscountRate: 0,
      });
      const expected = 25 * conditionalExpectedPurchases(PUBLISHED_PARAMETERS, horizonMonths * (30 / 7), x, tx, T);
      expect(value).toBeCloseTo(expected, 10);
    }
  });

  it('discounts month i by (1 + d)^i', () => {
    const [e1, e2] = [1, 2].map((i) =>
      conditionalExpectedPurchases(PUBLISHED_PARAMETERS, i * (30 / 7), 2, 30.43, 38.86),
    );
    const expected = 10 * ((e1 ?? NaN) / 1.05 + ((e2 ?? NaN) - (e1 ?? NaN)) / 1.05 ** 2);
    const value = customerLifetimeValue(PUBLISHED, 10, 2, 30.43, 38.86, {
      horizonMonths: 2,
      monthlyDiscountRate: 0.05,
      periodsPerMonth: 30 / 7,
    });
    expect(value).toBeCloseTo(expected, 12);
  });

  it.each(CUSTOMERS)('falls as the discount rate rises (%s)', (_label, x, tx, T) => {
    let previous = Infinity;
    for (const monthlyDiscountRate of [-0.01, 0, 0.005, 0.01, 0.05, 0.5]) {
      const value = customerLifetimeValue(PUBLISHED, 25, x, tx, T, { ...WEEKLY, monthlyDiscountRate });
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });

  it.each(CUSTOMERS)('rises with the horizon (%s)', (_label, x, tx, T) => {
    let previous = 0;
    for (const horizonMonths of [1, 2, 3, 6, 12, 24, 60]) {
      const value = customerLifetimeValue(PUBLISHED, 25, x, tx, T, { ...WEEKLY, horizonMonths });
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });

  it('is 0 for zero spend or a zero horizon', () => {
    expect(customerLifetimeValue(PUBLISHED, 0, 2, 30.43, 38.86, WEEKLY)).toBe(0);
    expect(customerLifetimeValue(PUBLISHED, 25, 2, 30.43, 38.86, { ...WEEKLY, horizonMonths: 0 })).toBe(0);
  });

  it('scales linearly with spend', () => {
    const one = customerLifetimeValue(PUBLISHED, 1, 7, 29.43, 38.86, WEEKLY);
    expect(customerLifetimeValue(PUBLISHED, 37.5, 7, 29.43, 38.86, WEEKLY)).toBeCloseTo(37.5 * one, 10);
  });

  it.each([
    ['a fractional horizon', { ...WEEKLY, horizonMonths: 1.5 }],
    ['a negative horizon', { ...WEEKLY, horizonMonths: -1 }],
    ['a discount of −100 %', { ...WEEKLY, monthlyDiscountRate: -1 }],
    ['a NaN discount', { ...WEEKLY, monthlyDiscountRate: NaN }],
    ['zero periods per month', { ...WEEKLY, periodsPerMonth: 0 }],
  ])('rejects %s', (_label, options) => {
    expect(() => customerLifetimeValue(PUBLISHED, 25, 2, 30.43, 38.86, options)).toThrow(RangeError);
  });
});

describe('customerLifetimeValues on CDNOW', () => {
  const rows = readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  const column = (j: number) => Float64Array.from(rows, (r) => r[j] ?? NaN);
  const data = { x: column(1), tx: column(2), T: column(3) };
  const meanSpend = column(4);
  const bg = fitBuyingModel('bg-nbd', data).model;
  const repeat = rows.filter((r) => (r[1] ?? 0) > 0);
  const gg = fitGammaGamma(
    repeat.map((r) => r[1] ?? NaN),
    repeat.map((r) => r[4] ?? NaN),
  ).parameters;
  const spend = Float64Array.from(data.x, (x, i) => expectedAverageSpend(gg, x, meanSpend[i] ?? NaN));

  it('reproduces the lifetimes README (12 months, 1 % a month, its 30-period month)', () => {
    const values = customerLifetimeValues(bg, spend, data, {
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
      periodsPerMonth: 30,
    });
    // customer_id 1–3, 6, 7, 9; lifetimes' optimiser stops a little elsewhere on the flat optimum.
    const readme: [number, number][] = [
      [0, 140.096211],
      [1, 18.943467],
      [2, 38.180574],
      [5, 1003.868107],
      [6, 28.109683],
      [8, 167.418216],
    ];
    for (const [index, reference] of readme) {
      expect(relativeError(values[index] ?? NaN, reference)).toBeLessThan(2e-5);
    }
  });

  it('equals the per-customer function', () => {
    const values = customerLifetimeValues(bg, spend, data, WEEKLY);
    for (const i of [0, 1, 5, 8, 2356]) {
      const single = customerLifetimeValue(
        bg,
        spend[i] ?? NaN,
        data.x[i] ?? NaN,
        data.tx[i] ?? NaN,
        data.T[i] ?? NaN,
        WEEKLY,
      );
      expect(values[i]).toBe(single);
    }
  });

  it('throws when the columns differ in length', () => {
    expect(() => customerLifetimeValues(bg, spend.subarray(1), data, WEEKLY)).toThrow(RangeError);
  });
});
