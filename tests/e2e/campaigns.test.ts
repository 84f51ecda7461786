// Campaigns in the real app on the demo workspace: the metrics and the optimisation run in the worker
// agree with the same code in Node; sorting, the planted drop and its link to the optimisation view,
// the downloads, the decision log (kept across a reload, with realised effects), and nothing off-device.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../src/analytics/campaigns/campaignSettings';
import { formatMetric } from '../../src/analytics/campaigns/campaignMetrics';
import { optimizeCampaigns, type CampaignOptimisationResult } from '../../src/analytics/campaigns/optimizeCampaigns';
import { demoFiles } from '../../src/data/demo/demoFiles';
import { formatDay } from '../../src/analytics/formatDay';
import {
  readCampaignMetrics,
  readPerformanceRange,
  type CampaignMetricTable,
} from '../../src/data/campaigns/campaignQueries';
import { readCampaignInput } from '../../src/data/campaigns/readCampaignInput';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { openNodeDuckDb } from '../support/nodeDuckDb';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;
let metrics: CampaignMetricTable;
let inNode: CampaignOptimisationResult;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  const db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  const range = (await readPerformanceRange(db))!;
  metrics = await readCampaignMetrics(db, range, 'campaign');
  inNode = optimizeCampaigns({
    ...(await readCampaignInput(db, range, DEFAULT_CAMPAIGN_SETTINGS, null)),
    format: { currency: 'USD', locale: 'en-US' },
  });
  db.close();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const download = async (button: RegExp) => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile((await file.path()) ?? '', 'utf8');
};

const columnTexts = (region: string, column: number) =>
  page
    .getByRole('region', { name: region })
    .locator(`tbody tr td:nth-child(${column})`)
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));

