// Customer lifetime value as the discounted sum of expected monthly spend, in the manner of the
// `lifetimes` library's customer_lifetime_value: the buying model's expected purchases in each month of the
// horizon, times an expected spend per transaction (typically Gamma-Gamma's), discounted monthly. A
// month is 30 days: in a model fitted in weeks that is periodsPerMonth = 30/7, in days 30.

import { conditionalExpectedPurchases, type BuyingModel } from './buyingModels';
import type { RepeatSummary } from './repeatSummary';

export interface LifetimeValueOptions {
  /** Whole months to sum over; 0 gives 0. */
  horizonMonths: number;
  /** Discount per month, e.g. 0.01 (about 12.7 % a year); month i is divided by (1 + d)^i. */
  monthlyDiscountRate: number;
  /** Model time units in a 30-day month: 30/7 for a weekly model, 30 for a daily one. */
  periodsPerMonth: number;
}

/** Throws on options that would make the sum meaningless rather than return a number that looks fine. */
function checkOptions({ horizonMonths, monthlyDiscountRate, periodsPerMonth }: LifetimeValueOptions): void {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0) {
    throw new RangeError(`CLV: horizonMonths must be a whole number ≥ 0, got ${horizonMonths}`);
  }
  if (!(monthlyDiscountRate > -1) || !Number.isFinite(monthlyDiscountRate)) {
    throw new RangeError(`CLV: monthlyDiscountRate must be finite and > −1, got ${monthlyDiscountRate}`);
  }
  if (!(periodsPerMonth > 0) || !Number.isFinite(periodsPerMonth)) {
    throw new RangeError(`CLV: periodsPerMonth must be finite and > 0, got ${periodsPerMonth}`);
  }
}

/**
 * Σ over months i = 1..H of (E[Y(i·m)] − E[Y((i−1)·m)]) · spend / (1 + d)^i: the present value of the
 * purchases the model expects from this customer in each coming month. Each cumulative expectation is
 * computed once and differenced, so the undiscounted sum is exactly spend · E[Y(H·m)].
 */
export function customerLifetimeValue(
  model: BuyingModel,
  spendPerTransaction: number,
  x: number,
  tx: number,
  T: number,
  options: LifetimeValueOptions,
): number {
  checkOptions(options);
  if (!Number.isFinite(spendPerTransaction)) {
    throw new RangeError(`CLV: spendPerTransaction must be finite, got ${spendPerTransaction}`);
  }
  const { horizonMonths, monthlyDiscountRate, periodsPerMonth } = options;
  let value = 0;
  let previous = 0;
  let discount = 1;
  for (let i = 1; i <= horizonMonths; i++) {
    const cumulative = conditionalExpectedPurchases(model, i * periodsPerMonth, x, tx, T);
    discount /= 1 + monthlyDiscountRate;
    value += (cumulative - previous) * discount;
    previous = cumulative;
  }
  return value * spendPerTransaction;
}

/** customerLifetimeValue for every customer of a summary, with one spend per customer (e.g. Gamma-Gamma's). */
export function customerLifetimeValues(
  model: BuyingModel,
  spendPerTransaction: ArrayLike<number>,
  data: RepeatSummary,
  options: LifetimeValueOptions,
): Float64Array {
  const n = data.x.length;
  if (spendPerTransaction.length !== n || data.tx.length !== n || data.T.length !== n) {
    throw new RangeError('CLV: spendPerTransaction, x, tx and T must have one entry per customer');
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = customerLifetimeValue(
      model,
      Number(spendPerTransaction[i]),
      Number(data.x[i]),
      Number(data.tx[i]),
      Number(data.T[i]),
      options,
    );
  }
  return values;
}
