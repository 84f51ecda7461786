// The decision log (issue 7, item 9; the seed's "Implement Changes → Monitor Results"): a recommendation
// the user applied on a date, and later the realised effect beside the predicted one. "Before" is the
// `baselineDays` before the applied date, "after" every day from it to the end of the data; both are
// compared per day, so periods of different length can be set side by side.

import type { PerformanceTotals } from './campaignMetrics';
import { textFormat, type TextFormat } from './textFormat';
import type { PredictedEffect, RecommendationKind } from './optimizeCampaigns';

export interface CampaignDecision {
  id: string;
  campaignId: string;
  kind: RecommendationKind;
  text: string;
  /** ISO date the change went live. */
  appliedOn: string;
  predicted: PredictedEffect | null;
  /** When it was logged (ISO timestamp). */
  loggedAt: string;
}

export interface PeriodTotals extends PerformanceTotals {
  days: number;
}

export interface DecisionOutcome {
  status: 'waiting' | 'measured';
  /** What is compared, e.g. "revenue per day". */
  measure: string;
  before: number | null;
  predictedAfter: number | null;
  realisedAfter: number | null;
  /** (realised − before) / (predicted − before): 1 = as predicted, 0 = no effect; null when not defined. */
  realisedShareOfPredicted: number | null;
  summary: string;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** The realised effect of an applied decision beside its prediction. */
export function compareDecision(
  decision: CampaignDecision,
  before: PeriodTotals,
  after: PeriodTotals,
  format: TextFormat = textFormat(),
): DecisionOutcome {
  const fmt = (v: number | null, unit: 'money' | 'count' | 'percent') =>
    v === null ? '—' : unit === 'money' ? format.money(v) : unit === 'percent' ? format.share(v) : v.toFixed(1);
  const p = decision.predicted;
  let measure: string;
  let unit: 'money' | 'count' | 'percent';
  let beforeValue: number | null;
  let afterValue: number | null;
  let predictedAfter: number | null;
  let predictedBefore: number | null;
  if (p?.metric === 'spend-outcome') {
    measure = `${p.outcome} per day`;
    unit = p.outcome === 'revenue' ? 'money' : 'count';
    const pick = (t: PeriodTotals) => ratio(p.outcome === 'revenue' ? t.revenue : t.conversions, t.days);
    beforeValue = pick(before);
    afterValue = pick(after);
    // The prediction is a change on the curve; applied to the measured baseline it reads as a level.
    predictedBefore = beforeValue;
    predictedAfter = beforeValue === null ? null : beforeValue + (p.outcomeAfter - p.outcomeBefore);
  } else if (p?.metric === 'cpc') {
    measure = 'cost per click';
    unit = 'money';
    beforeValue = ratio(before.cost, before.clicks);
    afterValue = ratio(after.cost, after.clicks);
    predictedBefore = beforeValue;
    predictedAfter = beforeValue === null ? null : beforeValue * (p.after / p.before);
  } else if (p?.metric === 'ctr' || p?.metric === 'cvr') {
    measure = p.metric === 'ctr' ? 'click-through rate' : 'conversion rate';
    unit = 'percent';
    const pick = (t: PeriodTotals) =>
      p.metric === 'ctr' ? ratio(t.clicks, t.impressions) : ratio(t.conversions, t.clicks);
    beforeValue = pick(before);
    afterValue = pick(after);
    predictedBefore = beforeValue;
    predictedAfter = p.after;
  } else {
    measure = 'ROAS';
    unit = 'count';
    beforeValue = ratio(before.revenue, before.cost);
    afterValue = ratio(after.revenue, after.cost);
    predictedBefore = null;
    predictedAfter = null;
  }
  if (after.days === 0) {
    return {
      status: 'waiting',
      measure,
      before: beforeValue,
      predictedAfter,
      realisedAfter: null,
      realisedShareOfPredicted: null,
      summary: `Waiting for performance data from ${format.day(decision.appliedOn)} on.`,
    };
  }
  const predictedChange = predictedAfter !== null && predictedBefore !== null ? predictedAfter - predictedBefore : null;
  const realisedChange = afterValue !== null && beforeValue !== null ? afterValue - beforeValue : null;
  const share =
    predictedChange !== null && realisedChange !== null && Math.abs(predictedChange) > 1e-12
      ? realisedChange / predictedChange
      : null;
  const days = `${after.days} day${after.days === 1 ? '' : 's'} after vs ${before.days} before`;
  const summary =
    predictedAfter === null
      ? `${measure}: ${fmt(beforeValue, unit)} before, ${fmt(afterValue, unit)} after (${days}); no numeric prediction to compare.`
      : `${measure}: predicted ${fmt(predictedAfter, unit)}, realised ${fmt(afterValue, unit)}, from ${fmt(beforeValue, unit)} before (${days})${share === null ? '' : `: ${(100 * share).toFixed(0)} % of the predicted change`}.`;
  return {
    status: 'measured',
    measure,
    before: beforeValue,
    predictedAfter,
    realisedAfter: afterValue,
    realisedShareOfPredicted: share,
    summary,
  };
}
