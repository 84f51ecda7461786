// Storing live rows without re-exporting everything, and keeping them through a reload, in Node
// (duckdb-wasm + fake-indexeddb): new purchases are appended to the stored table as one more chunk and
// come back whole in a fresh DuckDB; rows not stored yet survive another tab's stored change (applied
// again on top of it); and a table changed some other way is stored whole.

import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveAggregator } from '../../../src/analytics/live/liveAggregator';
import { EventSimulator } from '../../../src/analytics/live/simulateEvents';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import { encodeLiveBatch } from '../../../src/data/ingestion/liveBatchArrow';
import { applyLiveBatch, rebuildCustomerMetrics } from '../../../src/data/live/applyLiveBatch';
import {
  captureUnstored,
  forgetStored,
  replayUnstored,
  unstoredPurchasesView,
} from '../../../src/data/live/unstoredLiveRows';
import { LanternDb } from '../../../src/data/store/lanternDb';
import {
  commitTables,
  dropAllTables,
  exportTables,
  loadManifest,
  restoreWorkspace,
  saveImport,
} from '../../../src/data/store/workspaceSnapshot';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

type Duck = Awaited<ReturnType<typeof openNodeDuckDb>>;
const opened: Duck[] = [];
let tab: Duck;
const storage = new LanternDb('unstored-live-rows');
const LIVE_TABLES = ['purchases', 'campaign_performance', 'customer_metrics'];
let simulator: EventSimulator;
const live = new LiveAggregator();
let day = 0;

async function duck(): Promise<Duck> {
  const d = await openNodeDuckDb();
  opened.push(d);
  return d;
}

/** A few live batches written into `tab`'s DuckDB. */
async function liveBatches(n: number) {
  for (let i = 0; i < n; i++) {
    live.push(simulator.next(400, new Date(Date.UTC(2026, 10, 5 + ++day, 12)).toISOString()));
    await applyLiveBatch(tab, encodeLiveBatch(live.drain()));
  }
}

/** What a table holds, independent of row order. */
const fingerprint = async (d: Duck) => {
  const [p] = await d.query<{ n: number; amount: number; ids: number }>(
    `SELECT count(*) AS n, round(sum(amount), 4) AS amount, count(DISTINCT id) AS ids FROM purchases`,
  );
  const [c] = await d.query<{ rows: number; cost: number; clicks: number }>(
    `SELECT count(*) AS rows, round(sum(cost), 4) AS cost, sum(clicks)::DOUBLE AS clicks FROM campaign_performance`,
  );
  return { purchases: p, campaigns: c };
};

/** Rows of the stored purchases when `tab` last matched storage. */
let matchedRows = 0;

async function storeLive(appendPurchases: boolean) {
  const manifest = await loadManifest(storage);
  const view = await unstoredPurchasesView(tab, manifest.tables.purchases);
  expect(view !== null).toBe(appendPurchases);
  const exported = await exportTables(tab, LIVE_TABLES, view ? { purchases: view } : {});
  const { manifest: next } = await commitTables(storage, exported, []);
  await forgetStored(tab, LIVE_TABLES);
  matchedRows = next.tables.purchases!.rows;
  return { before: manifest, after: next };
}

beforeAll(async () => {
  tab = await duck();
  const reports = await importWithProposal(
    tab,
    demoFiles({ customers: 1000 }).map((f) => fileFrom(f.name, f.text)),
  );
  const changed = [...new Set(reports.map((r) => r.table)), ...reports.map((r) => r.rejectsTable)];
  matchedRows = (await saveImport(tab, storage, changed, reports)).tables.purchases!.rows;
  await rebuildCustomerMetrics(tab);
  const customerIds = (
    await tab.query<{ id: string }>('SELECT DISTINCT customer_id AS id FROM purchases LIMIT 200')
  ).map((r) => r.id);
  const campaignIds = (
    await tab.query<{ id: string }>('SELECT DISTINCT campaign_id AS id FROM campaign_performance')
  ).map((r) => r.id);
  simulator = new EventSimulator({ customerIds, campaignIds, categories: ['books'], seed: 21 });
}, 180_000);
afterAll(() => opened.forEach((d) => d.close()));

describe('unstored live rows', () => {
  it('append new purchases to the stored table as one more chunk, and restore whole', async () => {
    await liveBatches(3);
    const { before, after } = await storeLive(true);
    const stored = after.tables.purchases!;
    expect(stored.blobIds.slice(0, -1)).toEqual(before.tables.purchases!.blobIds);
    expect(stored.blobIds).toHaveLength(before.tables.purchases!.blobIds.length + 1);
    const expected = await fingerprint(tab);
    expect(stored.rows).toBe(Number(expected.purchases!.n));
    const fresh = await duck();
    await restoreWorkspace(fresh, storage);
    expect(await fingerprint(fresh)).toEqual(expected);
  });

  it('keep rows not stored yet through another tab’s stored change, applied on top of it', async () => {
    await liveBatches(2);
    const mine = await fingerprint(tab);
    const stored = await fingerprint(await restoredCopy());
    // Another tab adds a purchase and a campaign's cost, and stores both tables whole.
    const other = await restoredCopy();
    await other.query(
      `INSERT INTO purchases BY NAME SELECT 'other-tab-1' AS id, customer_id, purchase_date, 99.5 AS amount FROM purchases LIMIT 1`,
    );
    await other.query(
      `UPDATE campaign_performance SET cost = cost + 10 WHERE rowid = (SELECT min(rowid) FROM campaign_performance)`,
    );
    await commitTables(storage, await exportTables(other, ['purchases', 'campaign_performance']), []);
    // This tab takes the change in: keep its unstored rows, reload from storage, apply them again.
    await captureUnstored(tab, matchedRows);
    await dropAllTables(tab, true);
    await restoreWorkspace(tab, storage);
    expect(await replayUnstored(tab)).toBe(true);
    const merged = await fingerprint(tab);
    const mineOnly = Number(mine.purchases!.n) - Number(stored.purchases!.n);
    expect(Number(merged.purchases!.n)).toBe(Number(stored.purchases!.n) + 1 + mineOnly);
    expect(Number(merged.purchases!.amount)).toBeCloseTo(Number(mine.purchases!.amount) + 99.5, 4);
    expect(Number(merged.campaigns!.cost)).toBeCloseTo(Number(mine.campaigns!.cost) + 10, 4);
    expect(Number(merged.campaigns!.clicks)).toBe(Number(mine.campaigns!.clicks));
    // Still appendable: the stored rows plus this tab's are exactly what DuckDB holds.
    await rebuildCustomerMetrics(tab);
    await storeLive(true);
    const fresh = await duck();
    await restoreWorkspace(fresh, storage);
    expect(await fingerprint(fresh)).toEqual(merged);
  });

  it('store the whole table when purchases changed some other way', async () => {
    await liveBatches(1);
    await tab.query(`DELETE FROM purchases WHERE id = 'other-tab-1'`);
    const { after } = await storeLive(false);
    expect(after.tables.purchases!.blobIds.length).toBeLessThanOrEqual(2);
    const fresh = await duck();
    await restoreWorkspace(fresh, storage);
    expect(await fingerprint(fresh)).toEqual(await fingerprint(tab));
  });
});

async function restoredCopy(): Promise<Duck> {
  const d = await duck();
  await restoreWorkspace(d, storage);
  return d;
}
