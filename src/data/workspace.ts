// The workspace service: opens DuckDB and restores the stored workspace, runs imports through the
// ingest worker and saves the result, loads the demo, and deletes everything. No React here.

import { proxy, transfer } from 'comlink';
import { cancelIngestWorker, ingestWorker } from '../bridge/ingestWorker';
import { getDuckDb, type LanternDuckDb } from './duckdb/duckdbClient';
import { proposeMapping } from './ingestion/detectMapping';
import { planFromSniff, sampleFromSniff } from './ingestion/stagePlan';
import type { ScanResult } from './ingestion/scanDelimited';
import {
  importFiles,
  type FileToImport,
  type ImportContext,
  type ImportProgress,
  type ImportResult,
  type Stager,
} from './ingestion/importFiles';
import type { WorkspaceEntry } from './store/lanternDb';
import {
  dropAllTables,
  exportTables,
  insertStoredTables,
  type ManifestPatch,
  type WorkspaceAccess,
} from './store/workspaceSnapshot';
import {
  clearSession,
  currentAccess,
  currentSession,
  sessionGeneration,
  setSession,
  setSessionIfUnchanged,
  type SessionInfo,
} from './workspaceSession';
import { storeWorker } from '../bridge/storeWorker';
import { announceChange, onOtherTabChange, withWriteLock } from './tabSync';
import type { StoreWorkerApi } from '../contracts/store';
import type { WorkspaceManifest } from './store/workspaceManifest';
import { formulaSafeSelect } from './csvExportSql';
import { sqlIdent, sqlString, type SqlStore } from './sql';
import { computeCustomerFeatures, type CustomerFeaturesSummary } from './features/computeCustomerFeatures';

export interface OpenWorkspace {
  duck: LanternDuckDb;
  manifest: WorkspaceManifest;
}

let opened: Promise<OpenWorkspace> | null = null;

/** Starts DuckDB and loads the open workspace's stored tables into it; the UI shows data only after this resolves. */
export function openWorkspace(): Promise<OpenWorkspace> {
  const access = currentAccess();
  opened ??= (async () => {
    const duck = await getDuckDb();
    await dropAllTables(duck.write);
    const manifest = await restoreFromStore(duck.write, access);
    return { duck, manifest };
  })();
  // A failed open is not remembered: the next read tries again.
  const attempt = opened;
  attempt.catch(() => {
    if (opened === attempt) opened = null;
  });
  return attempt;
}

/** Loads the workspace's stored tables into DuckDB, chunk by chunk from the store worker. */
async function restoreFromStore(store: LanternDuckDb['write'], access: WorkspaceAccess): Promise<WorkspaceManifest> {
  const manifest = await storeWorker().loadManifest(access);
  await insertStoredTables(store, manifest, (chunkId) => storeWorker().readChunk(access, chunkId));
  noteStored(manifest, 'loaded');
  return manifest;
}

/** The open workspace's manifest as stored now. */
export async function currentManifest(): Promise<WorkspaceManifest> {
  await openWorkspace();
  return storeWorker().loadManifest(currentAccess());
}

/** Opens the workspace chosen at start (see chooseStartWorkspace); null when the user must choose or unlock. */
export async function startWorkspace(demo: boolean): Promise<SessionInfo | null> {
  const chosen = await storeWorker().chooseStartWorkspace(demo);
  return chosen ? switchTo(chosen.entry, chosen.access) : null;
}

/** Opens a workspace; a passphrase workspace needs its passphrase (WrongPassphraseError otherwise). */
export async function openWorkspaceById(id: string, passphrase: string | null): Promise<SessionInfo> {
  const { entry, access } = await storeWorker().unlockWorkspace(id, passphrase);
  await storeWorker().touchWorkspace(id);
  return switchTo(entry, access);
}

/** Creates a workspace and opens it. */
export async function createAndOpenWorkspace(name: string, passphrase: string | null): Promise<SessionInfo> {
  const { entry, access } = await storeWorker().createWorkspace(name, passphrase);
  return switchTo(entry, access);
}

/** An import (or passphrase change) in progress: locking or switching waits for nothing and is refused instead. */
let busyWith: string | null = null;

/** Whether an import or re-encryption is running (the idle lock waits for it). */
export function workspaceBusy(): boolean {
  return busyWith !== null;
}

function refuseWhileBusy(action: string): void {
  if (busyWith) throw new Error(`Cannot ${action} while ${busyWith} is running: cancel it or wait for it to finish.`);
}

