// Campaign metrics and the optimisation grid from DuckDB, on the demo's campaigns imported through
// Lantern's import, checked against sums taken directly from the generated rows; then files with a
// ratio that disagrees, a campaign the campaigns file lacks and a campaign without rows.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src/data/demo/generateDemo';
import { demoToCsvFiles } from '../../../src/data/demo/toCsv';
import {
  readBeforeAfter,
  readCampaignDataChecks,
  readCampaignMetrics,
  readDailyTotals,
  readPerformanceRange,
} from '../../../src/data/campaigns/campaignQueries';
import { readCampaignInput, readSegmentValues } from '../../../src/data/campaigns/readCampaignInput';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../../src/analytics/campaigns/campaignSettings';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { demoCampaignGrid } from '../../support/demoCampaignGrid';
import { suiteDuckDb } from '../../support/nodeDuckDb';
import { segmentInNode } from '../../support/segmentInNode';

const db = suiteDuckDb();
const demo = generateDemo({ customers: 300 });

beforeAll(async () => {
  const files = demoToCsvFiles(demo).filter((f) => /campaign|performance/.test(f.name));
  const reports = await importWithProposal(
    db,
    files.map((f) => fileFrom(f.name, f.text)),
  );
  expect(reports.map((r) => r.rejected)).toEqual([0, 0]);
}, 60_000);

const sum = (rows: typeof demo.performance, f: 'cost' | 'revenue' | 'clicks' | 'impressions' | 'conversions') =>
  rows.reduce((s, r) => s + r[f], 0);

