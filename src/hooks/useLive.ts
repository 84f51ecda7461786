// Live events for the page: the running figures, and a refresh of every open view at most every
// 750 ms while rows arrive, so the dashboard follows within a second without re-querying per batch.

import { useSyncExternalStore } from 'react';
import { liveFigures, onLiveChange } from '../data/live/liveSession';
import { onStreamChange, streamStatus } from '../data/live/liveStream';
import { queryClient } from './queryClient';

const REFRESH_MS = 750;
let lastRefresh = 0;
let pending: ReturnType<typeof setTimeout> | null = null;

function refreshViews() {
  pending = null;
  lastRefresh = Date.now();
  // The manifest did not change (the rows are in DuckDB): everything else may have. A read still running
  // is left to finish (cancelRefetch: false): restarting it on every refresh would starve a view whose
  // reads take longer than the refresh interval (a loaded machine, a large table), and it would never move.
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'workspace' }, { cancelRefetch: false });
}

onLiveChange((written) => {
  if (!written || pending) return;
  const wait = lastRefresh + REFRESH_MS - Date.now();
  if (wait <= 0) refreshViews();
  else pending = setTimeout(refreshViews, wait);
});

/** The live queue's figures, re-rendering as they change. */
export function useLiveFigures() {
  return useSyncExternalStore((notify) => onLiveChange(() => notify()), liveFigures);
}

/** The user's event stream's status (null before the first Connect), re-rendering as it changes. */
export function useLiveStream() {
  return useSyncExternalStore(onStreamChange, streamStatus);
}
