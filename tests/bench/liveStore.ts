// What storing live purchases costs with a big stored table, in Node (duckdb-wasm + fake-indexeddb, the
// app's own export and commit): 1M purchases stored, then the rows of 10 s at 20,000 purchases a second
// added, stored once by appending them as one more chunk and once by exporting the whole table again.

import 'fake-indexeddb/auto';
import { unstoredPurchasesView } from '../../src/data/live/unstoredLiveRows';
import { LanternDb } from '../../src/data/store/lanternDb';
import { commitTables, exportTables, loadManifest } from '../../src/data/store/workspaceSnapshot';
import { openNodeDuckDb } from '../support/nodeDuckDb';

export interface LiveStoreRun {
  storedRows: number;
  newRows: number;
  appendMs: number;
  wholeMs: number;
}

const purchasesSql = (from: number, to: number) =>
  `SELECT 'p' || i AS id, 'C' || (i % 50000) AS customer_id, TIMESTAMP '2026-01-01' + INTERVAL (i % 300) DAY AS purchase_date,
     (i % 97) + 0.5 AS amount, 'books' AS category, 'web' AS channel, false AS is_return, 'live events' AS source_file
   FROM range(${from}, ${to}) t(i)`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function liveStoreRun(storedRows = 1_000_000, newRows = 200_000): Promise<LiveStoreRun> {
  const duck = await openNodeDuckDb();
  const storage = new LanternDb(`bench-live-store-${Date.now()}`);
  try {
    await duck.query(`CREATE TABLE purchases AS ${purchasesSql(0, storedRows)}`);
    await commitTables(storage, await exportTables(duck, ['purchases']), []);
    await duck.query(`INSERT INTO purchases ${purchasesSql(storedRows, storedRows + newRows)}`);
    const stored = (await loadManifest(storage)).tables.purchases;
    const appendMs = await timed(async () => {
      const view = await unstoredPurchasesView(duck, stored);
      if (!view) throw new Error('The new rows could not be appended.');
      await commitTables(storage, await exportTables(duck, ['purchases'], { purchases: view }), []);
    });
    const wholeMs = await timed(async () => commitTables(storage, await exportTables(duck, ['purchases']), []));
    return { storedRows, newRows, appendMs, wholeMs };
  } finally {
    duck.close();
    await storage.delete();
  }
}
