// Threshold alerts (issue 9, item 3): a rule watches one metric's series and fires when its condition
// becomes true, once per crossing. It re-arms only after the condition has been false again, so a
// metric that stays below its threshold for a month raises one alert, not thirty.
// - above / below: the value against a fixed threshold.
// - anomaly: the value's robust z against the median and 1.4826 × MAD of the `baselinePoints` before it,
//   in either direction; needs at least half of them.
// A rule that is new (no state yet) judges only the latest point, so creating one does not replay the
// whole history as alerts; after that every point newer than the last one judged is judged in order.

export type AlertMetric =
  | { kind: 'daily-revenue' }
  | { kind: 'campaign-roas'; campaignId: string }
  | { kind: 'high-risk-customers' }
  | { kind: 'segment-size'; segment: string };

export type AlertCondition =
  { kind: 'above'; threshold: number } | { kind: 'below'; threshold: number } | { kind: 'anomaly'; z: number };

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface AlertRule {
  id: string;
  metric: AlertMetric;
  condition: AlertCondition;
  severity: AlertSeverity;
  enabled: boolean;
}

/** One value of a metric: a day ("YYYY-MM-DD") or a moment (ISO timestamp), in time order. */
export interface MetricPoint {
  at: string;
  /** null when the metric is not defined then (no cost for a ROAS): it neither fires nor re-arms. */
  value: number | null;
}

export interface RuleState {
  /** The condition held at the last point judged: no new alert until it stops holding. */
  active: boolean;
  /** The last point judged. */
  lastAt: string;
}

export interface AlertFiring {
  ruleId: string;
  at: string;
  value: number;
  /** The anomaly baseline (median), or the threshold. */
  reference: number;
  /** The anomaly's robust z; null for thresholds. */
  z: number | null;
}

export const ANOMALY_BASELINE_POINTS = 28;

/** The median and robust spread of the values before `index`; null without enough of them. */
export function recentBaseline(
  points: readonly MetricPoint[],
  index: number,
  size = ANOMALY_BASELINE_POINTS,
): { median: number; spread: number } | null {
  const values: number[] = [];
  for (let i = Math.max(0, index - size); i < index; i++) {
    const v = points[i]!.value;
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < Math.ceil(size / 2)) return null;
  const median = medianOf(values);
  const mad = medianOf(values.map((v) => Math.abs(v - median)));
  // A flat baseline has MAD 0: fall back to 1 % of the median so a tiny wobble is not infinitely unusual.
  return { median, spread: Math.max(1.4826 * mad, 0.01 * Math.abs(median), 1e-9) };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whether the condition holds at point `index`; null when it cannot be judged there. */
export function conditionHolds(
  condition: AlertCondition,
  points: readonly MetricPoint[],
  index: number,
): { holds: boolean; reference: number; z: number | null } | null {
  const value = points[index]!.value;
  if (value === null || !Number.isFinite(value)) return null;
  switch (condition.kind) {
    case 'above':
      return { holds: value > condition.threshold, reference: condition.threshold, z: null };
    case 'below':
      return { holds: value < condition.threshold, reference: condition.threshold, z: null };
    case 'anomaly': {
      const baseline = recentBaseline(points, index);
      if (!baseline) return null;
      const z = (value - baseline.median) / baseline.spread;
      return { holds: Math.abs(z) >= condition.z, reference: baseline.median, z };
    }
  }
}

/** Judges the points the rule has not seen; returns its alerts (one per crossing) and its new state. */
export function evaluateRule(
  rule: AlertRule,
  points: readonly MetricPoint[],
  state: RuleState | null,
): { firings: AlertFiring[]; state: RuleState | null } {
  if (!rule.enabled || points.length === 0) return { firings: [], state };
  const from = state === null ? points.length - 1 : points.findIndex((p) => p.at > state.lastAt);
  if (from < 0) return { firings: [], state };
  let active = state?.active ?? false;
  const firings: AlertFiring[] = [];
  for (let i = from; i < points.length; i++) {
    const judged = conditionHolds(rule.condition, points, i);
    if (!judged) continue;
    if (judged.holds && !active) {
      firings.push({
        ruleId: rule.id,
        at: points[i]!.at,
        value: points[i]!.value!,
        reference: judged.reference,
        z: judged.z,
      });
    }
    active = judged.holds;
  }
  return { firings, state: { active, lastAt: points[points.length - 1]!.at } };
}
