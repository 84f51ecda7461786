// Real-world export shapes through the whole import path: what gets mapped, kept, rejected and
// labelled, checked against the figures in tests/fixtures/shapes/README.md and the CDNOW reference.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const SHAPES = path.join(FIXTURES, 'shapes');
const CDNOW = path.resolve(import.meta.dirname, '../../../../shared/data/cdnow');

const db = suiteDuckDb();

const one = async <T extends Record<string, unknown>>(sql: string) => (await db.query<T>(sql))[0] as T;

describe('real-world export shapes', () => {
  it('Online Retail: amount = quantity × price, "C" invoices kept as returns, rows without customer rejected', async () => {
    const [report] = await importWithProposal(db, [fileFrom(path.join(SHAPES, 'online-retail.csv'))]);
    expect(report).toMatchObject({ kind: 'purchases', rowsRead: 45, accepted: 37, rejected: 8, returns: 5 });
    const sums = await one<{ returns: number; sales: number; customers: number }>(
      `SELECT sum(amount) FILTER (is_return) AS returns, sum(amount) FILTER (NOT is_return) AS sales,
              count(DISTINCT customer_id) AS customers FROM purchases`,
    );
    expect(sums.returns).toBeCloseTo(-57.3, 6);
    expect(sums.sales).toBeCloseTo(823.0, 6);
    expect(sums.customers).toBe(8); // "17850.0" and "17850" are one customer
    const rejects = await db.query<{ _reason: string }>(`SELECT _reason FROM ${report!.rejectsTable}`);
    expect(rejects.every((r) => r._reason === 'CustomerID: missing required value')).toBe(true);
    const first = await one<{ d: string }>(`SELECT strftime(min(purchase_date), '%Y-%m-%d %H:%M') AS d FROM purchases`);
    expect(first.d).toBe('2010-12-01 08:26');
  });

  it('Shopify orders: line value = quantity × price, the order without an email rejected', async () => {
    const [report] = await importWithProposal(db, [fileFrom(path.join(SHAPES, 'shopify-orders.csv'))]);
    expect(report).toMatchObject({ kind: 'purchases', rowsRead: 23, accepted: 22, rejected: 1 });
    const sums = await one<{ total: number; customers: number; orders: number; first: string }>(
      `SELECT sum(amount) AS total, count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders,
              strftime(min(purchase_date), '%Y-%m-%d %H:%M:%S') AS first FROM purchases`,
    );
    expect(sums.total).toBeCloseTo(428.7, 6);
    expect(sums.customers).toBe(7);
    expect(sums.orders).toBe(10);
    expect(sums.first).toBe('2024-03-01 14:05:11'); // local wall-clock time, offset dropped
  });

  it('CDNOW log (no header, spaces): customer, YYYYMMDD date, CDs and dollars found from the values', async () => {
    const [report] = await importWithProposal(db, [fileFrom(path.join(SHAPES, 'cdnow-like.txt'))]);
    expect(report).toMatchObject({ rowsRead: 30, accepted: 30, rejected: 0 });
    const sums = await one<{ dollars: number; cds: number; customers: number; last: string }>(
      `SELECT sum(amount) AS dollars, sum(quantity) AS cds, count(DISTINCT customer_id) AS customers,
              strftime(max(purchase_date), '%Y-%m-%d') AS last FROM purchases`,
    );
    expect(sums).toMatchObject({ cds: 61, customers: 8, last: '1998-06-20' });
    expect(sums.dollars).toBeCloseTo(1410.56, 6);
  });

  it('the full CDNOW sample and master logs import whole', async () => {
    const [sample] = await importWithProposal(db, [fileFrom(path.join(CDNOW, 'CDNOW_sample.txt'))]);
    expect(sample).toMatchObject({ rowsRead: 6919, accepted: 6919, rejected: 0 });
    expect((await one<{ n: number }>('SELECT count(DISTINCT customer_id) AS n FROM purchases')).n).toBe(2357);
    const [master] = await importWithProposal(db, [fileFrom(path.join(CDNOW, 'CDNOW_master.txt'))]);
    expect(master).toMatchObject({ rowsRead: 69659, accepted: 69659, rejected: 0 });
    expect((await one<{ n: number }>('SELECT count(DISTINCT customer_id) AS n FROM purchases')).n).toBe(23570);
  });

  it('campaigns and daily performance: sums kept, the two disagreeing ratio rows flagged', async () => {
    const reports = await importWithProposal(db, [
      fileFrom(path.join(SHAPES, 'campaigns.csv')),
      fileFrom(path.join(SHAPES, 'performance.csv')),
    ]);
    expect(reports.map((r) => [r.kind, r.accepted, r.rejected])).toEqual([
      ['campaigns', 8, 0],
      ['performance', 80, 0],
    ]);
    const sums = await one<{ revenue: number; cost: number; impressions: number }>(
      'SELECT sum(revenue) AS revenue, sum(cost) AS cost, CAST(sum(impressions) AS BIGINT) AS impressions FROM campaign_performance',
    );
    expect(sums.revenue).toBeCloseTo(40732.32, 6);
    expect(sums.cost).toBeCloseTo(7698.4, 6);
    expect(sums.impressions).toBe(994596);
    const flagged = await db.query<{ row: number; mismatch: string }>(
      'SELECT source_row AS row, ratio_mismatch AS mismatch FROM campaign_performance WHERE ratio_mismatch IS NOT NULL ORDER BY row',
    );
    expect(flagged).toEqual([
      { row: 25, mismatch: 'ctr' },
      { row: 58, mismatch: 'roas' },
    ]);
  });

  it('customers with their purchases: all accepted, returns labelled', async () => {
    const reports = await importWithProposal(db, [
      fileFrom(path.join(SHAPES, 'purchases.csv')),
      fileFrom(path.join(SHAPES, 'customers.csv')),
    ]);
    expect(reports.map((r) => [r.kind, r.rowsRead, r.accepted, r.returns, r.createdCustomers])).toEqual([
      ['customers', 20, 20, 0, 0],
      ['purchases', 60, 60, 2, 0],
    ]);
    const sums = await one<{ all: number; sales: number }>(
      'SELECT sum(amount) AS all, sum(amount) FILTER (NOT is_return) AS sales FROM purchases',
    );
    expect(sums.all).toBeCloseTo(3859.19, 6);
    expect(sums.sales).toBeCloseTo(3929.08, 6);
  });
});
