// Reads of the stored workspace manifest for the UI.

import { LanternDb } from './store/lanternDb';
import { loadManifest } from './store/workspaceSnapshot';
import type { WorkspaceManifest } from './store/workspaceManifest';

/** The manifest as stored now (after the latest import). */
export async function loadCurrentManifest(): Promise<WorkspaceManifest> {
  const db = new LanternDb();
  try {
    return await loadManifest(db);
  } finally {
    db.close();
  }
}
