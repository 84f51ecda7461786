import { useEffect } from 'react';
import { lockWorkspace, workspaceBusy } from '../data/workspace';
import type { SessionInfo } from '../data/workspaceSession';
import { watchIdle } from '../lib/idleTimer';

/** Locks a passphrase workspace after its idle-lock minutes without input. */
export function useIdleLock(session: SessionInfo | null): void {
  const minutes = session?.encrypted ? session.idleLockMinutes : 0;
  // An import or re-encryption in progress keeps the workspace open; the lock comes after it.
  useEffect(
    () =>
      minutes
        ? watchIdle(window, minutes, () => {
            if (!workspaceBusy()) void lockWorkspace();
          })
        : undefined,
    [minutes],
  );
}