/** A short write the app started by itself (checking alerts, logging a model check, saving a report). */
let backgroundWrite: Promise<unknown> | null = null;

/**
 * Runs work that changes the stored workspace; a second one in this tab is refused while it runs, one in
 * another tab waits for it (the cross-tab write lock). Inside the lock this tab first catches up with
 * what another tab may have stored, so it never writes results computed on data that is no longer there.
 * `background` marks a short write the app starts by itself and tries again when refused: the user's
 * own work (an import, a model run) waits for it instead of being refused because of it.
 */
export async function runExclusive<T>(
  what: string,
  work: () => Promise<T>,
  { background = false }: { background?: boolean } = {},
): Promise<T> {
  // A live-events write or a background write takes a moment: wait for it rather than refuse.
  for (;;) {
    const waitFor = liveWrite ?? (background ? null : backgroundWrite);
    if (!waitFor) break;
    await waitFor.catch(() => undefined);
  }
  refuseWhileBusy(`start ${what}`);
  busyWith = what;
  const run = (async () => {
    try {
      return await withWriteLock(async () => {
        await catchUp();
        return work();
      });
    } finally {
      busyWith = null;
    }
  })();
  if (!background) return run;
  backgroundWrite = run;
  try {
    return await run;
  } finally {
    if (backgroundWrite === run) backgroundWrite = null;
  }
}

let liveWrite: Promise<unknown> | null = null;

/**
 * Writes a batch of live events into DuckDB, holding the same locks as other writes, with the stored
 * manifest; returns null (the events wait in the queue) while an import or another save is running.
 */
export async function runLiveWrite<T>(
  work: (conn: SqlStore, manifest: WorkspaceManifest) => Promise<T>,
): Promise<T | null> {
  if (busyWith || liveWrite || currentSession() === null) return null;
  busyWith = 'writing live events';
  const done = (async () => {
    const { duck } = await openWorkspace();
    return withWriteLock(async () => {
      // The stored manifest, as catching up read it: one IndexedDB read per write, not two.
      const manifest = (await catchUp()) ?? (await storeWorker().loadManifest(currentAccess()));
      return work(duck.write, manifest);
    });
  })();
  liveWrite = done;
  try {
    return await done;
  } finally {
    liveWrite = null;
    busyWith = null;
  }
}

/** The stored tables this tab's DuckDB holds (chunk ids), and the last stored manifest it has seen. */
let loadedTables: string | null = null;
let matchedTables: WorkspaceManifest['tables'] | null = null;
let seenSavedAt: string | null = null;
const tablesKey = (manifest: WorkspaceManifest) =>
  JSON.stringify(Object.entries(manifest.tables).map(([t, s]) => [t, s.blobIds]));

const reloadListeners = new Set<() => void>();

/** Calls `listener` after this tab took in a change another tab stored (to refresh every read). */
export function onWorkspaceCaughtUp(listener: () => void): () => void {
  reloadListeners.add(listener);
  return () => reloadListeners.delete(listener);
}

/**
 * Notes a manifest this tab loaded, committed (tables and manifest) or changed the settings of, and tells
 * the other tabs of a change. A settings change says nothing about the tables this tab holds.
 */
function noteStored(manifest: WorkspaceManifest, how: 'loaded' | 'committed' | 'settings'): void {
  if (how !== 'settings') {
    loadedTables = tablesKey(manifest);
    matchedTables = manifest.tables;
  }
  if (tablesKey(manifest) === loadedTables) seenSavedAt = manifest.savedAt;
  if (how !== 'loaded') announceChange({ workspaceId: manifest.id, savedAt: manifest.savedAt });
}

/** Brings this tab up to date with the stored workspace (its DuckDB only when the tables changed); returns the stored manifest. */
async function catchUp(): Promise<WorkspaceManifest | null> {
  if (!opened || currentSession() === null) return null;
  const { duck } = await opened;
  const access = currentAccess();
  const stored = await storeWorker().loadManifest(access);
  if (stored.savedAt === seenSavedAt) return stored;
  if (tablesKey(stored) !== loadedTables) await reloadStoredWorkspace(duck, access);
  else seenSavedAt = stored.savedAt;
  reloadListeners.forEach((l) => l());
  return stored;
}

