// Alerts in words, in the workspace currency and the user's locale: what a rule watches, its
// condition, and what happened when it fired.

import { formatMetric } from '../campaigns/campaignMetrics';
import { formatDay } from '../formatDay';
import type { AlertCondition, AlertFiring, AlertMetric } from './alertRules';

export interface DescribeOptions {
  currency: string;
  locale?: string;
  /** Campaign names by id, for "ROAS of Summer sale". */
  campaignName?: (id: string) => string;
}

/** "Daily revenue", "ROAS of Summer sale", "Customers at high churn risk", "Size of segment Champions". */
export function metricLabel(metric: AlertMetric, options: DescribeOptions): string {
  switch (metric.kind) {
    case 'daily-revenue':
      return 'Daily revenue';
    case 'campaign-roas':
      return `ROAS of ${options.campaignName?.(metric.campaignId) ?? metric.campaignId}`;
    case 'high-risk-customers':
      return 'Customers at high churn risk';
    case 'segment-size':
      return `Size of segment ${metric.segment}`;
  }
}

/** A metric's value as its kind reads: money, a multiple or a count. */
export function formatMetricValue(metric: AlertMetric, value: number, options: DescribeOptions): string {
  if (metric.kind === 'daily-revenue') return formatMetric(value, 'money', options.currency, options.locale);
  if (metric.kind === 'campaign-roas') return formatMetric(value, 'multiple', options.currency, options.locale);
  return new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 }).format(value);
}

/** "above $5,000.00", "below 1.50×", "unusual against its recent days (|z| ≥ 4)". */
export function conditionLabel(metric: AlertMetric, condition: AlertCondition, options: DescribeOptions): string {
  if (condition.kind === 'anomaly') return `unusual against its recent values (robust |z| ≥ ${condition.z})`;
  return `${condition.kind} ${formatMetricValue(metric, condition.threshold, options)}`;
}

/** Whether `at` is a calendar day or a moment (a model run). */
const asWhen = (at: string, locale?: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(at)
    ? `on ${formatDay(at, locale)}`
    : `at the run of ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at))}`;

/** One sentence for a fired alert. */
export function describeFiring(
  firing: AlertFiring & { metric: AlertMetric; condition: AlertCondition },
  options: DescribeOptions,
): string {
  const what = metricLabel(firing.metric, options);
  const value = formatMetricValue(firing.metric, firing.value, options);
  const reference = formatMetricValue(firing.metric, firing.reference, options);
  const when = asWhen(firing.at, options.locale);
  if (firing.condition.kind === 'anomaly') {
    const z = firing.z ?? 0;
    return `${what} was ${value} ${when}, ${z < 0 ? 'below' : 'above'} its recent median of ${reference} (robust z = ${z.toFixed(1)}).`;
  }
  return `${what} was ${value} ${when}, ${firing.condition.kind} the threshold of ${reference}.`;
}
