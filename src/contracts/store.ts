// The store worker: every IndexedDB read and write of Lantern, off the main thread (and Dexie out of
// the first page's scripts). Keys travel as CryptoKey objects, which structured cloning carries.

import type { FileImportReport } from '../data/ingestion/importFiles';
import type { WorkspaceEntry } from '../data/store/lanternDb';
import type { WorkspaceManifest, WorkspaceSettings } from '../data/store/workspaceManifest';
import type { CommitResult, ManifestPatch, TableChunks, WorkspaceAccess } from '../data/store/workspaceSnapshot';

export interface OpenedWorkspace {
  entry: WorkspaceEntry;
  access: WorkspaceAccess;
}

export interface StoreWorkerApi {
  /** Stores the exported tables and switches the manifest atomically (see commitTables). */
  commitTables(
    exported: TableChunks[],
    reports: FileImportReport[],
    access: WorkspaceAccess,
    patch?: ManifestPatch,
  ): Promise<CommitResult>;
  /** The workspace to open at start (see chooseStartWorkspace); null when the user must choose. */
  chooseStartWorkspace(demo: boolean): Promise<OpenedWorkspace | null>;
  listWorkspaces(): Promise<WorkspaceEntry[]>;
  getWorkspace(id: string): Promise<WorkspaceEntry | undefined>;
  createWorkspace(name: string, passphrase: string | null): Promise<OpenedWorkspace>;
  /** Throws an error named WrongPassphraseError when the passphrase does not fit. */
  unlockWorkspace(id: string, passphrase: string | null): Promise<OpenedWorkspace>;
  touchWorkspace(id: string): Promise<void>;
  changePassphrase(access: WorkspaceAccess, newPassphrase: string | null): Promise<WorkspaceAccess>;
  updateSettings(access: WorkspaceAccess, change: Partial<WorkspaceSettings>): Promise<WorkspaceManifest>;
  deleteWorkspace(id: string): Promise<void>;
  exportWorkspaceFile(id: string): Promise<Blob>;
  importWorkspaceFile(file: Blob): Promise<WorkspaceEntry>;
  loadManifest(access: WorkspaceAccess): Promise<WorkspaceManifest>;
  /** One stored chunk, unsealed and transferred; null when missing. */
  readChunk(access: WorkspaceAccess, chunkId: string): Promise<Uint8Array | null>;
  /** Deletes Lantern's whole IndexedDB database (every workspace). */
  deleteDatabase(): Promise<void>;
}
