// What Lantern keeps in IndexedDB (through Dexie), and where:
// - `manifests`: one record per workspace ('current' for now): which table lives in which blob,
//   the import history with counts, and settings. Switching it is the moment data changes.
// - `blobs`: each table's contents as an Arrow IPC stream, written before the manifest points at it.
// Schema versions are append-only: add a new `version(n)`, never edit a shipped one.

import Dexie, { type Table } from 'dexie';
import type { WorkspaceManifest } from './workspaceManifest';

export interface TableBlob {
  id: string;
  table: string;
  bytes: Uint8Array;
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
