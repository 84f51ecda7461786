// Action recommendations: the concrete next steps from predictions, segments and campaigns, ranked by
// the money at stake, each linking to the list or view that carries it out.

import { Link } from 'react-router';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import type { ActionFigures } from '../../data/dashboard/dashboardQueries';
import { formatCount } from '../../lib/format';

interface Action {
  title: string;
  why: string;
  /** Money at stake, for the ranking (per month where it is a rate). */
  value: number;
  to: string;
  link: string;
}

interface ActionPanelProps {
  figures: ActionFigures | undefined;
  campaigns: CampaignOptimisationResult | null;
  currency: string;
}

/** The ranked list, or what to do to get one. */
export function ActionPanel({ figures, campaigns, currency }: ActionPanelProps) {
  const money = (v: number) => formatMetric(v, 'money', currency);
  const actions: Action[] = [];
  if (figures?.retain && figures.retain.customers > 0) {
    actions.push({
      title: `Retain ${formatCount(figures.retain.customers)} customers at high churn risk`,
      why: `Their predicted lifetime value is ${money(figures.retain.value)}; a retention campaign before they lapse.`,
      value: figures.retain.value,
      to: '/predictions',
      link: 'Who to retain',
    });
  }
  if (figures?.vip && figures.vip.customers > 0) {
    actions.push({
      title: `Give ${formatCount(figures.vip.customers)} VIP customers VIP treatment`,
      why: `The top lifetime-value tier, worth ${money(figures.vip.value)} over the prediction horizon.`,
      value: figures.vip.value,
      to: '/predictions',
      link: 'Who to treat as VIP',
    });
  }
  if (figures?.upsell && figures.upsell.customers > 0) {
    const value = figures.upsell.customers * figures.upsell.averageOrderValue;
    actions.push({
      title: `Upsell ${formatCount(figures.upsell.customers)} Potential Loyalists`,
      why: `One more order each at their average of ${money(figures.upsell.averageOrderValue)} is worth ${money(value)}.`,
      value,
      to: '/customers',
      link: 'The customer list',
    });
  }
  const allocation = campaigns?.allocation;
  if (allocation && allocation.saving === null) {
    const perDay = allocation.result.expectedOutcome - allocation.result.currentOutcome;
    if (perDay > 0 && allocation.outcome === 'revenue') {
      actions.push({
        title: 'Move campaign budget where it returns most',
        why: `The recommended split of the same ${money(allocation.totalBudget)} a day is expected to bring ${money(perDay)} more revenue a day (${money(30 * perDay)} a month; 90 % range ${money(30 * allocation.interval.low)} to ${money(30 * allocation.interval.high)}).`,
        value: 30 * perDay,
        to: '/campaigns',
        link: 'The reallocation',
      });
    }
  }
  if (allocation && allocation.saving !== null && allocation.saving > 0) {
    actions.push({
      title: 'Spend less for the same conversions',
      why: `The recommended split saves ${money(allocation.saving)} a day (${money(30 * allocation.saving)} a month) at today's predicted conversions.`,
      value: 30 * allocation.saving,
      to: '/campaigns',
      link: 'The reallocation',
    });
  }
  const drops = campaigns?.recommendations.filter((r) => r.kind === 'drop') ?? [];
  actions.sort((a, b) => b.value - a.value);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Action recommendations</h2>
      {drops.length > 0 && (
        <p className="warning">
          {drops.length} campaign performance drop{drops.length === 1 ? '' : 's'} in the recent days:{' '}
          <Link to={`/campaigns?campaign=${encodeURIComponent(drops[0]!.campaignId)}`}>see the first</Link>.
        </p>
      )}
      {actions.length === 0 ? (
        <p className="muted">
          Segment customers, run Predictions and import campaign performance to get ranked next steps.
        </p>
      ) : (
        <ol className="action-recommendations">
          {actions.map((a) => (
            <li key={a.title}>
              <strong>{a.title}</strong> <span className="muted">({money(a.value)} at stake)</span>
              <br />
              {a.why} <Link to={a.to}>{a.link} →</Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
