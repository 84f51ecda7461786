// Alerts: the rules (add, edit, turn off, delete), the alerts they raised with acknowledgement, and
// the choice of system notifications. Rules are checked by the app shell whenever the data changes.

import { useState } from 'react';
import type { AlertRule } from '../../analytics/alerts/alertRules';
import {
  conditionLabel,
  describeFiring,
  metricLabel,
  type DescribeOptions,
} from '../../analytics/alerts/describeAlert';
import { useShowAll } from '../../components/ui/ShowAll';
import { useAlertChoices, useAlertEdits } from '../../hooks/useAlerts';
import { useWorkspace } from '../../hooks/useWorkspace';
import { formatDateTime } from '../../lib/format';
import { NotificationChoice } from './NotificationChoice';
import { RuleForm } from './RuleForm';

/** The Alerts view. */
export function AlertsPage() {
  const { data: manifest } = useWorkspace();
  const choices = useAlertChoices(manifest);
  const { save, remove, acknowledge } = useAlertEdits();
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const alerts = manifest?.alerts;
  const history = [...(alerts?.history ?? [])].reverse();
  const { shown, button } = useShowAll(history, 100, 'alerts');
  if (!manifest || !alerts) return <h1>Alerts</h1>;
  const names = new Map((choices.data?.campaigns ?? []).map((c) => [c.id, c.name]));
  const words: DescribeOptions = {
    currency: manifest.settings.currency,
    campaignName: (id) => names.get(id) ?? id,
  };
  const unacknowledged = history.filter((a) => !a.acknowledgedAt);

  return (
    <>
      <h1>Alerts</h1>
      <RuleForm
        key={editing?.id ?? 'new'}
        choices={choices.data}
        editing={editing}
        saving={save.isPending}
        error={save.error}
        onSave={(rule) => save.mutate(rule, { onSuccess: () => setEditing(null) })}
        onCancel={() => setEditing(null)}
      />

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules</h2>
        {alerts.rules.length === 0 ? (
          <p>No rules yet: add one above, for example daily revenue below a level you care about.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Alert rules">
            <table className="rules-table">
              <caption>Alert rules</caption>
              <thead>
                <tr>
                  <th scope="col">Watches</th>
                  <th scope="col">Alerts when</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Now</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {alerts.rules.map((rule) => {
                  const state = alerts.states[rule.id];
                  const label = metricLabel(rule.metric, words);
                  return (
                    <tr key={rule.id}>
                      <th scope="row">{label}</th>
                      <td>{conditionLabel(rule.metric, rule.condition, words)}</td>
                      <td>
                        <span className={`severity severity-${rule.severity}`}>{rule.severity}</span>
                      </td>
                      <td>
                        {!rule.enabled
                          ? 'off'
                          : !state
                            ? 'not checked yet'
                            : state.active
                              ? 'condition holds'
                              : 'condition does not hold'}
                      </td>
                      <td className="actions">
                        <button type="button" className="button" onClick={() => setEditing(rule)}>
                          Edit <span className="visually-hidden">{label}</span>
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => save.mutate({ ...rule, enabled: !rule.enabled })}
                          disabled={save.isPending}
                        >
                          {rule.enabled ? 'Turn off' : 'Turn on'} <span className="visually-hidden">{label}</span>
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => remove.mutate(rule.id)}
                          disabled={remove.isPending}
                        >
                          Delete <span className="visually-hidden">{label}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {remove.error && <p role="alert">{remove.error.message}</p>}
        <NotificationChoice />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Alerts raised{unacknowledged.length > 0 ? ` (${unacknowledged.length} new)` : ''}</h2>
        {history.length === 0 ? (
          <p>No alerts yet.</p>
        ) : (
          <>
            {unacknowledged.length > 0 && (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => acknowledge.mutate(unacknowledged.map((a) => a.id))}
                  disabled={acknowledge.isPending}
                >
                  Acknowledge all {unacknowledged.length}
                </button>
              </div>
            )}
            <ol className="alert-history" data-testid="alert-history">
              {shown.map((a) => (
                <li key={a.id} className={a.acknowledgedAt ? 'acknowledged' : `severity-${a.severity}`}>
                  <span className={`severity severity-${a.severity}`}>{a.severity}</span> {describeFiring(a, words)}{' '}
                  <span className="muted">Raised {formatDateTime(a.raisedAt)}.</span>{' '}
                  {a.acknowledgedAt ? (
                    <span className="muted">Acknowledged {formatDateTime(a.acknowledgedAt)}.</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => acknowledge.mutate([a.id])}
                      disabled={acknowledge.isPending}
                    >
                      Acknowledge
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {button}
          </>
        )}
        {acknowledge.error && <p role="alert">{acknowledge.error.message}</p>}
      </section>
    </>
  );
}
