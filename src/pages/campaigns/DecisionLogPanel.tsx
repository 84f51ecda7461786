// The decision log: applied recommendations with the predicted effect beside the realised one, from the
// performance data as it is now (it updates as later days are imported).

import { memo } from 'react';
import type { CampaignDecision } from '../../analytics/campaigns/decisionLog';
import { DataTable } from '../../components/ui/DataTable';
import { useDecisionLog, useDecisionOutcomes } from '../../hooks/useCampaigns';
import { formatDay } from '../../lib/format';

interface DecisionLogPanelProps {
  decisions: CampaignDecision[];
  names: Map<string, string>;
  importsKey: string;
  /** Days before the applied date that are "before" (the optimisation's recent days). */
  baselineDays: number;
}

/** Logged decisions and how they turned out. */
export const DecisionLogPanel = memo(function DecisionLogPanel({
  decisions,
  names,
  importsKey,
  baselineDays,
}: DecisionLogPanelProps) {
  const outcomes = useDecisionOutcomes(decisions, baselineDays, importsKey);
  const { remove } = useDecisionLog();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decision log</h2>
      <p className="muted">
        Mark a recommendation as applied and import later performance data: each change’s realised effect (per day, from
        the applied date on, against the {baselineDays} days before; paused days count as zero) appears beside the
        predicted one.
      </p>
      {decisions.length === 0 ? (
        <p>No decisions logged yet.</p>
      ) : (
        <>
          <DataTable
            caption="Logged decisions"
            columns={['Applied on', 'Campaign', 'Recommendation', 'Predicted vs realised']}
            rows={(outcomes.data ?? decisions.map((decision) => ({ decision, outcome: null }))).map(
              ({ decision, outcome }) => [
                formatDay(decision.appliedOn),
                names.get(decision.campaignId) ?? decision.campaignId,
                decision.text,
                outcome?.summary ?? 'measuring…',
              ],
            )}
          />
          <div className="actions">
            {decisions.map((d) => (
              <button
                key={d.id}
                type="button"
                className="button"
                onClick={() => remove.mutate(d.id)}
                disabled={remove.isPending}
              >
                Remove {formatDay(d.appliedOn)} {names.get(d.campaignId) ?? d.campaignId} ({d.kind})
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
});
