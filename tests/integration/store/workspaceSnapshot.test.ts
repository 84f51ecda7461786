// Persistence in Node: IndexedDB (fake-indexeddb) through Dexie, and DuckDB-WASM's Node build.
// A workspace saved from one DuckDB comes back whole in a fresh one; a failed save changes nothing.

import 'fake-indexeddb/auto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LanternDb } from '../../../src/data/store/lanternDb';
import { dropAllTables, loadManifest, restoreWorkspace, saveImport } from '../../../src/data/store/workspaceSnapshot';
import { FIXTURES, fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

const SHAPES = path.join(FIXTURES, 'shapes');
let dbName = 0;
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

async function freshDuckDb() {
  const duck = await openNodeDuckDb();
  opened.push(duck);
  return duck;
}

const snapshotOf = (duck: Awaited<ReturnType<typeof openNodeDuckDb>>, table: string) =>
  duck.query(`SELECT * FROM ${table} ORDER BY ALL`);

describe('workspace snapshot in IndexedDB', () => {
  it('restores every table, with its types, into a fresh DuckDB', async () => {
    const storage = new LanternDb(`test-${++dbName}`);
    const first = await freshDuckDb();
    const files = ['customers.csv', 'purchases.csv', 'campaigns.csv', 'performance.csv'].map((f) =>
      fileFrom(path.join(SHAPES, f)),
    );
    const reports = await importWithProposal(first, files);
    const changed = [...new Set(reports.map((r) => r.table)), ...reports.map((r) => r.rejectsTable)];
    const manifest = await saveImport(first, storage, changed, reports);
    expect(manifest.tables.purchases?.rows).toBe(60);

    const second = await freshDuckDb();
    const restored = await restoreWorkspace(second, storage);
    expect(restored.imports.map((r) => [r.fileName, r.rowsRead, r.accepted, r.rejected])).toEqual(
      reports.map((r) => [r.fileName, r.rowsRead, r.accepted, r.rejected]),
    );
    for (const table of ['customers', 'purchases', 'campaigns', 'campaign_performance']) {
      expect(await snapshotOf(second, table)).toEqual(await snapshotOf(first, table));
    }
    const types = await second.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'purchases' AND column_name IN ('purchase_date', 'amount', 'is_return') ORDER BY column_name`,
    );
    expect(types.map((t) => t.data_type)).toEqual(['DOUBLE', 'BOOLEAN', 'TIMESTAMP']);
    storage.close();
  });

  it('stores a large table in several chunks and reads them back in order', async () => {
    const storage = new LanternDb(`test-${++dbName}`);
    const duck = await freshDuckDb();
    const [report] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'online-retail.csv'))]);
    const smallChunks = { ...duck, exportArrowIpc: (t: string) => duck.exportArrowIpc(t, 1024) };
    const manifest = await saveImport(smallChunks, storage, ['purchases', report!.rejectsTable], [report!]);
    expect(manifest.tables.purchases?.blobIds.length).toBeGreaterThan(2);
    const fresh = await freshDuckDb();
    await restoreWorkspace(fresh, storage);
    expect(await fresh.query('SELECT * FROM purchases')).toEqual(await duck.query('SELECT * FROM purchases'));
    storage.close();
  });

  it('a save that fails part-way leaves the stored workspace as it was', async () => {
    const storage = new LanternDb(`test-${++dbName}`);
    const duck = await freshDuckDb();
    const [report] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'purchases.csv'))]);
    await saveImport(duck, storage, ['purchases', report!.rejectsTable], [report!]);
    const before = await loadManifest(storage);

    const [second] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'online-retail.csv'))]);
    const failing = {
      ...duck,
      exportArrowIpc: (t: string) =>
        t === 'purchases' ? Promise.reject(new Error('tab closed')) : duck.exportArrowIpc(t),
    };
    await expect(saveImport(failing, storage, [second!.rejectsTable, 'purchases'], [second!])).rejects.toThrow(
      'tab closed',
    );
    expect(await loadManifest(storage)).toEqual(before);

    const fresh = await freshDuckDb();
    await restoreWorkspace(fresh, storage);
    expect(await fresh.query('SELECT count(*) AS n FROM purchases')).toEqual([{ n: 60 }]);
    storage.close();
  });

  it('replacing a table drops the old import and its rejects from the workspace', async () => {
    const storage = new LanternDb(`test-${++dbName}`);
    const duck = await freshDuckDb();
    const [old] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'online-retail.csv'))]);
    await saveImport(duck, storage, ['purchases', old!.rejectsTable], [old!]);
    const [next] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'purchases.csv'))]);
    const manifest = await saveImport(duck, storage, ['purchases', next!.rejectsTable], [next!]);
    expect(manifest.imports.map((r) => r.fileName)).toEqual(['purchases.csv']);
    expect(Object.keys(manifest.tables).sort()).toEqual(['purchases', next!.rejectsTable].sort());
    expect(await storage.chunks.count()).toBe(2);
    storage.close();
  });

  it('"Delete all local data" empties IndexedDB and DuckDB', async () => {
    const name = `test-${++dbName}`;
    const storage = new LanternDb(name);
    const duck = await freshDuckDb();
    const [report] = await importWithProposal(duck, [fileFrom(path.join(SHAPES, 'purchases.csv'))]);
    await saveImport(duck, storage, ['purchases', report!.rejectsTable], [report!]);
    // what deleteEverything does: the tables in DuckDB, then the database in the store worker
    await dropAllTables(duck);
    await storage.delete();
    expect(await duck.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main'`)).toEqual(
      [{ n: 0 }],
    );
    const reopened = new LanternDb(name);
    expect(await reopened.chunks.count()).toBe(0);
    expect(await reopened.manifests.count()).toBe(0);
    reopened.close();
  });
});
