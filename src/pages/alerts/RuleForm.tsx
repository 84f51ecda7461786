// The form that adds or edits an alert rule: the metric (with its campaign or segment), the condition
// with its threshold, and the severity.

import { useState, type FormEvent } from 'react';
import type { AlertCondition, AlertMetric, AlertRule, AlertSeverity } from '../../analytics/alerts/alertRules';
import type { AlertChoices } from '../../data/alerts/alertSeries';

type MetricKind = AlertMetric['kind'];
type ConditionKind = AlertCondition['kind'];

const METRICS: { kind: MetricKind; label: string }[] = [
  { kind: 'daily-revenue', label: 'Daily revenue' },
  { kind: 'campaign-roas', label: 'Daily ROAS of a campaign' },
  { kind: 'high-risk-customers', label: 'Customers at high churn risk' },
  { kind: 'segment-size', label: 'Size of a segment' },
];

interface RuleFormProps {
  choices: AlertChoices | undefined;
  /** The rule being edited; null for a new one. */
  editing: AlertRule | null;
  saving: boolean;
  error: Error | null;
  onSave: (rule: AlertRule) => void;
  onCancel: () => void;
}

export function RuleForm({ choices, editing, saving, error, onSave, onCancel }: RuleFormProps) {
  const [metric, setMetric] = useState<MetricKind>(editing?.metric.kind ?? 'daily-revenue');
  const [campaignId, setCampaignId] = useState(
    editing?.metric.kind === 'campaign-roas' ? editing.metric.campaignId : '',
  );
  const [segment, setSegment] = useState(editing?.metric.kind === 'segment-size' ? editing.metric.segment : '');
  const [condition, setCondition] = useState<ConditionKind>(editing?.condition.kind ?? 'below');
  const [level, setLevel] = useState(
    editing ? String(editing.condition.kind === 'anomaly' ? editing.condition.z : editing.condition.threshold) : '',
  );
  const [severity, setSeverity] = useState<AlertSeverity>(editing?.severity ?? 'warning');
  const campaigns = choices?.campaigns ?? [];
  const segments = choices?.segments ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const watched: AlertMetric =
      metric === 'campaign-roas'
        ? { kind: metric, campaignId: campaignId || (campaigns[0]?.id ?? '') }
        : metric === 'segment-size'
          ? { kind: metric, segment: segment || (segments[0] ?? '') }
          : { kind: metric };
    const value = level.trim() === '' ? NaN : Number(level);
    onSave({
      id: editing?.id ?? crypto.randomUUID(),
      metric: watched,
      condition: condition === 'anomaly' ? { kind: 'anomaly', z: value } : { kind: condition, threshold: value },
      severity,
      enabled: editing?.enabled ?? true,
    });
  };

  return (
    <form className="rule-form" onSubmit={submit} aria-labelledby="rule-form-heading">
      <h2 id="rule-form-heading">{editing ? 'Edit the rule' : 'New rule'}</h2>
      <div className="inline-fields">
        <label>
          Watch{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricKind)}>
            {METRICS.map((m) => (
              <option
                key={m.kind}
                value={m.kind}
                disabled={
                  (m.kind === 'campaign-roas' && !campaigns.length) || (m.kind === 'segment-size' && !segments.length)
                }
              >
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {metric === 'campaign-roas' && (
          <label>
            Campaign{' '}
            <select value={campaignId || (campaigns[0]?.id ?? '')} onChange={(e) => setCampaignId(e.target.value)}>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {metric === 'segment-size' && (
          <label>
            Segment{' '}
            <select value={segment || (segments[0] ?? '')} onChange={(e) => setSegment(e.target.value)}>
              {segments.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Alert when it is{' '}
          <select value={condition} onChange={(e) => setCondition(e.target.value as ConditionKind)}>
            <option value="below">below</option>
            <option value="above">above</option>
            <option value="anomaly">unusual for its recent values</option>
          </select>
        </label>
        <label>
          {condition === 'anomaly' ? 'Robust |z| at least' : 'Threshold'}{' '}
          <input
            type="number"
            step="any"
            inputMode="decimal"
            required
            value={level}
            placeholder={condition === 'anomaly' ? '4' : undefined}
            onChange={(e) => setLevel(e.target.value)}
          />
        </label>
        <label>
          Severity{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as AlertSeverity)}>
            <option value="info">info</option>
            <option value="warning">warning</option>
            <option value="critical">critical</option>
          </select>
        </label>
      </div>
      <p className="muted">
        A rule raises one alert each time its condition starts to hold, and again only after it stopped holding. A new
        rule judges the latest value; later values are judged as data arrives. &ldquo;Unusual&rdquo; compares a value
        with the median and spread (1.4826 × MAD) of the 28 values before it.
      </p>
      <div className="actions">
        <button type="submit" className="button primary" disabled={saving}>
          {editing ? 'Save the rule' : 'Add the rule'}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel editing
          </button>
        )}
      </div>
      {error && <p role="alert">{error.message}</p>}
    </form>
  );
}
