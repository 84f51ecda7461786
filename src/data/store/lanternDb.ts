// What Lantern keeps in IndexedDB (through Dexie), and where:
// - `workspaces`: the list of workspaces: name, key-derivation salt and a key verifier when it has a
//   passphrase, idle-lock setting. Nothing here is the workspace's data.
// - `manifests`: one record per workspace: which table lives in which chunks, the import history and
//   settings. Switching it is the moment data changes. Sealed (AES-GCM) for passphrase workspaces.
// - `chunks`: each table's contents as Arrow IPC streams in chunks, written before the manifest points
//   at them, keyed `<workspace>|<chunk id>`. Stored as Blobs: IndexedDB keeps a Blob's bytes off the
//   main thread, where cloning a large Uint8Array into the transaction held the page for most of a
//   second per 100 MB. Sealed for passphrase workspaces.
// Schema versions are append-only: add a new `version(n)`, never edit a shipped one.

import Dexie, { type Table } from 'dexie';
import { chunkKey } from './chunkKey';
import type { KeyDerivation } from './workspaceCrypto';
import type { WorkspaceManifest } from './workspaceManifest';

export interface TableChunk {
  /** `<workspace id>|<chunk id>` */
  key: string;
  workspace: string;
  bytes: Blob;
}

/** A manifest as stored: plain, or sealed with the workspace key. */
export type StoredManifest = WorkspaceManifest | { id: string; sealed: Uint8Array };

export interface WorkspaceEntry {
  id: string;
  name: string;
  createdAt: string;
  lastOpenedAt: string;
  /** Present when the workspace has a passphrase. */
  kdf: KeyDerivation | null;
  verifier: Uint8Array | null;
}

export const DATABASE_NAME = 'lantern';

export { chunkKey };

/** The IndexedDB database behind every workspace. */
export class LanternDb extends Dexie {
  workspaces!: Table<WorkspaceEntry, string>;
  manifests!: Table<StoredManifest, string>;
  chunks!: Table<TableChunk, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({ manifests: 'id', blobs: 'id, table' });
    // v2: several workspaces, optionally encrypted; chunks scoped to their workspace.
    this.version(2)
      .stores({ workspaces: 'id', manifests: 'id', chunks: 'key, workspace', blobs: null })
      .upgrade(async (tx) => {
        const blobs = (await tx.table('blobs').toArray()) as { id: string; bytes: Blob }[];
        await tx
          .table('chunks')
          .bulkPut(blobs.map((b) => ({ key: chunkKey('current', b.id), workspace: 'current', bytes: b.bytes })));
        if (await tx.table('manifests').get('current')) {
          const now = new Date().toISOString();
          await tx.table('workspaces').put({
            id: 'current',
            name: 'My workspace',
            createdAt: now,
            lastOpenedAt: now,
            kdf: null,
            verifier: null,
          } satisfies WorkspaceEntry);
        }
      });
  }
}