// Another tab stored a change to the workspace open here: take it in (inside the lock, after any write
// of this tab). A tab busy with its own work catches up when that work takes the lock.
onOtherTabChange((change) => {
  const session = currentSession();
  if (!session || session.id !== change.workspaceId || change.savedAt === seenSavedAt) return;
  if (busyWith) return;
  runExclusive('taking in a change from another tab', () => Promise.resolve(), { background: true }).catch(
    () => undefined,
  );
});

/** Lets a restore that is under way finish, so its tables cannot appear after a lock or switch. */
async function settleOpening(): Promise<void> {
  await opened?.catch(() => undefined);
  opened = null;
}

async function switchTo(entry: WorkspaceEntry, access: WorkspaceAccess): Promise<SessionInfo> {
  refuseWhileBusy('open another workspace');
  await settleOpening();
  const { settings } = await storeWorker().loadManifest(access);
  const info = setSession(entry, access, settings.idleLockMinutes);
  await openWorkspace();
  return info;
}

/** Locks: forgets the key and empties DuckDB, so nothing of the workspace stays in the page. */
export async function lockWorkspace(): Promise<void> {
  refuseWhileBusy('lock');
  await settleOpening();
  clearSession();
  const duck = await getDuckDb();
  await dropAllTables(duck.write);
}

/** All workspaces on this device. */
export function workspaceList(): Promise<WorkspaceEntry[]> {
  return storeWorker().listWorkspaces();
}

/** Sets, changes or removes the open workspace's passphrase. */
export async function changeOpenPassphrase(newPassphrase: string | null): Promise<SessionInfo> {
  return runExclusive('re-encryption', async () => {
    const generation = sessionGeneration();
    const access = await storeWorker().changePassphrase(currentAccess(), newPassphrase);
    const entry = await storeWorker().getWorkspace(access.id);
    if (!entry) throw new Error('The workspace disappeared.');
    return setSessionIfUnchanged(
      generation,
      entry,
      access,
      (await storeWorker().loadManifest(access)).settings.idleLockMinutes,
    );
  });
}

/** Sets the open workspace's idle-lock minutes. */
export async function setOpenIdleLock(minutes: number): Promise<SessionInfo> {
  refuseWhileBusy('change settings');
  const generation = sessionGeneration();
  const access = currentAccess();
  noteStored(await withWriteLock(() => storeWorker().updateSettings(access, { idleLockMinutes: minutes })), 'settings');
  const entry = await storeWorker().getWorkspace(access.id);
  if (!entry) throw new Error('The workspace disappeared.');
  return setSessionIfUnchanged(generation, entry, access, minutes);
}

/** The open workspace as a file (sealed when it has a passphrase). */
export function exportOpenWorkspace(): Promise<Blob> {
  return storeWorker().exportWorkspaceFile(currentAccess().id);
}

/** Adds a workspace from a file. */
export function importWorkspace(file: File): Promise<WorkspaceEntry> {
  return storeWorker().importWorkspaceFile(file);
}

/** Deletes the open workspace and locks. */
export async function deleteOpenWorkspace(): Promise<void> {
  const { id } = currentAccess();
  await lockWorkspace();
  await storeWorker().deleteWorkspace(id);
}

/** Rejects when the signal aborts, so a terminated worker's promise does not hang the import. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The import was cancelled.', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const stageInWorker =
  (signal?: AbortSignal): Stager =>
  (file, plan, sink, onProgress) =>
    untilAborted(ingestWorker().stage(file, plan, proxy(sink), proxy(onProgress)), signal);

export interface ImportOutcome extends ImportResult {
  manifest: WorkspaceManifest;
}

/** Imports mapped files, then saves the changed tables; the previous workspace stays until both are done. */
export async function runImport(
  files: FileToImport[],
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  confirmShrink?: ImportContext['confirmShrink'],
): Promise<ImportOutcome> {
  return runExclusive('an import', () => importIntoOpenWorkspace(files, onProgress, signal, confirmShrink));
}

