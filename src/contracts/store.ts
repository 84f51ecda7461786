// The store worker: writes workspace tables to IndexedDB off the main thread.

import type { FileImportReport } from '../data/ingestion/importFiles';
import type { CommitResult, ManifestPatch, TableChunks, WorkspaceAccess } from '../data/store/workspaceSnapshot';

export interface StoreWorkerApi {
  /** Stores the exported tables and switches the manifest atomically (see commitTables). */
  commitTables(
    exported: TableChunks[],
    reports: FileImportReport[],
    access: WorkspaceAccess,
    patch?: ManifestPatch,
  ): Promise<CommitResult>;
}
