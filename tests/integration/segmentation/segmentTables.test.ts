// Segmentation on the demo data in Node DuckDB: the result tables, the audience export (formula-safe,
// with email and phone), and the RFM counts adding up.

import { beforeAll, describe, expect, it } from 'vitest';
import { formulaSafeSelect } from '../../../src/data/csvExportSql';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import {
  audienceSql,
  countCustomers,
  customerListColumns,
  readCustomerWindow,
  readRfmGrid,
  readRfmSegments,
  readSegmentMix,
} from '../../../src/data/segmentation/segmentQueries';
import type { SegmentationResult } from '../../../src/analytics/segmentation/segmentCustomers';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';
import { segmentInNode } from '../../support/segmentInNode';

const db = suiteDuckDb();
let result: SegmentationResult;

beforeAll(async () => {
  const files = demoFiles({ customers: 400 }).map((f) => fileFrom(f.name, f.text));
  await importWithProposal(db, files);
  result = await segmentInNode(db);
}, 120_000);

describe('segment tables', () => {
  it('stores every customer’s segment and RFM scores, matching the profiles’ sizes', async () => {
    const [features] = await db.query<{ n: number }>('SELECT count(*) AS n FROM customer_features');
    const sizes = await db.query<{ segment_id: number; n: number }>(
      'SELECT segment_id, count(*) AS n FROM customer_segments GROUP BY ALL ORDER BY segment_id',
    );
    expect(sizes.map((s) => Number(s.n))).toEqual(result.profiles.map((p) => p.size));
    expect(sizes.reduce((s, r) => s + Number(r.n), 0)).toBe(Number(features?.n));
    const segments = await db.query<{ segment_id: number; size: number; name: string; criteria: string }>(
      'SELECT segment_id, size, name, criteria FROM segments ORDER BY segment_id',
    );
    expect(segments.map((s) => s.name)).toEqual(result.profiles.map((p) => p.name));
    const criteria = JSON.parse(segments[0]?.criteria ?? '{}') as { k: number; features: { column: string }[] };
    expect(criteria.k).toBe(result.k);
    expect(criteria.features.map((f) => f.column)).toEqual(result.features.map((f) => f.column));
  });

  it('gives RFM scores 1–5 whose grid and named segments both add up to every customer', async () => {
    const grid = await readRfmGrid(db);
    const named = await readRfmSegments(db);
    const total = result.segmentIds.length;
    expect(grid.reduce((s, c) => s + c.customers, 0)).toBe(total);
    expect(named.reduce((s, c) => s + c.customers, 0)).toBe(total);
    expect(grid.every((c) => c.r >= 1 && c.r <= 5 && c.fm >= 1 && c.fm <= 5)).toBe(true);
    // Quintiles: each recency score holds about a fifth of the customers (ties can move the edges).
    const perR = [1, 2, 3, 4, 5].map((r) => grid.filter((c) => c.r === r).reduce((s, c) => s + c.customers, 0));
    expect(Math.max(...perR)).toBeLessThan(total * 0.3);
  });

  it('names each segment’s commonest category, channel and demographics with their shares', async () => {
    const mix = await readSegmentMix(db);
    expect(mix.map((m) => m.segmentId)).toEqual(result.profiles.map((p) => p.segmentId));
    for (const m of mix) {
      for (const column of ['preferred_category', 'preferred_channel', 'gender', 'location', 'income_range']) {
        const top = m.top[column];
        expect(top?.share).toBeGreaterThan(0);
        expect(top?.share).toBeLessThanOrEqual(1);
      }
    }
    // Worked out again from the raw rows of segment 1: the commonest location and its share.
    const rows = await db.query<{ location: string }>(
      `SELECT f.location FROM customer_segments cs JOIN customer_features f USING (customer_id)
       WHERE cs.segment_id = 1 AND f.location IS NOT NULL`,
    );
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.location, (counts.get(r.location) ?? 0) + 1);
    const best = Math.max(...counts.values());
    const top = mix[0]?.top.location;
    expect(counts.get(top?.value ?? '')).toBe(best);
    expect(top?.share).toBeCloseTo(best / rows.length, 10);
  });

  it('sorts the customer list by every column it shows, and filters by segment', async () => {
    const columns = await customerListColumns(db);
    expect(columns).toEqual(expect.arrayContaining(['customer_id', 'segment', 'rfm_segment', 'rfm_score']));
    for (const sortColumn of columns) {
      for (const descending of [false, true]) {
        const query = { segmentId: null, rfmSegment: null, search: '', sortColumn, descending };
        const rows = await readCustomerWindow(db, query, 0, 20);
        expect(rows, sortColumn).toHaveLength(20);
      }
    }
    const byScore = await readCustomerWindow(
      db,
      { segmentId: null, rfmSegment: null, search: '', sortColumn: 'rfm_score', descending: true },
      0,
      50,
    );
    const scores = byScore.map((r) => Number(r[columns.indexOf('rfm_score')]));
    expect(scores[0]).toBe(555);
    expect(scores.every((s, i) => i === 0 || s <= (scores[i - 1] ?? Infinity))).toBe(true);
    const inSegment = { segmentId: 2, rfmSegment: null, search: '', sortColumn: 'customer_id', descending: false };
    expect(await countCustomers(db, inSegment)).toBe(result.profiles[1]?.size);
  });

  it('exports a segment’s audience with email and phone (E.164), and neutralises formulas', async () => {
    await db.query(`UPDATE customers SET phone = '+1 555 0100', email = '=HYPERLINK("http://x")' WHERE customer_id = (
      SELECT min(customer_id) FROM customer_segments WHERE segment_id = 1)`);
    const rows = await db.query<{ customer_id: string; email: string | null; phone: string | null }>(
      await formulaSafeSelect(db, await audienceSql(db, 1)),
    );
    expect(rows).toHaveLength(result.profiles[0]?.size ?? -1);
    expect(Object.keys(rows[0] ?? {})).toEqual(['customer_id', 'email', 'phone']);
    expect(rows[0]?.email).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[0]?.phone).toBe('+15550100');
    await db.query(`UPDATE customers SET phone = '=2+3' WHERE customer_id = (
      SELECT max(customer_id) FROM customer_segments WHERE segment_id = 1)`);
    const again = await db.query<{ phone: string | null }>(await formulaSafeSelect(db, await audienceSql(db, 1)));
    expect(again.at(-1)?.phone).toBe(`'=2+3`);
    const all = await db.query(await audienceSql(db, null));
    expect(all).toHaveLength(result.segmentIds.length);
    expect(Object.keys(all[0] ?? {})).toEqual(['customer_id', 'email', 'phone', 'segment_id', 'segment']);
  });
});
