// Which workspace is open, and its key. The key lives only here, in memory: locking forgets it and
// empties DuckDB, so nothing of a locked workspace stays readable in the page.

import type { WorkspaceEntry } from './store/lanternDb';
import type { WorkspaceAccess } from './store/workspaceSnapshot';

export interface SessionInfo {
  id: string;
  name: string;
  encrypted: boolean;
  idleLockMinutes: number;
}

let session: { access: WorkspaceAccess; info: SessionInfo } | null = null;
const listeners = new Set<() => void>();

export class WorkspaceLockedError extends Error {
  constructor() {
    super('The workspace is locked.');
  }
}

/** The open workspace, or null when locked or none is chosen. */
export function currentSession(): SessionInfo | null {
  return session?.info ?? null;
}

/** The open workspace's storage access; throws when locked. */
export function currentAccess(): WorkspaceAccess {
  if (!session) throw new WorkspaceLockedError();
  return session.access;
}

/** Calls `listener` whenever a workspace is opened or locked. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let generation = 0;

/** Changes whenever a workspace is opened or locked: work that began under another generation must not reopen it. */
export function sessionGeneration(): number {
  return generation;
}

/** setSession, unless the workspace was locked or switched since `since` (then it stays locked). */
export function setSessionIfUnchanged(
  since: number,
  entry: WorkspaceEntry,
  access: WorkspaceAccess,
  idleLockMinutes: number,
): SessionInfo {
  if (since !== generation) throw new Error('The workspace was locked or switched meanwhile.');
  return setSession(entry, access, idleLockMinutes);
}

/** Makes a workspace the open one (its data loads on the next read). */
export function setSession(entry: WorkspaceEntry, access: WorkspaceAccess, idleLockMinutes: number): SessionInfo {
  generation++;
  session = { access, info: { id: entry.id, name: entry.name, encrypted: entry.kdf !== null, idleLockMinutes } };
  listeners.forEach((l) => l());
  return session.info;
}

/** Forgets the key and the open workspace. */
export function clearSession(): void {
  generation++;
  session = null;
  listeners.forEach((l) => l());
}
