// The model watch in the page: judges the last fit whenever the data, the fit or the refit choice
// changes (and at most every 30 s while live rows arrive), and starts the automatic refit when one is
// due. Mounted in the layout, so the watch's code loads only once there is a fit to watch.

import { useEffect } from 'react';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { recordError } from '../lib/monitor';
import { modelWatchKey, useLiveTicks } from './modelWatchKey';
import { refreshWorkspace } from './queryClient';

const LIVE_WATCH_MS = 30_000;

/** Runs the model watch for the open workspace. */
export function useModelWatch(manifest: WorkspaceManifest | undefined): void {
  const key = modelWatchKey(manifest);
  const ticks = useLiveTicks(key !== null, LIVE_WATCH_MS);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void (async () => {
      const [{ recordRefitFailure, watchModel }, { usePredictionJob }] = await Promise.all([
        import('../data/predictions/modelWatch'),
        import('./usePredictionJob'),
      ]);
      const decision = await watchModel();
      if (cancelled || decision.kind === 'none') return;
      if (decision.kind === 'proposed') return refreshWorkspace();
      const job = usePredictionJob.getState();
      const settings = manifest?.predictions?.settings;
      if (job.status === 'running' || !settings) return;
      await job.start({ settings, refit: decision.refit });
      const after = usePredictionJob.getState();
      // A refit refused because another write was running is tried again at the next change; a real
      // failure is logged, so the same fit is not refitted again and again.
      if (after.status === 'failed' && !after.error?.startsWith('Cannot ')) {
        await recordRefitFailure(decision.report, decision.refit, after.error ?? 'unknown error');
        await refreshWorkspace();
      }
    })().catch((error: Error) => {
      // Busy with an import or a save ("Cannot start …"): the next change judges again.
      if (!error.message.startsWith('Cannot ')) recordError('model watch', error.message);
    });
    return () => {
      cancelled = true;
    };
    // The manifest is read through `key`; other changes to it must not re-run the watch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ticks]);
}
