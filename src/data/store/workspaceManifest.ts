// The manifest of a stored workspace and the `restore` step every stored manifest passes through,
// which fills defaults and refuses shapes newer than this build understands.

import type { FileImportReport } from '../ingestion/importFiles';

export const MANIFEST_VERSION = 1;

export interface StoredTable {
  /** The table's Arrow IPC chunks, in order. */
  blobIds: string[];
  rows: number;
}

export interface WorkspaceSettings {
  /** ISO 4217 code used to format money. */
  currency: string;
  /** Lock after this many idle minutes (passphrase workspaces only); 0 = never. */
  idleLockMinutes: number;
}

export interface WorkspaceManifest {
  id: string;
  manifestVersion: number;
  savedAt: string;
  tables: Record<string, StoredTable>;
  imports: FileImportReport[];
  settings: WorkspaceSettings;
}

export const CURRENT_WORKSPACE = 'current';

/** An empty workspace. */
export function emptyManifest(id = CURRENT_WORKSPACE): WorkspaceManifest {
  return {
    id,
    manifestVersion: MANIFEST_VERSION,
    savedAt: new Date(0).toISOString(),
    tables: {},
    imports: [],
    settings: { currency: 'USD', idleLockMinutes: 15 },
  };
}

/** Brings a stored manifest to the current shape, or throws when it comes from a newer Lantern. */
export function restoreManifest(stored: Partial<WorkspaceManifest> & { id: string }): WorkspaceManifest {
  const version = stored.manifestVersion ?? 1;
  if (version > MANIFEST_VERSION) {
    throw new Error(
      `This workspace was saved by a newer version of Lantern (format ${version}); reload to update the app.`,
    );
  }
  const empty = emptyManifest(stored.id);
  return {
    ...empty,
    ...stored,
    manifestVersion: MANIFEST_VERSION,
    tables: stored.tables ?? {},
    imports: (stored.imports ?? []).map((r) => ({ ...r, reader: r.reader ?? 'javascript' })),
    settings: { ...empty.settings, ...(stored.settings ?? {}) },
  };
}
