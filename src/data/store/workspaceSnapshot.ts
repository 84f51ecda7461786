// Saves changed DuckDB tables to IndexedDB and loads them back. The chunks are written and the
// manifest switched in one IndexedDB transaction, so a reload at any moment leaves either the old
// workspace or the new one, never a mix. With a key, every chunk and the manifest are sealed.

import { sqlIdent, type SqlConnection, type SqlStore } from '../sql';
import type { FileImportReport } from '../ingestion/importFiles';
import { chunkKey } from './chunkKey';
import type { LanternDb, StoredManifest, TableChunk } from './lanternDb';
import { decryptBytes, decryptJson, encryptBytes, encryptJson } from './workspaceCrypto';
import { CURRENT_WORKSPACE, emptyManifest, restoreManifest, type WorkspaceManifest } from './workspaceManifest';

/** Which workspace, and its key when it has a passphrase (held in memory only). */
export interface WorkspaceAccess {
  id: string;
  key: CryptoKey | null;
}

export const PLAIN_CURRENT: WorkspaceAccess = { id: CURRENT_WORKSPACE, key: null };

/** Seals a manifest for storage (or keeps it plain without a key). */
export async function sealManifest(manifest: WorkspaceManifest, key: CryptoKey | null): Promise<StoredManifest> {
  return key ? { id: manifest.id, sealed: await encryptJson(key, manifest) } : manifest;
}

/** Reads a stored manifest (or an empty one). */
export async function loadManifest(db: LanternDb, access: WorkspaceAccess = PLAIN_CURRENT): Promise<WorkspaceManifest> {
  const stored = await db.manifests.get(access.id);
  if (!stored) return emptyManifest(access.id);
  if ('sealed' in stored) {
    if (!access.key) throw new Error('This workspace is locked.');
    // The id is the storage record's: a workspace file imported under a new id keeps its sealed manifest.
    return restoreManifest({ ...(await decryptJson<WorkspaceManifest>(access.key, stored.sealed)), id: access.id });
  }
  return restoreManifest({ ...stored, id: access.id });
}

/** One stored chunk's Arrow IPC bytes, unsealed; null when it is missing. */
export async function readChunk(db: LanternDb, access: WorkspaceAccess, chunkId: string): Promise<Uint8Array | null> {
  const chunk = await db.chunks.get(chunkKey(access.id, chunkId));
  if (!chunk) return null;
  const bytes = new Uint8Array(await chunk.bytes.arrayBuffer());
  return access.key ? decryptBytes(access.key, bytes) : bytes;
}

/**
 * Loads a manifest's tables into DuckDB, one chunk at a time from `read` (IndexedDB directly, or the
 * store worker in the app), so a restore never holds more than one chunk beyond what DuckDB has.
 */
