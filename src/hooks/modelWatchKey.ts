// What the model watch and the model-health view follow: the workspace, its fit, the analysis date, the
// refit choice and the imports, plus a tick while live rows arrive.

import { useEffect, useState } from 'react';
import { onLiveChange } from '../data/live/liveSession';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';

export const modelWatchKey = (manifest: WorkspaceManifest | undefined): string | null =>
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
export function useLiveTicks(enabled: boolean, ms: number): number {
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
