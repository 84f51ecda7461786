// The KPI cards: each figure for the chosen period with its change against the period before, or, when
// the data does not cover that period (or the period is all the data), no change at all.

import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { DashboardKpis, PeriodKpis } from '../../data/dashboard/dashboardQueries';
import { previousLabel } from '../../data/dashboard/periodText';
import { formatCount } from '../../lib/format';

interface KpiCardsProps {
  kpis: DashboardKpis;
  currency: string;
}

interface Card {
  label: string;
  value: string;
  /** Relative change vs the previous period (null when there is none, it has no value or that is zero). */
  change: number | null;
  /** Whether the figure has a previous period to change against (the predictions do not). */
  compared: boolean;
  note?: string;
}

const change = (now: number | null, before: number | null) =>
  now === null || before === null || !(Math.abs(before) > 0) ? null : now / before - 1;

/** The eight cards of the Dashboard. */
export function KpiCards({ kpis, currency }: KpiCardsProps) {
  const { current: c, previous: p } = kpis;
  const money = (v: number | null) => formatMetric(v, 'money', currency);
  const pct = (v: number | null) => formatMetric(v, 'ratio');
  const pick = (f: (k: PeriodKpis) => number | null) => (p === null ? null : change(f(c), f(p)));
  const against = previousLabel(kpis.comparison);
  // Said once beside the period; a card only says that there is none.
  const noComparison = kpis.comparison.kind === 'all-data' ? 'no previous period' : 'no comparison';
  const cards: Card[] = [
    { label: 'Revenue (net of returns)', value: money(c.revenue), change: pick((k) => k.revenue), compared: true },
    { label: 'Orders', value: formatCount(c.orders), change: pick((k) => k.orders), compared: true },
    {
      label: 'Active customers',
      value: formatCount(c.activeCustomers),
      change: pick((k) => k.activeCustomers),
      compared: true,
    },
    {
      label: 'Average order value',
      value: money(c.averageOrderValue),
      change: pick((k) => k.averageOrderValue),
      compared: true,
    },
    {
      label: 'Repeat rate',
      value: pct(c.repeatRate),
      change: pick((k) => k.repeatRate),
      compared: true,
      note: 'customers with 2+ orders',
    },
    {
      label: 'Predicted 12-month revenue',
      value: money(kpis.predictedRevenue),
      change: null,
      compared: false,
      note: kpis.predictedRevenue === null ? 'run Predictions' : 'lifetime value of all customers',
    },
    {
      label: 'Customers at high churn risk',
      value: kpis.highRiskCustomers === null ? '—' : formatCount(kpis.highRiskCustomers),
      change: null,
      compared: false,
      note: kpis.highRiskCustomers === null ? 'run Predictions' : 'from the latest predictions',
    },
    {
      label: 'Blended ROAS',
      value: formatMetric(c.blendedRoas, 'multiple'),
      change: pick((k) => k.blendedRoas),
      compared: true,
      note: c.blendedRoas === null ? 'no campaign performance in the period' : 'campaign revenue ÷ cost',
    },
  ];
  return (
    <ul className="cards kpi-cards" aria-label="Key figures">
      {cards.map((card) => (
        <li key={card.label} className="card" data-testid={`kpi-${card.label}`}>
          <span className="card-label">{card.label}</span>
          <span className="card-value">{card.value}</span>
          <span
            className={
              card.change === null ? 'card-change muted' : card.change >= 0 ? 'card-change up' : 'card-change down'
            }
          >
            {card.change !== null
              ? `${card.change >= 0 ? '▲ +' : '▼ −'}${Math.abs(100 * card.change).toFixed(1)} % vs ${against}`
              : card.compared && p === null
                ? [noComparison, card.note].filter(Boolean).join('; ')
                : (card.note ?? '—')}
          </span>
        </li>
      ))}
    </ul>
  );
}
