// A customer's predictions on their page: churn risk with its action and a one-line reason, expected
// purchases, lifetime value with its tier and action, and the next purchase's date and category.

import { explainPrediction } from '../../analytics/predictions/explainPrediction';
import { useCustomerPredictions, type PredictionRun } from '../../hooks/usePredictions';
import { plainText } from '../../lib/csv';
import { formatPercent, formatDay } from '../../lib/format';

const num = (v: unknown) => (v == null ? NaN : Number(v));

/** The predictions section of the customer page (nothing before a prediction run). */
export function CustomerPredictionsCard({
  customerId,
  run,
  currency,
  outOfDate,
}: {
  customerId: string;
  run: PredictionRun;
  currency: string;
  /** Why the stored predictions no longer match the data (null when they do). */
  outOfDate: string | null;
}) {
  const prediction = useCustomerPredictions(customerId, run.createdAt);
  const p = prediction.data;
  if (!p) return null;
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const ltv = num(p.lifetime_value);
  const reason = explainPrediction({
    recencyDays: num(p.recency_days),
    repeatPurchases: num(p.repeat_purchases),
    meanDaysBetween: p.mean_days_between == null ? null : num(p.mean_days_between),
    churnProbability: num(p.churn_probability),
    expectedPurchases: num(p.expected_purchases),
    horizonDays: run.settings.horizonDays,
  });
  return (
    <section aria-labelledby="predictions-heading" className="card-like" data-testid="customer-predictions">
      <h2 id="predictions-heading">Predictions (as of {formatDay(run.analysisDate)})</h2>
      {outOfDate && (
        <p role="status" className="warning">
          {outOfDate}
        </p>
      )}
      <p data-testid="prediction-explanation">{reason}</p>
      <dl className="legend">
        <div>
          <dt>Churn risk</dt>
          <dd>
            <strong>{plainText(p.risk_level)}</strong> ({formatPercent(num(p.churn_probability))}) ·{' '}
            {plainText(p.risk_action)}
          </dd>
        </div>
        <div>
          <dt>Purchases expected in {run.settings.horizonDays} days</dt>
          <dd>
            {num(p.expected_purchases).toFixed(2)} (at least one: {formatPercent(num(p.purchase_probability))})
          </dd>
        </div>
        <div>
          <dt>{run.settings.clvMonths}-month lifetime value</dt>
          <dd>
            {Number.isFinite(ltv)
              ? `${money.format(ltv)} · ${plainText(p.ltv_tier)} · ${plainText(p.ltv_action)} (confidence ${formatPercent(num(p.ltv_confidence))})`
              : 'not computed'}
          </dd>
        </div>
        <div>
          <dt>Next purchase</dt>
          <dd>
            {p.next_purchase_date
              ? `around ${formatDay(plainText(p.next_purchase_date))} if still a customer (confidence ${formatPercent(num(p.next_purchase_confidence))})`
              : 'not expected within 100 years'}
          </dd>
        </div>
        {p.next_category != null && (
          <div>
            <dt>Next category</dt>
            <dd>
              {plainText(p.next_category)} ({formatPercent(num(p.next_category_confidence))})
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
