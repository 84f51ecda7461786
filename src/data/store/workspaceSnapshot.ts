// Saves changed DuckDB tables to IndexedDB and loads them back on start. The blobs are written and
// the manifest switched in one IndexedDB transaction, so a reload at any moment leaves either the
// old workspace or the new one, never a mix.

import { sqlIdent, type SqlConnection, type SqlStore } from '../sql';
import type { FileImportReport } from '../ingestion/importFiles';
import type { LanternDb, TableBlob } from './lanternDb';
import { CURRENT_WORKSPACE, emptyManifest, restoreManifest, type WorkspaceManifest } from './workspaceManifest';

/** Reads the stored manifest (or an empty one). */
export async function loadManifest(db: LanternDb, id = CURRENT_WORKSPACE): Promise<WorkspaceManifest> {
  const stored = await db.manifests.get(id);
  return stored ? restoreManifest(stored) : emptyManifest(id);
}

/** Loads every stored table into DuckDB; returns the manifest it loaded. */
export async function restoreWorkspace(
  store: SqlStore,
  db: LanternDb,
  id = CURRENT_WORKSPACE,
): Promise<WorkspaceManifest> {
  const manifest = await loadManifest(db, id);
  for (const [table, stored] of Object.entries(manifest.tables)) {
    await store.query(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
    for (const [k, blobId] of stored.blobIds.entries()) {
      const blob = await db.blobs.get(blobId);
      if (!blob) throw new Error(`The stored workspace is missing part of the data of table ${table}.`);
      await store.insertArrowIpc(table, new Uint8Array(await blob.bytes.arrayBuffer()), k === 0);
    }
  }
  return manifest;
}

let blobCounter = 0;

/** A changed table, serialised for storage. */
export interface TableChunks {
  table: string;
  rows: number;
  /** Arrow IPC streams, in order. */
  chunks: Uint8Array[];
}

/** Serialises the tables an import changed (DuckDB side; the bytes can then be handed to a worker). */
export async function exportTables(store: SqlStore, tables: string[]): Promise<TableChunks[]> {
  const started = performance.now();
  const exported: TableChunks[] = [];
  for (const table of tables) {
    const chunks = await store.exportArrowIpc(table);
    const rows = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${sqlIdent(table)}`);
    exported.push({ table, rows: Number(rows[0]?.n ?? 0), chunks });
  }
  performance.measure('lantern:save:export', { start: started, end: performance.now() });
  return exported;
}

export interface CommitResult {
  manifest: WorkspaceManifest;
  /** Rejects tables of imports whose table was replaced: drop them from DuckDB too. */
  obsoleteTables: string[];
}

/**
 * Writes the tables and switches the manifest in one IndexedDB transaction; imports whose table was
 * replaced leave the history. Runs in the store worker in the browser: turning 100 MB of bytes into
 * stored Blobs holds whichever thread does it for about half a second.
 */
export async function commitTables(
  db: LanternDb,
  exported: TableChunks[],
  reports: FileImportReport[],
  id = CURRENT_WORKSPACE,
): Promise<CommitResult> {
  const blobs: TableBlob[] = [];
  const tables: WorkspaceManifest['tables'] = {};
  for (const { table, rows, chunks } of exported) {
    const stamp = `${table}@${Date.now().toString(36)}-${(++blobCounter).toString(36)}`;
    const blobIds = chunks.map((bytes, k) => {
      blobs.push({ id: `${stamp}-${k}`, table, bytes: new Blob([bytes as BlobPart]) });
      return `${stamp}-${k}`;
    });
    tables[table] = { blobIds, rows };
  }
  let obsoleteTables: string[] = [];
  const manifest = await db.transaction('rw', db.manifests, db.blobs, async () => {
    const current = await loadManifest(db, id);
    const replaced = new Set(reports.filter((r) => r.mode === 'replace').map((r) => r.table));
    const kept = current.imports.filter((r) => !replaced.has(r.table));
    obsoleteTables = current.imports.filter((r) => replaced.has(r.table)).map((r) => r.rejectsTable);
    const nextTables = { ...current.tables, ...tables };
    for (const t of obsoleteTables) delete nextTables[t];
    const next: WorkspaceManifest = {
      ...current,
      savedAt: new Date().toISOString(),
      tables: nextTables,
      imports: [...kept, ...reports],
    };
    await db.blobs.bulkPut(blobs);
    await db.manifests.put(next);
    const referenced = new Set(Object.values(nextTables).flatMap((t) => t.blobIds));
    const unreferenced = (await db.blobs.toCollection().primaryKeys()).filter((k) => !referenced.has(k));
    await db.blobs.bulkDelete(unreferenced);
    return next;
  });
  return { manifest, obsoleteTables };
}

/** Persists the tables an import changed and records its reports (export and commit on one thread). */
export async function saveImport(
  store: SqlStore,
  db: LanternDb,
  changedTables: string[],
  reports: FileImportReport[],
  id = CURRENT_WORKSPACE,
): Promise<WorkspaceManifest> {
  const { manifest, obsoleteTables } = await commitTables(db, await exportTables(store, changedTables), reports, id);
  for (const t of obsoleteTables) await store.query(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
  return manifest;
}

/** Empties IndexedDB and drops every table in DuckDB. */
export async function deleteAllLocalData(store: SqlStore, db: LanternDb): Promise<void> {
  await dropAllTables(store);
  await db.delete();
}

/** Drops every table in DuckDB's main schema. */
export async function dropAllTables(store: SqlConnection): Promise<void> {
  const tables = await store.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`,
  );
  for (const t of tables) await store.query(`DROP TABLE IF EXISTS ${sqlIdent(t.name)}`);
}
