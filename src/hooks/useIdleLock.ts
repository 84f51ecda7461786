import { useEffect } from 'react';
import { lockWorkspace } from '../data/workspace';
import type { SessionInfo } from '../data/workspaceSession';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/** Locks a passphrase workspace after its idle-lock minutes without input. */
export function useIdleLock(session: SessionInfo | null): void {
  const minutes = session?.encrypted ? session.idleLockMinutes : 0;
  useEffect(() => {
    if (!minutes) return;
    let lastActivity = Date.now();
    const touch = () => (lastActivity = Date.now());
    ACTIVITY.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity > minutes * 60_000) void lockWorkspace();
    }, 5_000);
    return () => {
      ACTIVITY.forEach((e) => window.removeEventListener(e, touch));
      window.clearInterval(timer);
    };
  }, [minutes]);
}