export async function insertStoredTables(
  store: SqlStore,
  manifest: WorkspaceManifest,
  read: (chunkId: string) => Promise<Uint8Array | null>,
): Promise<void> {
  for (const [table, stored] of Object.entries(manifest.tables)) {
    // Table names come from storage, perhaps from an imported workspace file: only Lantern's own shapes pass.
    if (!/^[a-z][a-z0-9_]*$/.test(table))
      throw new Error(`The stored workspace names an unexpected table (${table.slice(0, 40)}).`);
    await store.query(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
    for (const [k, chunkId] of stored.blobIds.entries()) {
      const bytes = await read(chunkId);
      if (!bytes) throw new Error(`The stored workspace is missing part of the data of table ${table}.`);
      await store.insertArrowIpc(table, bytes, k === 0);
    }
  }
}

/** Loads every stored table into DuckDB; returns the manifest it loaded. */
export async function restoreWorkspace(
  store: SqlStore,
  db: LanternDb,
  access: WorkspaceAccess = PLAIN_CURRENT,
): Promise<WorkspaceManifest> {
  const manifest = await loadManifest(db, access);
  await insertStoredTables(store, manifest, (chunkId) => readChunk(db, access, chunkId));
  return manifest;
}

let chunkCounter = 0;

/** A changed table, serialised for storage. */
export interface TableChunks {
  table: string;
  rows: number;
  /** Arrow IPC streams, in order. */
  chunks: Uint8Array[];
  /** The chunks and rows add to the stored table's (rows appended since it was stored) instead of replacing it. */
  append?: boolean;
}

/**
 * Serialises changed tables (DuckDB side; the bytes can then be handed to a worker). A table named in
 * `appendFrom` is exported as the rows of the table given there, to append to what is stored.
 */
export async function exportTables(
  store: SqlStore,
  tables: string[],
  appendFrom: Record<string, string> = {},
): Promise<TableChunks[]> {
  const started = performance.now();
  const exported: TableChunks[] = [];
  for (const table of tables) {
    const source = appendFrom[table] ?? table;
    const chunks = await store.exportArrowIpc(source);
    const rows = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${sqlIdent(source)}`);
    exported.push({ table, rows: Number(rows[0]?.n ?? 0), chunks, append: source !== table });
  }
  performance.measure('lantern:save:export', { start: started, end: performance.now() });
  return exported;
}

/** Parts of the manifest a commit may replace along with its tables (a segmentation or prediction run). */
export type ManifestPatch = Partial<
  Pick<WorkspaceManifest, 'segmentation' | 'predictions' | 'campaigns' | 'reports' | 'alerts' | 'modelLog'>
>;

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
  access: WorkspaceAccess = PLAIN_CURRENT,
  patch: ManifestPatch = {},
): Promise<CommitResult> {
  const chunks: TableChunk[] = [];
  const tables: WorkspaceManifest['tables'] = {};
  // Sealing is asynchronous, so it happens before the transaction (which must not wait on anything else).
  const current = await loadManifest(db, access);
  for (const { table, rows, chunks: parts, append } of exported) {
    const stamp = `${Date.now().toString(36)}-${(++chunkCounter).toString(36)}`;
    const blobIds: string[] = [];
    for (const [k, bytes] of parts.entries()) {
      const chunkId = `${stamp}-${k}`;
      const stored = access.key ? await encryptBytes(access.key, bytes) : bytes;
      chunks.push({ key: chunkKey(access.id, chunkId), workspace: access.id, bytes: new Blob([stored as BlobPart]) });
      blobIds.push(chunkId);
    }
    const before = append ? current.tables[table] : undefined;
    if (append && !before) throw new Error(`Rows were to be added to table ${table}, which is not stored.`);
    tables[table] = before ? { blobIds: [...before.blobIds, ...blobIds], rows: before.rows + rows } : { blobIds, rows };
  }
  const replaced = new Set(reports.filter((r) => r.mode === 'replace').map((r) => r.table));
  const obsoleteTables = current.imports.filter((r) => replaced.has(r.table)).map((r) => r.rejectsTable);
  const nextTables = { ...current.tables, ...tables };
  for (const t of obsoleteTables) delete nextTables[t];
  const next: WorkspaceManifest = {
    ...current,
    ...patch,
    savedAt: new Date().toISOString(),
    tables: nextTables,
    imports: [...current.imports.filter((r) => !replaced.has(r.table)), ...reports],
  };
  const sealed = await sealManifest(next, access.key);
  await db.transaction('rw', db.manifests, db.chunks, async () => {
    await db.chunks.bulkPut(chunks);
    await db.manifests.put(sealed);
    await deleteUnreferencedChunks(db, access.id, next);
  });
  return { manifest: next, obsoleteTables };
}

/** Removes a workspace's chunks that its manifest no longer points at. */
async function deleteUnreferencedChunks(db: LanternDb, workspace: string, manifest: WorkspaceManifest): Promise<void> {
  const referenced = new Set(
    Object.values(manifest.tables).flatMap((t) => t.blobIds.map((id) => chunkKey(workspace, id))),
  );
  const keys = await db.chunks.where('workspace').equals(workspace).primaryKeys();
  await db.chunks.bulkDelete(keys.filter((k) => !referenced.has(k)));
}

/** Persists the tables an import changed and records its reports (export and commit on one thread). */
export async function saveImport(
  store: SqlStore,
  db: LanternDb,
  changedTables: string[],
  reports: FileImportReport[],
  access: WorkspaceAccess = PLAIN_CURRENT,
): Promise<WorkspaceManifest> {
  const { manifest, obsoleteTables } = await commitTables(
    db,
    await exportTables(store, changedTables),
    reports,
    access,
  );
  for (const t of obsoleteTables) await store.query(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
  return manifest;
}

/** Drops every table in DuckDB's main schema; `keepTemporary` keeps this connection's temporary tables. */
export async function dropAllTables(store: SqlConnection, keepTemporary = false): Promise<void> {
  const tables = await store.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'${keepTemporary ? ` AND table_catalog <> 'temp'` : ''}`,
  );
  for (const t of tables) await store.query(`DROP TABLE IF EXISTS ${sqlIdent(t.name)}`);
}
