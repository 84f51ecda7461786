// Several Lantern tabs on one device share IndexedDB, but each has its own DuckDB. Two rules keep them
// consistent:
// - every write of the stored workspace holds one Web Lock shared by all the tabs, so two tabs never
//   write at the same time (the second waits for the first);
// - after a write the tab tells the others on a BroadcastChannel, and they bring their DuckDB up to
//   date with what is stored (see catchUp in workspace.ts).

const LOCK = 'lantern-workspace-write';
const CHANNEL = 'lantern-workspace';

export interface WorkspaceChange {
  workspaceId: string;
  savedAt: string;
}

/** Runs `work` holding the cross-tab write lock (waiting for another tab's write to finish). */
export function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return work();
  // The lock is held until the promise `work` returns settles; request resolves with its value.
  return navigator.locks.request(LOCK, work) as unknown as Promise<T>;
}

let channel: BroadcastChannel | null = null;
const openChannel = () => (channel ??= typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL));

/** Tells the other tabs that the stored workspace changed. */
export function announceChange(change: WorkspaceChange): void {
  openChannel()?.postMessage(change);
}

/** Calls `listener` when another tab changed a stored workspace; returns the unsubscribe. */
export function onOtherTabChange(listener: (change: WorkspaceChange) => void): () => void {
  const c = openChannel();
  if (!c) return () => undefined;
  const handler = (event: MessageEvent<WorkspaceChange>) => listener(event.data);
  c.addEventListener('message', handler);
  return () => c.removeEventListener('message', handler);
}
