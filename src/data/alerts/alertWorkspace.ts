// Alert rules and history kept with the workspace, and the check that judges every rule against its
// metric's series when the data changes. Each change is read and written inside runExclusive, so a
// check and an edit never overwrite each other's part of the manifest.

import { evaluateRule, type AlertRule } from '../../analytics/alerts/alertRules';
import {
  MAX_ALERT_HISTORY,
  type AlertRecord,
  type AlertsState,
  type StoredAlertRule,
  type WorkspaceManifest,
} from '../store/workspaceManifest';
import { currentManifest, openWorkspace, runExclusive, saveWorkspaceTables } from '../workspace';
import { readAlertChoices, readMetricSeries, type AlertChoices } from './alertSeries';

function checkRule(rule: AlertRule): string[] {
  const problems: string[] = [];
  const c = rule.condition;
  if (c.kind === 'anomaly' ? !(c.z > 0 && Number.isFinite(c.z)) : !Number.isFinite(c.threshold))
    problems.push(
      c.kind === 'anomaly' ? 'The anomaly level must be a number above 0.' : 'The threshold must be a number.',
    );
  if (rule.metric.kind === 'campaign-roas' && !rule.metric.campaignId) problems.push('Choose a campaign.');
  if (rule.metric.kind === 'segment-size' && !rule.metric.segment) problems.push('Choose a segment.');
  return problems;
}

function changeAlerts(change: (alerts: AlertsState) => AlertsState, what: string): Promise<WorkspaceManifest> {
  return runExclusive(what, async () => {
    const manifest = await currentManifest();
    return saveWorkspaceTables([], { alerts: change(manifest.alerts) });
  });
}

/** Adds a rule, or replaces the one with its id; a changed metric or condition starts it afresh. */
export function saveAlertRule(rule: AlertRule): Promise<WorkspaceManifest> {
  const problems = checkRule(rule);
  if (problems.length) return Promise.reject(new Error(problems.join(' ')));
  return changeAlerts((alerts) => {
    const now = new Date().toISOString();
    const old = alerts.rules.find((r) => r.id === rule.id);
    const stored: StoredAlertRule = { ...rule, createdAt: old?.createdAt ?? now, updatedAt: now };
    const sameWatch =
      old &&
      JSON.stringify([old.metric, old.condition]) === JSON.stringify([rule.metric, rule.condition]) &&
      old.enabled === rule.enabled;
    const states = { ...alerts.states };
    if (!sameWatch) delete states[rule.id];
    return {
      ...alerts,
      rules: old ? alerts.rules.map((r) => (r.id === rule.id ? stored : r)) : [...alerts.rules, stored],
      states,
    };
  }, 'saving an alert rule');
}

/** Removes a rule (its past alerts stay in the history). */
export function deleteAlertRule(id: string): Promise<WorkspaceManifest> {
  return changeAlerts((alerts) => {
    const states = { ...alerts.states };
    delete states[id];
    return { ...alerts, rules: alerts.rules.filter((r) => r.id !== id), states };
  }, 'deleting an alert rule');
}

/** Marks alerts as seen. */
export function acknowledgeAlerts(ids: readonly string[]): Promise<WorkspaceManifest> {
  const chosen = new Set(ids);
  const at = new Date().toISOString();
  return changeAlerts(
    (alerts) => ({
      ...alerts,
      history: alerts.history.map((a) => (chosen.has(a.id) && !a.acknowledgedAt ? { ...a, acknowledgedAt: at } : a)),
    }),
    'acknowledging alerts',
  );
}

/** Judges every enabled rule on the data as it is now: the alerts it raised (often none), and whether it saved. */
export async function checkAlerts(): Promise<{ raised: AlertRecord[]; saved: boolean }> {
  const { duck } = await openWorkspace();
  return runExclusive(
    'checking alerts',
    async () => {
      const manifest = await currentManifest();
      const { rules } = manifest.alerts;
      if (rules.length === 0) return { raised: [], saved: false };
      const states = { ...manifest.alerts.states };
      const raised: AlertRecord[] = [];
      const raisedAt = new Date().toISOString();
      for (const rule of rules) {
        if (!rule.enabled) continue;
        const points = await readMetricSeries(duck.read, manifest, rule.metric);
        const { firings, state } = evaluateRule(rule, points, states[rule.id] ?? null);
        if (state) states[rule.id] = state;
        for (const f of firings) {
          raised.push({
            ...f,
            id: `${rule.id}:${f.at}`,
            severity: rule.severity,
            metric: rule.metric,
            condition: rule.condition,
            raisedAt,
            acknowledgedAt: null,
          });
        }
      }
      if (raised.length === 0 && JSON.stringify(states) === JSON.stringify(manifest.alerts.states))
        return { raised, saved: false };
      await saveWorkspaceTables([], {
        alerts: {
          ...manifest.alerts,
          states,
          history: [...manifest.alerts.history, ...raised].slice(-MAX_ALERT_HISTORY),
        },
      });
      return { raised, saved: true };
    },
    { background: true },
  );
}

/** The campaigns and segments the rule form offers. */
export async function alertChoices(): Promise<AlertChoices> {
  const { duck } = await openWorkspace();
  return readAlertChoices(duck.read, await currentManifest());
}
