// The recommendation list, each with "Mark applied" on a date: the decision log's way in.

import { memo, useState } from 'react';
import type { Recommendation } from '../../analytics/campaigns/optimizeCampaigns';
import type { CampaignDecision } from '../../analytics/campaigns/decisionLog';
import { useDecisionLog } from '../../hooks/useCampaigns';
import { useShowAll } from '../../components/ui/ShowAll';

interface RecommendationListProps {
  recommendations: Recommendation[];
  /** Keys already in the log, so they are not logged twice. */
  applied: ReadonlySet<string>;
  /** Default applied date: the day after the data ends. */
  defaultDate: string;
  names: Map<string, string>;
  /** Opens the campaign's curve and daily chart (the drop flags' optimisation trigger). */
  onShow: (campaignId: string) => void;
}

const KIND_LABELS: Record<Recommendation['kind'], string> = {
  budget: 'Budget',
  bid: 'Bid',
  creative: 'Creative',
  audience: 'Audience',
  drop: 'Drop',
};

/** Recommendations grouped by kind, each with its own applied-on date. */
export const RecommendationList = memo(function RecommendationList({
  recommendations,
  applied,
  defaultDate,
  names,
  onShow,
}: RecommendationListProps) {
  const { add } = useDecisionLog();
  const [dates, setDates] = useState<Record<string, string>>({});
  const { shown, button } = useShowAll(recommendations, 30, 'recommendations');
  if (recommendations.length === 0) return <p>No changes recommended for these settings.</p>;
  const mark = (r: Recommendation) => {
    const decision: CampaignDecision = {
      id: `${r.key}@${dates[r.key] ?? defaultDate}`,
      campaignId: r.campaignId,
      kind: r.kind,
      text: r.text,
      appliedOn: dates[r.key] ?? defaultDate,
      predicted: r.predicted,
      loggedAt: new Date().toISOString(),
    };
    add.mutate(decision);
  };
  return (
    <>
      <ol className="recommendations">
        {shown.map((r) => {
          const key = `${r.key}@${dates[r.key] ?? defaultDate}`;
          return (
            <li key={r.key}>
              <span className="tag">{KIND_LABELS[r.kind]}</span> {r.text}{' '}
              {r.kind === 'drop' && (
                <button type="button" className="link-button" onClick={() => onShow(r.campaignId)}>
                  Optimise {names.get(r.campaignId) ?? r.campaignId}
                </button>
              )}
              {r.kind !== 'drop' && (
                <span className="apply">
                  <label>
                    applied on{' '}
                    <input
                      type="date"
                      value={dates[r.key] ?? defaultDate}
                      onChange={(e) => setDates((all) => ({ ...all, [r.key]: e.target.value }))}
                    />
                  </label>{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={applied.has(key) || add.isPending}
                    onClick={() => mark(r)}
                  >
                    {applied.has(key) ? 'Logged' : 'Mark applied'}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {button}
      {add.error && <p role="alert">{add.error.message}</p>}
    </>
  );
});
