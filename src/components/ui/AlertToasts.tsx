// Alerts raised in this tab, as messages in the corner until dismissed; the screen reader hears them
// through the live region.

import { Link } from 'react-router';
import { describeFiring } from '../../analytics/alerts/describeAlert';
import { useAlertChoices, useAlertToasts, useAlertWatch } from '../../hooks/useAlerts';
import { useWorkspace } from '../../hooks/useWorkspace';

/** Checks the alert rules as the data changes and shows what they raise. */
export function AlertToasts() {
  const { data: manifest } = useWorkspace();
  const choices = useAlertChoices(manifest && manifest.alerts.rules.length > 0 ? manifest : undefined);
  const names = new Map((choices.data?.campaigns ?? []).map((c) => [c.id, c.name]));
  const words = {
    currency: manifest?.settings.currency ?? 'USD',
    campaignName: (id: string) => names.get(id) ?? id,
  };
  useAlertWatch(manifest, (alert) => describeFiring(alert, words));
  const toasts = useAlertToasts((s) => s.toasts);
  const dismiss = useAlertToasts((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast severity-${t.severity}`} data-testid="alert-toast">
          <p>
            <strong>{t.severity} alert:</strong> {describeFiring(t, words)} <Link to="/alerts">See alerts</Link>
          </p>
          <button type="button" className="button" onClick={() => dismiss(t.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
