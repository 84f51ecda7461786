// The model watch in the page: judges the last fit whenever the data, the fit or the refit choice
// changes (and at most every 30 s while live rows arrive), starts the automatic refit when one is due,
// and gives the Monitoring page the current health.

import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { onLiveChange } from '../data/live/liveSession';
import { modelHealthNow, recordRefitFailure, watchModel } from '../data/predictions/modelWatch';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { setOpenAutoRefit } from '../data/workspace';
import { recordError } from '../lib/monitor';
import { refreshWorkspace } from './queryClient';
import { usePredictionJob } from './usePredictionJob';

const LIVE_WATCH_MS = 30_000;

const watchKey = (manifest: WorkspaceManifest | undefined) =>
  manifest?.predictions
    ? [
        manifest.id,
        manifest.predictions.createdAt,
        manifest.settings.analysisDate ?? 'last purchase',
        manifest.settings.autoRefit,
        ...manifest.imports.map((r) => r.id),
      ].join('|')
    : null;

/** Bumps a counter at most every `ms` while live rows are written. */
function useLiveTicks(enabled: boolean, ms: number): number {
  const [ticks, setTicks] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onLiveChange((written) => {
      if (!written || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setTicks((n) => n + 1);
      }, ms);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [enabled, ms]);
  return ticks;
}

/** Runs the model watch for the open workspace (mounted once, in the layout). */
export function useModelWatch(manifest: WorkspaceManifest | undefined): void {
  const key = watchKey(manifest);
  const ticks = useLiveTicks(key !== null, LIVE_WATCH_MS);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    watchModel()
      .then(async (decision) => {
        if (cancelled || decision.kind === 'none') return;
        if (decision.kind === 'proposed') return refreshWorkspace();
        const job = usePredictionJob.getState();
        if (job.status === 'running' || !decision.report) return;
        const settings = manifest?.predictions?.settings;
        if (!settings) return;
        await job.start({ settings, refit: decision.refit });
        const after = usePredictionJob.getState();
        if (after.status === 'failed') {
          await recordRefitFailure(decision.report, decision.refit, after.error ?? 'unknown error');
          await refreshWorkspace();
        }
      })
      // Busy with an import or a save ("Cannot start …"): the next change judges again.
      .catch((error: Error) => {
        if (!error.message.startsWith('Cannot ')) recordError('model watch', error.message);
      });
    return () => {
      cancelled = true;
    };
    // The manifest is read through `key`; other changes to it must not re-run the watch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ticks]);
}

/** The last fit's health against the data now (drift and accuracy), refreshed with the data. */
export function useModelHealth(manifest: WorkspaceManifest | undefined) {
  const key = watchKey(manifest);
  const ticks = useLiveTicks(key !== null, 5_000);
  return useQuery({
    queryKey: ['model-health', key, manifest?.savedAt, ticks],
    enabled: key !== null,
    queryFn: modelHealthNow,
  });
}

/** Turns automatic refits on or off. */
export function useAutoRefitSetting() {
  return useMutation({ mutationFn: setOpenAutoRefit, onSuccess: refreshWorkspace });
}

export type { ModelHealthReport } from '../data/predictions/modelHealthCheck';
export type { ModelLogEntry, WorkspaceManifest } from '../data/store/workspaceManifest';
export { refitRequest } from '../data/predictions/modelWatch';
