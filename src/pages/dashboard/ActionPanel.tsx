// Action recommendations: the concrete next steps from predictions, segments and campaigns, ranked by
// the money at stake, each linking to the list or view that carries it out.

import { Link } from 'react-router';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import type { ActionFigures } from '../../data/dashboard/dashboardQueries';
import { rankActions } from '../../analytics/actions/rankActions';
import { actionInputs } from '../../data/dashboard/actionInputs';

interface ActionPanelProps {
  figures: ActionFigures | undefined;
  campaigns: CampaignOptimisationResult | null;
  currency: string;
}

/** The ranked list, or what to do to get one. */
export function ActionPanel({ figures, campaigns, currency }: ActionPanelProps) {
  const money = (v: number) => formatMetric(v, 'money', currency);
  const actions = rankActions(actionInputs(figures, campaigns), money);
  const drops = campaigns?.recommendations.filter((r) => r.kind === 'drop') ?? [];
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