async function importIntoOpenWorkspace(
  files: FileToImport[],
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  confirmShrink?: ImportContext['confirmShrink'],
): Promise<ImportOutcome> {
  // The workspace the import started in is the one it saves into, whatever happens meanwhile.
  const access = currentAccess();
  const { duck } = await openWorkspace();
  signal?.addEventListener('abort', cancelIngestWorker, { once: true });
  const started = performance.now();
  const result = await importFiles(files, {
    conn: duck.write,
    stage: stageInWorker(signal),
    scan: (file, plan): Promise<ScanResult> =>
      plan.dialect
        ? untilAborted<ScanResult>(ingestWorker().scan(file, plan.dialect, plan.headers.length), signal)
        : Promise.resolve<ScanResult>({ clean: false, reason: 'not delimited' }),
    today: new Date().toISOString().slice(0, 10),
    onProgress,
    signal,
    confirmShrink,
  });
  // Named measures let the benchmark read how long each step took in the real app.
  performance.measure('lantern:import', { start: started, end: performance.now() });
  onProgress({ fileName: '', phase: 'saving', rowsRead: 0, fraction: 1 });
  const saveStarted = performance.now();
  // No cancelling from here on (the Cancel button is gone while saving): the tables are already swapped.
  let committed: Awaited<ReturnType<StoreWorkerApi['commitTables']>>;
  try {
    const exported = await exportTables(duck.write, result.changedTables);
    const buffers = exported.flatMap((t) => t.chunks.map((c) => c.buffer as ArrayBuffer));
    committed = await storeWorker().commitTables(transfer(exported, buffers), result.reports, access);
  } catch (error) {
    // Saving failed (for example, the disk is full): go back to what is stored, so what the page shows is what survives a reload.
    await reloadStoredWorkspace(duck, access);
    throw new Error(`The import could not be saved on this device (${(error as Error).message}); nothing was changed.`);
  }
  const { manifest, obsoleteTables } = committed;
  noteStored(manifest, 'committed');
  await liveStoreHooks?.afterCommit(duck.write, result.changedTables);
  for (const t of obsoleteTables) await duck.write.query(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
  performance.measure('lantern:save', { start: saveStarted, end: performance.now() });
  return { ...result, manifest };
}

/**
 * Drops every table in DuckDB and loads the stored workspace again; what live events wrote and this tab
 * has not stored (kept in temporary tables) is then applied again, so it is not lost.
 */
async function reloadStoredWorkspace(duck: LanternDuckDb, access: WorkspaceAccess): Promise<void> {
  await liveStoreHooks?.beforeReload(duck.write, matchedTables);
  await dropAllTables(duck.write, true);
  await restoreFromStore(duck.write, access);
  await liveStoreHooks?.afterReload(duck.write);
}

/** How the live queue keeps its unstored rows through this module's commits and reloads. */
export interface LiveStoreHooks {
  /** This tab stored these tables (whole or appended). */
  afterCommit(conn: SqlStore, tables: readonly string[]): Promise<void>;
  /** This tab's DuckDB is about to be reloaded; `stored` is what storage held when it last matched it. */
  beforeReload(conn: SqlStore, stored: WorkspaceManifest['tables'] | null): Promise<void>;
  /** This tab's DuckDB was just reloaded from storage. */
  afterReload(conn: SqlStore): Promise<void>;
}

let liveStoreHooks: LiveStoreHooks | null = null;

export function setLiveStoreHooks(hooks: LiveStoreHooks): void {
  liveStoreHooks = hooks;
}

let importCounter = 0;

/** A short id for table names of one imported file. */
export function newImportId(): string {
  return `${Date.now().toString(36)}${(++importCounter).toString(36)}`;
}

/** Generates the demo data in the worker and imports it like dropped files. */
export async function loadDemo(onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportOutcome> {
  const files = await ingestWorker().demoFiles({});
  const items: FileToImport[] = [];
  for (const demo of files) {
    const file = new File([demo.text], demo.name, { type: 'text/csv' });
    const sniff = await ingestWorker().sniff(file);
    if (!sniff.ok) throw new Error(sniff.message);
    const proposal = proposeMapping(sampleFromSniff(sniff));
    items.push({
      id: newImportId(),
      file,
      options: proposal.options,
      plan: planFromSniff(sniff),
    });
  }
  return runImport(items, onProgress, signal);
}

// A rejects table's own columns beside the file's: written as row, column and reason.
const REJECT_FIELDS = new Set(['_row', '_column', '_reason']);

/** The rejected rows of one imported file as a CSV file (built inside DuckDB's worker). */
export async function rejectsCsv(rejectsTable: string): Promise<Blob> {
  const { duck } = await openWorkspace();
  const fileName = `${rejectsTable}.csv`;
  const columns = await duck.read.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${sqlString(rejectsTable)} ORDER BY ordinal_position`,
  );
  const select = columns
    .map(({ name }) => (REJECT_FIELDS.has(name) ? `${sqlIdent(name)} AS ${sqlIdent(name.slice(1))}` : sqlIdent(name)))
    .join(', ');
  return queryToCsv(duck, `SELECT ${select} FROM ${sqlIdent(rejectsTable)} ORDER BY _row`, fileName);
}

/**
 * A query's result as a CSV file, written by DuckDB in its own worker (no rows pass through the page),
 * every text cell formula-safe (formulaSafeSelect): the one way DuckDB's downloads are written, as
 * toCsvText is for the page's.
 */
export async function queryToCsv(duck: LanternDuckDb, selectSql: string, fileName: string): Promise<Blob> {
  const safe = await formulaSafeSelect(duck.read, selectSql);
  await duck.read.query(`COPY (${safe}) TO ${sqlString(fileName)} (HEADER, DELIMITER ',')`);
  const bytes = await duck.db.copyFileToBuffer(fileName);
  await duck.db.dropFile(fileName);
  return new Blob([bytes as BlobPart], { type: 'text/csv' });
}

/** Deletes every table and all of IndexedDB (every workspace); the caller reloads the page. */
export async function deleteEverything(): Promise<void> {
  const duck = await getDuckDb();
  clearSession();
  opened = null;
  await dropAllTables(duck.write);
  await storeWorker().deleteDatabase();
}

let featuresMemo: { key: string; summary: CustomerFeaturesSummary } | null = null;

/**
 * The per-customer features of the open workspace as of its analysis date, computed again only when the
 * session, the analysis date (live purchases move it) or the imported data changed (1.5 s for 1M
 * purchases, so worth skipping).
 */
export async function customerFeatures(): Promise<CustomerFeaturesSummary> {
  const { duck } = await openWorkspace();
  const { settings, imports } = await storeWorker().loadManifest(currentAccess());
  const present = await duck.write.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'customer_features'`,
  );
  // Live purchases move the last purchase day without an import.
  const lastDay =
    settings.analysisDate ??
    (present.length > 0
      ? ((
          await duck.write.query<{ d: string | null }>(
            `SELECT CAST(CAST(max(purchase_date) AS DATE) AS VARCHAR) AS d FROM purchases`,
          )
        )[0]?.d ?? 'none')
      : 'none');
  const key = [sessionGeneration(), lastDay, ...imports.map((r) => r.id)].join('|');
  if (featuresMemo?.key === key && present.length > 0) return featuresMemo.summary;
  const summary = await computeCustomerFeatures(duck.write, settings.analysisDate ?? undefined);
  featuresMemo = { key, summary };
  return summary;
}

/** Sets the day features and models are computed as of (null = the last purchase day). */
export async function setOpenAnalysisDate(analysisDate: string | null): Promise<void> {
  refuseWhileBusy('change settings');
  if (analysisDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(analysisDate)) {
    throw new Error(`"${analysisDate}" is not a date (YYYY-MM-DD).`);
  }
  const access = currentAccess();
  noteStored(await withWriteLock(() => storeWorker().updateSettings(access, { analysisDate })), 'settings');
}

/** Whether Lantern refits the prediction models by itself when drift or an accuracy drop calls for it. */
export async function setOpenAutoRefit(autoRefit: boolean): Promise<void> {
  refuseWhileBusy('change settings');
  const access = currentAccess();
  noteStored(await withWriteLock(() => storeWorker().updateSettings(access, { autoRefit })), 'settings');
}

/** Saves tables of the open workspace (and a manifest patch) in one commit in the store worker. */
export async function saveWorkspaceTables(
  tables: string[],
  patch: ManifestPatch,
  /** Builds the tables in DuckDB first; if it or the save fails, DuckDB goes back to what is stored. */
  write: (conn: SqlStore) => Promise<void> = () => Promise.resolve(),
  /** Tables stored by appending another table's rows to them (see exportTables). */
  appendFrom: Record<string, string> = {},
): Promise<WorkspaceManifest> {
  const access = currentAccess();
  const { duck } = await openWorkspace();
  try {
    await write(duck.write);
    const exported = await exportTables(duck.write, tables, appendFrom);
    const buffers = exported.flatMap((t) => t.chunks.map((c) => c.buffer as ArrayBuffer));
    const { manifest } = await storeWorker().commitTables(transfer(exported, buffers), [], access, patch);
    noteStored(manifest, 'committed');
    await liveStoreHooks?.afterCommit(duck.write, tables);
    return manifest;
  } catch (error) {
    await reloadStoredWorkspace(duck, access);
    throw new Error(`The result could not be saved on this device (${(error as Error).message}); nothing was changed.`);
  }
}
