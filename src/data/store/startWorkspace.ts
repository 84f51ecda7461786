// Which workspace the app opens at start. Runs in the store worker, beside the registry it reads.

import type { LanternDb, WorkspaceEntry } from './lanternDb';
import { createWorkspace, listWorkspaces, touchWorkspace, unlockWorkspace } from './workspaceRegistry';
import type { WorkspaceAccess } from './workspaceSnapshot';

export const DEMO_WORKSPACE_ID = 'demo';

/**
 * The workspace to open when the app starts: the demo for `?demo`, else the last one opened if it has
 * no passphrase (a first visit gets a new plain "My workspace"). Null means: show the workspace list.
 */
export async function chooseStartWorkspace(
  db: LanternDb,
  demo: boolean,
): Promise<{ entry: WorkspaceEntry; access: WorkspaceAccess } | null> {
  if (demo) {
    const existing = await db.workspaces.get(DEMO_WORKSPACE_ID);
    if (existing) return unlockWorkspace(db, existing.id, null);
    return createWorkspace(db, 'Demo', null, DEMO_WORKSPACE_ID);
  }
  const all = await listWorkspaces(db);
  const last = all[0];
  if (!last) return createWorkspace(db, 'My workspace', null);
  if (last.kdf) return null;
  await touchWorkspace(db, last.id);
  return unlockWorkspace(db, last.id, null);
}
