// What Lantern keeps in IndexedDB (through Dexie), and where:
// - `manifests`: one record per workspace ('current' for now): which table lives in which blob,
//   the import history with counts, and settings. Switching it is the moment data changes.
// - `blobs`: each table's contents as Arrow IPC streams in chunks, written before the manifest points
//   at them. Stored as Blobs: IndexedDB keeps a Blob's bytes off the main thread, where cloning a large
//   Uint8Array into the transaction held the page for most of a second per 100 MB.
// Schema versions are append-only: add a new `version(n)`, never edit a shipped one.

import Dexie, { type Table } from 'dexie';
import type { WorkspaceManifest } from './workspaceManifest';

export interface TableBlob {
  id: string;
  table: string;
  bytes: Blob;
}

export const DATABASE_NAME = 'lantern';

/** The IndexedDB database behind every workspace. */
export class LanternDb extends Dexie {
  manifests!: Table<WorkspaceManifest, string>;
  blobs!: Table<TableBlob, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({ manifests: 'id', blobs: 'id, table' });
  }
}