describe('campaigns in the browser', () => {
  it('shows the metrics from sums and sorts by ROAS', async () => {
    await page.goto(`${app.url}?demo#/campaigns`);
    await page.getByRole('heading', { name: 'Recommendations' }).waitFor({ timeout: 120_000 });
    const footer = await page.getByRole('region', { name: 'Metrics by campaign' }).locator('tfoot').textContent();
    expect(footer).toContain(formatMetric(metrics.total.roas, 'multiple', 'USD', 'en-US'));
    expect(footer).toContain(formatMetric(metrics.total.cpa, 'money', 'USD', 'en-US'));
    const table = page.getByRole('region', { name: 'Metrics by campaign' });
    const roas = async () => (await columnTexts('Metrics by campaign', 14)).map((t) => Number(t.replace('×', '')));
    await table.getByRole('button', { name: /^ROAS/ }).click();
    // Numbers sort highest first on the first click, as in spreadsheets; the second click reverses.
    expect(await table.getByRole('columnheader', { name: /^ROAS/ }).getAttribute('aria-sort')).toBe('descending');
    const descending = await roas();
    expect(descending.length).toBe(metrics.rows.length);
    expect([...descending].sort((a, b) => b - a)).toEqual(descending);
    expect(descending[0]).toBeCloseTo(Math.max(...metrics.rows.map((r) => r.roas!)), 2);
    await table.getByRole('button', { name: /^ROAS/ }).click();
    expect(await roas()).toEqual([...descending].reverse());
  });

  it('runs the optimisation in the worker with the same allocation as Node, and links the planted drop to it', async () => {
    const allocation = inNode.allocation!;
    const summary = await page.locator('.allocation-summary').textContent();
    const money = (v: number) => formatMetric(v, 'money', 'USD', 'en-US');
    expect(summary).toContain(`${money(allocation.result.currentOutcome)} now`);
    expect(summary).toContain(
      `${money(allocation.result.expectedOutcome)} with the recommended split of ${money(allocation.totalBudget)}`,
    );
    const recommended = await columnTexts('Recommended spend per campaign', 3);
    expect(recommended).toEqual(allocation.result.allocations.map((a) => money(a.recommended)));

    const top = inNode.drops[0]!;
    const drops = page.getByRole('region', { name: 'Performance drops' });
    await expect.poll(() => drops.locator('li').first().textContent()).toContain(top.reason);
    const name = metrics.rows.find((r) => r.key === top.id)!.label;
    await drops
      .getByRole('button', { name: `Optimise ${name}` })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain(`campaign=${top.id}`);
    await expect.poll(() => page.getByLabel('Response curve of').inputValue()).toBe(top.id);
  });

  it('downloads the plan and the metrics', async () => {
    const plan = await download(/Download the plan \(CSV\)/);
    const lines = plan.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^campaign_id,current_spend_per_day,recommended_spend_per_day/);
    expect(lines).toHaveLength(1 + inNode.states.filter((s) => s.active).length);
    const csv = await download(/^Download \(CSV\)$/);
    expect(csv.trim().split(/\r\n/)).toHaveLength(1 + metrics.rows.length + 1);
  });

  it('logs an applied recommendation, keeps it across a reload and shows its realised effect', async () => {
    const first = page.locator('.recommendations li').first();
    await first.getByLabel('applied on').fill('2026-10-01');
    await first.getByRole('button', { name: 'Mark applied' }).click();
    const log = page.getByRole('region', { name: 'Decision log' });
    await log.waitFor({ timeout: 30_000 });
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toMatch(/predicted \$[\d,.]+, realised \$[\d,.]+/);
    await page.reload();
    await page.getByRole('heading', { name: 'Recommendations' }).waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.getByRole('region', { name: 'Decision log' }).textContent(), { timeout: 30_000 })
      .toContain(formatDay('2026-10-01', 'en-US'));
  });

  it('advises audiences once customers are segmented, ranked by their value per conversion', async () => {
    await page.goto(`${app.url}#/segments`);
    await page.getByRole('button', { name: 'Segment customers' }).click({ timeout: 60_000 });
    await page.getByTestId('segmentation-summary').waitFor({ timeout: 120_000 });
    await page.goto(`${app.url}#/campaigns`);
    const audiences = page.getByRole('region', { name: 'Audience advice per campaign' });
    await audiences.waitFor({ timeout: 120_000 });
    // the cell's title holds its whole text (long cells are shortened on screen)
    const targets = await audiences.locator('tbody tr td:nth-child(2)').first().getAttribute('title');
    // best first: the first target is worth at least as much as the second
    const values = [...(targets ?? '').matchAll(/\$([\d,.]+)\)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(values.length).toBeGreaterThan(1);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]!);
    expect(targets).toMatch(/Champions \(RFM/);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });

  it('imports a messy performance file keeping every row and says what is wrong on the Campaigns page', async () => {
    const fresh = await (await app.newContext()).newPage();
    const campaigns = 'campaign_id,name,type\nA1,Alpha,email\nB2,Beta,email\nZ9,Never ran,sms\n';
    const performance = [
      'campaign_id,date,impressions,clicks,conversions,revenue,cost,roas',
      'A1,2026-05-01,1000,20,2,100,50,2',
      'A1,2026-05-02,1000,30,3,150,50,9.99',
      'A1,2026-05-02,1000,30,3,150,50,3',
      'B2,2026-05-01,10,20,1,40,20,2',
      'GHOST,2026-05-01,500,10,1,60,20,3',
    ].join('\n');
    await fresh.goto(`${app.url}#/data`);
    await fresh.getByRole('heading', { name: 'Tables' }).waitFor({ timeout: 60_000 });
    await fresh.getByTestId('file-input').setInputFiles([
      { name: 'campaigns.csv', mimeType: 'text/csv', buffer: Buffer.from(campaigns) },
      { name: 'performance.csv', mimeType: 'text/csv', buffer: Buffer.from(performance) },
    ]);
    await fresh.getByRole('button', { name: /^Import 2 files$/ }).click();
    const report = fresh.getByTestId('last-import').locator('[data-file="performance.csv"]');
    await expect.poll(() => report.getByTestId('rows-read').textContent(), { timeout: 60_000 }).toBe('5');
    // the second A1 day and B2's clicks above impressions are rejected, the rest kept
    expect(await report.getByTestId('rows-accepted').textContent()).toBe('3');
    expect(await report.getByTestId('rows-rejected').textContent()).toBe('2');
    await fresh.goto(`${app.url}#/campaigns`);
    const checks = fresh.getByRole('status', { name: 'Campaign data checks' });
    await checks.waitFor({ timeout: 60_000 });
    const text = await checks.textContent();
    expect(text).toContain('1 performance row belongs to 1 campaign not in the campaigns file (GHOST: 1 row)');
    expect(text).toMatch(/2 campaigns have no performance rows: Beta \(B2\), Never ran \(Z9\)/);
    expect(text).toMatch(/1 row carries a ROAS that disagrees .*performance\.csv row 3 \(A1, 2026-05-02\)/);
    const table = await fresh.getByRole('region', { name: 'Metrics by campaign' }).textContent();
    expect(table).toContain('GHOST (not in the campaigns file)');
    expect(app.foreignRequests).toEqual([]);
  });
});