describe('campaign metrics in DuckDB', () => {
  it('totals a date range from sums, by campaign, channel and segment alike', async () => {
    const range = { from: '2026-06-01', to: '2026-08-31' };
    const inRange = demo.performance.filter((r) => r.date >= range.from && r.date <= range.to);
    const byCampaign = await readCampaignMetrics(db, range, 'campaign');
    expect(byCampaign.total.cost).toBeCloseTo(sum(inRange, 'cost'), 4);
    expect(byCampaign.total.roas!).toBeCloseTo(sum(inRange, 'revenue') / sum(inRange, 'cost'), 9);
    expect(byCampaign.total.ctr!).toBeCloseTo(sum(inRange, 'clicks') / sum(inRange, 'impressions'), 12);
    // the total is not the mean of the campaigns' ROAS
    const meanOfRatios = byCampaign.rows.reduce((s, r) => s + r.roas!, 0) / byCampaign.rows.length;
    expect(Math.abs(meanOfRatios - byCampaign.total.roas!)).toBeGreaterThan(0.1);
    const one = byCampaign.rows.find((r) => r.key === 'CMP-001')!;
    const rows = inRange.filter((r) => r.campaign_id === 'CMP-001');
    expect(one.label).toBe(demo.campaigns[0]!.name);
    expect(one.days).toBe(rows.length);
    expect(one.cpa!).toBeCloseTo(sum(rows, 'cost') / sum(rows, 'conversions'), 9);
    for (const grouping of ['channel', 'segment', 'day'] as const) {
      const table = await readCampaignMetrics(db, range, grouping);
      expect(table.rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(byCampaign.total.revenue, 4);
    }
    const daily = await readDailyTotals(db, range, 'CMP-001');
    expect(daily).toHaveLength(rows.length);
    expect(daily[0]!.cpc!).toBeCloseTo(rows[0]!.cost / rows[0]!.clicks, 9);
  });

  it('builds the same campaign × day grid as the generated rows', async () => {
    const range = (await readPerformanceRange(db))!;
    const input = await readCampaignInput(db, range, DEFAULT_CAMPAIGN_SETTINGS, null);
    const expected = demoCampaignGrid(demo);
    expect(input.dates).toEqual(expected.dates);
    expect(input.campaigns.map((c) => c.id)).toEqual(expected.campaigns.map((c) => c.id));
    expect(input.campaigns[0]).toEqual(expected.campaigns[0]);
    for (const f of ['cost', 'revenue', 'clicks', 'impressions', 'conversions'] as const) {
      expect(Array.from(input[f])).toEqual(Array.from(expected[f]));
    }
    expect(input.segments).toBeNull();
  });

  it('splits a campaign’s days before and after a date', async () => {
    const { before, after } = await readBeforeAfter(db, 'CMP-001', '2026-10-01', 28);
    const rows = demo.performance.filter((r) => r.campaign_id === 'CMP-001');
    const beforeRows = rows.filter((r) => r.date >= '2026-09-03' && r.date < '2026-10-01');
    expect(before.days).toBe(beforeRows.length);
    expect(before.cost).toBeCloseTo(sum(beforeRows, 'cost'), 6);
    expect(after.days).toBe(rows.filter((r) => r.date >= '2026-10-01').length);
  });
});

describe('campaign data checks', () => {
  it('reports disagreeing ratios, unknown campaigns and campaigns without rows, keeping every row', async () => {
    const performance = [
      'campaign_id,date,impressions,clicks,conversions,revenue,cost,ctr,roas',
      'CMP-001,2026-11-01,1000,20,2,150,40,0.02,3.75',
      'CMP-001,2026-11-02,1000,20,2,150,40,0.05,3.75',
      'GHOST-1,2026-11-01,500,10,1,80,20,0.02,4',
    ].join('\n');
    const [report] = await importWithProposal(db, [fileFrom('extra-performance.csv', performance)], (o) => ({
      ...o,
      mode: 'append',
    }));
    expect(report).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0 });
    const [added] = await importWithProposal(
      db,
      [fileFrom('more-campaigns.csv', 'campaign_id,name,type\nCMP-999,Never ran,email\n')],
      (o) => ({ ...o, mode: 'append' }),
    );
    expect(added).toMatchObject({ kind: 'campaigns', accepted: 1 });
    const checks = await readCampaignDataChecks(db);
    expect(checks.unknownCampaigns).toEqual([{ campaignId: 'GHOST-1', rows: 1 }]);
    expect(checks.mismatches).toEqual([
      { ratio: 'ctr', rows: 1, example: 'extra-performance.csv row 3 (CMP-001, 2026-11-02)' },
    ]);
    expect(checks.campaignsWithoutRows).toEqual([{ campaignId: 'CMP-999', name: 'Never ran' }]);
    const table = await readCampaignMetrics(db, { from: '2026-11-01', to: '2026-11-02' }, 'campaign');
    expect(table.rows.find((r) => r.key === 'GHOST-1')!.label).toBe('GHOST-1 (not in the campaigns file)');
    expect(table.rows.find((r) => r.key === 'CMP-001')!.mismatchRows).toBe(1);
  });
});

describe('segment values for audience advice', () => {
  it('values each RFM and k-means segment by its customers’ mean spend once segments exist', async () => {
    expect(await readSegmentValues(db, null)).toBeNull();
    const files = demoToCsvFiles(demo).filter((f) => /customers|purchases/.test(f.name));
    await importWithProposal(
      db,
      files.map((f) => fileFrom(f.name, f.text)),
    );
    await segmentInNode(db);
    const values = (await readSegmentValues(db, null))!;
    expect(values.basis).toBe('mean spend to date per customer');
    const rfm = values.values.filter((v) => v.source === 'RFM');
    const kmeans = values.values.filter((v) => v.source === 'k-means');
    expect(rfm.reduce((s, v) => s + v.customers, 0)).toBe(kmeans.reduce((s, v) => s + v.customers, 0));
    const [check] = await db.query<{ value: number }>(
      `SELECT avg(f.monetary_total) AS value FROM customer_segments s JOIN customer_features f USING (customer_id) WHERE s.rfm_segment = 'Champions'`,
    );
    expect(rfm.find((v) => v.segment === 'Champions')!.valuePerConversion).toBeCloseTo(Number(check!.value), 6);
  });
});
