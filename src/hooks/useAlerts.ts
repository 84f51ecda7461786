// Alerts: the rules and history (in the workspace manifest), the form's choices, and the watcher that
// checks every rule whenever the data, segments, predictions or rules change, raising toasts and, when
// the user allowed them, system notifications.

import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import {
  acknowledgeAlerts,
  alertChoices,
  checkAlerts,
  deleteAlertRule,
  saveAlertRule,
} from '../data/alerts/alertWorkspace';
import { onLiveChange } from '../data/live/liveSession';
import type { AlertRecord, WorkspaceManifest } from '../data/store/workspaceManifest';
import { campaignInputsKey } from './useCampaignJob';
import { refreshWorkspace } from './queryClient';

/** The campaigns and segments a rule can watch. */
export function useAlertChoices(manifest: WorkspaceManifest | undefined) {
  return useQuery({
    queryKey: ['alert-choices', manifest ? campaignInputsKey(manifest) : ''],
    enabled: manifest !== undefined,
    queryFn: alertChoices,
  });
}

/** Save, delete and acknowledge. */
export function useAlertEdits() {
  return {
    save: useMutation({ mutationFn: saveAlertRule, onSuccess: refreshWorkspace }),
    remove: useMutation({ mutationFn: deleteAlertRule, onSuccess: refreshWorkspace }),
    acknowledge: useMutation({ mutationFn: acknowledgeAlerts, onSuccess: refreshWorkspace }),
  };
}

interface ToastState {
  toasts: AlertRecord[];
  add: (alerts: AlertRecord[]) => void;
  dismiss: (id: string) => void;
}

/** Alerts raised in this tab and not dismissed yet. */
export const useAlertToasts = create<ToastState>((set) => ({
  toasts: [],
  add: (alerts) => set((s) => ({ toasts: [...s.toasts, ...alerts].slice(-5) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** What the alerts depend on: the data and runs, and the rules. */
const watchKey = (manifest: WorkspaceManifest) =>
  `${campaignInputsKey(manifest)}|${manifest.alerts.rules.map((r) => `${r.id}@${r.updatedAt}`).join(',')}`;

const RETRY_MS = 5_000;
const LIVE_CHECK_MS = 2_000;

/** Checks the rules whenever what they watch changes; `describe` words a system notification. */
export function useAlertWatch(manifest: WorkspaceManifest | undefined, describe: (alert: AlertRecord) => string) {
  const key = manifest && manifest.alerts.rules.length > 0 ? watchKey(manifest) : null;
  const [attempt, setAttempt] = useState(0);
  const add = useAlertToasts((s) => s.add);
  // Rows written by live events change what the rules watch too: check again, at most every 2 s.
  useEffect(() => {
    if (!key) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onLiveChange((written) => {
      if (!written || timer) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          setAttempt((n) => n + 1);
        },
        Math.max(0, last + LIVE_CHECK_MS - Date.now()),
      );
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [key]);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    checkAlerts().then(
      ({ raised, saved }) => {
        if (saved) void refreshWorkspace();
        // Shown even when what the rules watch changed again meanwhile: these alerts are saved as raised,
        // so the next check will not raise them again, and dropping them here would lose their toasts.
        if (raised.length === 0) return;
        add(raised);
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          for (const alert of raised) new Notification(`Lantern: ${alert.severity} alert`, { body: describe(alert) });
        }
      },
      // Busy with an import or another save: try again shortly (the import's own change re-checks too).
      () => {
        if (!cancelled) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
    // `describe` is read when alerts arrive; a new function each render must not re-run the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, add]);
}
