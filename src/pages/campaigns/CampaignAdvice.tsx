// Bid, creative, audience and performance-drop advice from one optimisation run, each with its numbers.

import { memo } from 'react';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import { DROP_METHOD } from '../../analytics/campaigns/performanceDrops';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import { DataTable } from '../../components/ui/DataTable';
import { useShowAll } from '../../components/ui/ShowAll';

interface CampaignAdviceProps {
  result: CampaignOptimisationResult;
  names: Map<string, string>;
  currency: string;
  /** Opens the optimisation view on a campaign (the drop flags' "optimization trigger"). */
  onOptimise: (campaignId: string) => void;
}

/** Four sections: bids, creatives, audiences, drops. */
export const CampaignAdvice = memo(function CampaignAdvice({
  result,
  names,
  currency,
  onOptimise,
}: CampaignAdviceProps) {
  const name = (id: string) => names.get(id) ?? id;
  const money = (v: number | null) => formatMetric(v, 'money', currency);
  const flagged = result.creatives.filter((c) => c.flagged);
  const bids = useShowAll(result.bids, 50, 'campaigns');
  const audiences = useShowAll(result.audiences ?? [], 50, 'campaigns');
  const drops = useShowAll(result.drops, 20, 'drops');
  return (
    <>
      <section aria-labelledby="bids-heading">
        <h2 id="bids-heading">Bid adjustments</h2>
        <p className="muted">
          Target CPC ={' '}
          {result.bids.length === 0
            ? 'not available (no target).'
            : result.goal === 'revenue' && result.targets.roas !== null
              ? `revenue per click ÷ target ROAS ${result.targets.roas.toFixed(2)}×.`
              : `conversion rate × target CPA ${money(result.targets.cpa)}.`}{' '}
          Changes under 10 % are “hold”; at most ±50 % at once.
        </p>
        <DataTable
          caption="Bid advice per campaign"
          columns={['Campaign', 'Action', 'Change', 'Current CPC', 'Target CPC', 'Why']}
          rows={bids.shown.map((b) => [
            name(b.id),
            b.action,
            b.action === 'hold' ? '0 %' : `${b.changePct > 0 ? '+' : ''}${b.changePct.toFixed(0)} %`,
            money(b.currentCpc),
            money(b.targetCpc),
            b.reason,
          ])}
        />
        {bids.button}
      </section>
      <section aria-labelledby="creative-heading">
        <h2 id="creative-heading">Creative checks</h2>
        <p className="muted">
          One-sided two-proportion z-test of each campaign’s CTR and CVR against the pooled rate of the other campaigns
          of its type over the recent days; flagged when p is below 0.05 ÷ {result.creatives.length || 1} tests
          (Bonferroni) and the rate is at least 20 % below.
        </p>
        {flagged.length === 0 ? (
          <p>No campaign’s creative is significantly behind comparable campaigns.</p>
        ) : (
          <DataTable
            caption="Refresh-creative flags"
            columns={['Campaign', 'Rate', 'Campaign rate', 'Peers’ rate', 'z', 'p', 'Advice']}
            rows={flagged.map((c) => [
              name(c.id),
              c.rate.toUpperCase(),
              formatMetric(c.value, 'ratio'),
              formatMetric(c.peerValue, 'ratio'),
              c.z.toFixed(2),
              c.pValue < 1e-6 ? '< 0.000001' : c.pValue.toPrecision(2),
              c.reason,
            ])}
          />
        )}
      </section>
      <section aria-labelledby="audience-heading">
        <h2 id="audience-heading">Audience targeting</h2>
        {result.audiences === null ? (
          <p className="muted">
            Segment customers on the Segments page (and predict lifetime value) to get audience advice.
          </p>
        ) : (
          <DataTable
            caption="Audience advice per campaign"
            columns={['Campaign', 'Target (best first)', 'Exclude', 'Why']}
            rows={audiences.shown.map((a) => [
              name(a.id),
              a.target.map((t) => `${t.segment} (${t.source}, ${money(t.valuePerConversion)})`).join('; '),
              a.exclude.map((t) => `${t.segment} (${t.source})`).join('; '),
              a.reason,
            ])}
          />
        )}
        {audiences.button}
      </section>
      <section aria-labelledby="drops-heading" id="drops">
        <h2 id="drops-heading">Performance drops</h2>
        <p className="muted">Method: {DROP_METHOD}.</p>
        {result.drops.length === 0 ? (
          <p>No significant drop in ROAS, CTR or conversion rate in the range.</p>
        ) : (
          <ul className="drop-list">
            {drops.shown.map((d) => (
              <li
                key={`${d.id}-${d.metric}-${d.start}`}
                className={d.end >= result.range.recentFrom ? 'warning' : undefined}
              >
                <strong>{name(d.id)}</strong>: {d.reason}{' '}
                <button type="button" className="link-button" onClick={() => onOptimise(d.id)}>
                  Optimise {name(d.id)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {drops.button}
      </section>
    </>
  );
});
