// Live events written into the demo workspace in Node's DuckDB: the incrementally kept customer metrics
// equal a full recompute over every purchase, campaign-days add up, and re-sent ids are rejected.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveAggregator } from '../../../src/analytics/live/liveAggregator';
import { EventSimulator } from '../../../src/analytics/live/simulateEvents';
import { mulberry32 } from '../../../src/analytics/random';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import {
  CUSTOMER_METRICS_TABLE,
  applyLiveBatch,
  customerMetricsSql,
  rebuildCustomerMetrics,
} from '../../../src/data/live/applyLiveBatch';
import { encodeLiveBatch } from '../../../src/data/ingestion/liveBatchArrow';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

let db: Awaited<ReturnType<typeof openNodeDuckDb>>;

beforeAll(async () => {
  db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  await rebuildCustomerMetrics(db);
}, 120_000);
afterAll(() => db?.close());

const metricsRows = (sql: string) =>
  db
    .query<{
      customer_id: string;
      purchases: number;
      monetary: number;
      first_purchase: unknown;
      last_purchase: unknown;
    }>(
      `SELECT customer_id, purchases::DOUBLE AS purchases, round(monetary, 6) AS monetary,
         strftime(first_purchase, '%Y-%m-%d %H:%M:%S') AS first_purchase, strftime(last_purchase, '%Y-%m-%d %H:%M:%S') AS last_purchase
       FROM (${sql}) ORDER BY customer_id`,
    )
    .then((rows) => rows.map((r) => ({ ...r, purchases: Number(r.purchases), monetary: Number(r.monetary) })));

describe('live events in DuckDB', () => {
  it('keep customer metrics and campaign days equal to a full recompute (random batches)', async () => {
    const customers = (
      await db.query<{ id: string }>('SELECT DISTINCT customer_id AS id FROM purchases LIMIT 300')
    ).map((r) => r.id);
    const campaigns = (
      await db.query<{ id: string }>('SELECT DISTINCT campaign_id AS id FROM campaign_performance')
    ).map((r) => r.id);
    const [before] = await db.query<{ n: number; cost: number; clicks: number }>(
      'SELECT count(*) AS n, sum(cost) AS cost, sum(clicks) AS clicks FROM campaign_performance',
    );
    const [purchasesBefore] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases');
    const simulator = new EventSimulator({
      customerIds: customers,
      campaignIds: campaigns,
      categories: ['books', 'music'],
      seed: 3,
    });
    const live = new LiveAggregator();
    const random = mulberry32(9);
    let written = 0;
    let liveCost = 0;
    let liveClicks = 0;
    const sent: unknown[] = [];
    for (let round = 0; round < 12; round++) {
      const at = new Date(Date.UTC(2026, 10, 1 + round, 10)).toISOString();
      const events: unknown[] = simulator.next(200 + Math.floor(random() * 300), at);
      // some events sent twice, and an id the data already has
      if (sent.length) events.push(sent[Math.floor(random() * sent.length)]);
      sent.push(...events.slice(0, 5));
      live.push(events);
      const batch = live.drain();
      liveCost += batch.campaignDays.reduce((s, d) => s + d.cost, 0);
      liveClicks += batch.campaignDays.reduce((s, d) => s + d.clicks, 0);
      written += (await applyLiveBatch(db, encodeLiveBatch(batch))).purchases;
    }
    const [{ id: storedId }] = (await db.query<{ id: string }>(
      'SELECT id FROM purchases WHERE id IS NOT NULL LIMIT 1',
    )) as [{ id: string }];
    live.push([{ type: 'purchase', id: storedId, customerId: customers[0], at: '2026-11-20', amount: 5 }]);
    const again = await applyLiveBatch(db, encodeLiveBatch(live.drain()));
    expect(again.purchases).toBe(0);
    expect(again.rejects.map((r) => r.reason)).toEqual(['duplicate id (already in the data)']);

    const [purchasesAfter] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases');
    expect(Number(purchasesAfter!.n)).toBe(Number(purchasesBefore!.n) + written);
    expect(written).toBeGreaterThan(1000);
    expect(await metricsRows(`SELECT * FROM ${CUSTOMER_METRICS_TABLE}`)).toEqual(
      await metricsRows(customerMetricsSql('purchases')),
    );
    const [after] = await db.query<{ n: number; cost: number; clicks: number }>(
      'SELECT count(*) AS n, sum(cost) AS cost, sum(clicks) AS clicks FROM campaign_performance',
    );
    expect(Number(after!.cost)).toBeCloseTo(Number(before!.cost) + liveCost, 6);
    expect(Number(after!.clicks)).toBeCloseTo(Number(before!.clicks) + liveClicks, 6);
    // one row per campaign and day still
    const [dupes] = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM (SELECT campaign_id, date FROM campaign_performance GROUP BY 1, 2 HAVING count(*) > 1)',
    );
    expect(Number(dupes!.n)).toBe(0);
  });
});
