import { useEffect } from 'react';
import { lockWorkspace } from '../data/workspace';
import type { SessionInfo } from '../data/workspaceSession';
import { watchIdle } from '../lib/idleTimer';

/** Locks a passphrase workspace after its idle-lock minutes without input. */
export function useIdleLock(session: SessionInfo | null): void {
  const minutes = session?.encrypted ? session.idleLockMinutes : 0;
  useEffect(() => (minutes ? watchIdle(window, minutes, () => void lockWorkspace()) : undefined), [minutes]);
}
