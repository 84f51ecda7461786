// The KPI cards: each figure for the chosen period with its change against the period before.

import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { DashboardKpis, PeriodKpis } from '../../data/dashboard/dashboardQueries';
import { formatCount } from '../../lib/format';

interface KpiCardsProps {
  kpis: DashboardKpis;
  days: number;
  currency: string;
}

interface Card {
  label: string;
  value: string;
  /** Relative change vs the previous period (null when it has no previous value or that is zero). */
  change: number | null;
  note?: string;
}

const change = (now: number | null, before: number | null) =>
  now === null || before === null || !(Math.abs(before) > 0) ? null : now / before - 1;

/** The eight cards of the Dashboard. */
export function KpiCards({ kpis, days, currency }: KpiCardsProps) {
  const { current: c, previous: p } = kpis;
  const money = (v: number | null) => formatMetric(v, 'money', currency);
  const pct = (v: number | null) => formatMetric(v, 'ratio');
  const pick = (f: (k: PeriodKpis) => number | null) => change(f(c), f(p));
  const cards: Card[] = [
    { label: 'Revenue (net of returns)', value: money(c.revenue), change: pick((k) => k.revenue) },
    { label: 'Orders', value: formatCount(c.orders), change: pick((k) => k.orders) },
    { label: 'Active customers', value: formatCount(c.activeCustomers), change: pick((k) => k.activeCustomers) },
    { label: 'Average order value', value: money(c.averageOrderValue), change: pick((k) => k.averageOrderValue) },
    {
      label: 'Repeat rate',
      value: pct(c.repeatRate),
      change: pick((k) => k.repeatRate),
      note: 'customers with 2+ orders',
    },
    {
      label: 'Predicted 12-month revenue',
      value: money(kpis.predictedRevenue),
      change: null,
      note: kpis.predictedRevenue === null ? 'run Predictions' : 'lifetime value of all customers',
    },
    {
      label: 'Customers at high churn risk',
      value: kpis.highRiskCustomers === null ? '—' : formatCount(kpis.highRiskCustomers),
      change: null,
      note: kpis.highRiskCustomers === null ? 'run Predictions' : 'from the latest predictions',
    },
    {
      label: 'Blended ROAS',
      value: formatMetric(c.blendedRoas, 'multiple'),
      change: pick((k) => k.blendedRoas),
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
            {card.change === null
              ? (card.note ?? '—')
              : `${card.change >= 0 ? '▲ +' : '▼ −'}${Math.abs(100 * card.change).toFixed(1)} % vs the previous ${days} days`}
          </span>
        </li>
      ))}
    </ul>
  );
}
