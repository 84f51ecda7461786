// One line a person can check that says why a customer got their churn risk: how long since they
// last bought against how often they usually buy.

export interface PredictionFacts {
  recencyDays: number;
  repeatPurchases: number;
  /** Mean days between purchase days (null with no repeat purchase). */
  meanDaysBetween: number | null;
  churnProbability: number;
  expectedPurchases: number;
  horizonDays: number;
}

const days = (n: number) => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`;

/** "Last bought 200 days ago, usually buys every 30 days: long overdue, 92 % chance of no purchase in the next 90 days; …". */
export function explainPrediction(f: PredictionFacts): string {
  const expected = `${f.expectedPurchases.toFixed(2)} purchases expected in the next ${days(f.horizonDays)}`;
  const churn = `${Math.round(f.churnProbability * 100)} % chance of no purchase in the next ${days(f.horizonDays)}`;
  if (f.repeatPurchases === 0 || f.meanDaysBetween === null) {
    return `Bought on one day only, ${days(f.recencyDays)} ago: no repeat purchase yet to judge a habit by; ${churn}; ${expected}.`;
  }
  const ratio = f.recencyDays / Math.max(f.meanDaysBetween, 1);
  const verdict =
    ratio <= 1.5
      ? 'on their usual rhythm'
      : ratio <= 3
        ? `overdue (${ratio.toFixed(1)}× their usual gap)`
        : `long overdue (${ratio.toFixed(0)}× their usual gap)`;
  return `Last bought ${days(f.recencyDays)} ago, usually buys every ${days(f.meanDaysBetween)}: ${verdict}, ${churn}; ${expected}.`;
}
