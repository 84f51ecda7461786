// The Monitoring page's view of the last fit: its health against the data now (drift and accuracy),
// refreshed with the data, and the automatic-refit choice.

import { useMutation, useQuery } from '@tanstack/react-query';
import { modelHealthNow } from '../data/predictions/modelWatch';
import type { WorkspaceManifest } from '../data/store/workspaceManifest';
import { setOpenAutoRefit } from '../data/workspace';
import { modelWatchKey, useLiveTicks } from './modelWatchKey';
import { refreshWorkspace } from './queryClient';

export function useModelHealth(manifest: WorkspaceManifest | undefined) {
  const key = modelWatchKey(manifest);
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
