// The Dashboard in the built app on the demo workspace: its KPIs for the last 30 days and for all the
// data equal the same figures computed by independent SQL in Node (a change only where the data covers
// the previous period; orders and customers count what was bought and not cancelled, replayed by the
// independent tests/support/netLinesReference.ts), the cohort table and action recommendations are there,
// a chart downloads as a valid SVG, and the page logs no console errors and makes no request off the device.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMetric } from '../../src/analytics/campaigns/campaignMetrics';
import { demoFiles } from '../../src/data/demo/demoFiles';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { replayStoredPurchases } from '../support/netLinesReference';
import { openNodeDuckDb } from '../support/nodeDuckDb';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;
const consoleErrors: string[] = [];
let expected: { revenue: number; orders: number; customers: number; roas: number; allRevenue: number };

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  // The last 30 days to the last purchase day, written out independently of the app's queries.
  const [row] = await db.query<{ revenue: number }>(
    `WITH last AS (SELECT CAST(max(purchase_date) AS DATE) AS d FROM purchases),
     p AS (SELECT * FROM purchases, last WHERE CAST(purchase_date AS DATE) BETWEEN last.d - 29 AND last.d)
     SELECT sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) AS revenue FROM p`,
  );
  // Orders and customers: the lines left after cancellations, replayed in TypeScript.
  const [span] = await db.query<{ from: string }>(
    `SELECT strftime(CAST(max(purchase_date) AS DATE) - 29, '%Y-%m-%d') AS from FROM purchases`,
  );
  const lines = await replayStoredPurchases(db);
  const bought = lines.filter((l) => l.bought && l.at.slice(0, 10) >= span!.from);
  const [perf] = await db.query<{ roas: number }>(
    `WITH last AS (SELECT CAST(max(purchase_date) AS DATE) AS d FROM purchases)
     SELECT sum(revenue) / sum(cost) AS roas FROM campaign_performance, last WHERE date BETWEEN last.d - 29 AND last.d`,
  );
  const [all] = await db.query<{ revenue: number }>(
    `SELECT sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) AS revenue FROM purchases`,
  );
  expected = {
    allRevenue: Number(all!.revenue),
    revenue: Number(row!.revenue),
    orders: new Set(bought.map((l) => l.order_id)).size,
    customers: new Set(bought.map((l) => l.customer_id)).size,
    roas: Number(perf!.roas),
  };
  db.close();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const card = (label: string) => page.getByTestId(`kpi-${label}`).locator('.card-value').textContent();

describe('the dashboard in the browser', () => {
  it('shows the KPIs of the last 30 days as SQL computes them', async () => {
    await page.goto(`${app.url}?demo#/`);
    await page.getByTestId('kpi-Orders').waitFor({ timeout: 120_000 });
    expect(await card('Revenue (net of returns)')).toBe(formatMetric(expected.revenue, 'money', 'USD', 'en-US'));
    expect(await card('Orders')).toBe(expected.orders.toLocaleString('en-US'));
    expect(await card('Active customers')).toBe(expected.customers.toLocaleString('en-US'));
    expect(await card('Blended ROAS')).toBe(formatMetric(expected.roas, 'multiple', 'USD', 'en-US'));
    expect(await page.getByTestId('kpi-Orders').locator('.card-change').textContent()).toMatch(
      /vs the previous 30 days/,
    );
    expect(await page.getByTestId('kpi-period').textContent()).toMatch(/, against the 30 days before$/);
  });

  it('shows all the data as one period, with no change against a period before it', async () => {
    await page.getByLabel('Period').selectOption({ label: 'all data' });
    await expect
      .poll(() => card('Revenue (net of returns)'))
      .toBe(formatMetric(expected.allRevenue, 'money', 'USD', 'en-US'));
    expect(await page.getByTestId('kpi-period').textContent()).toContain('no comparison: “All data” already holds');
    expect(await page.getByTestId('kpi-Orders').locator('.card-change').textContent()).toBe('no previous period');
    await page.getByLabel('Period').selectOption({ label: 'last 30 days' });
    await expect
      .poll(() => card('Revenue (net of returns)'))
      .toBe(formatMetric(expected.revenue, 'money', 'USD', 'en-US'));
  });

  it('ranks the budget move among the action recommendations and links to it', async () => {
    const actions = page.getByRole('region', { name: 'Action recommendations' });
    await expect.poll(() => actions.textContent(), { timeout: 120_000 }).toContain('Move campaign budget');
    expect(await actions.getByRole('link', { name: /The reallocation/ }).getAttribute('href')).toBe('#/campaigns');
  });

  it('offers the cohort heatmap as a table and downloads a chart as valid SVG', async () => {
    const cohorts = page.getByRole('region', { name: 'Cohort retention' });
    await cohorts.getByText('Show the data as a table').click();
    const firstRow = await cohorts.getByRole('region').locator('tbody tr').first().textContent();
    // the first-purchase month as the browser's locale (en-US) writes it, e.g. "Nov 2025"
    expect(firstRow).toMatch(/^[A-Z][a-z]{2} \d{4}\d/);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      cohorts.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const svg = await readFile((await file.path()) ?? '', 'utf8');
    expect(file.suggestedFilename()).toBe('lantern-cohort-retention.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        rects: doc.querySelectorAll('rect').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, root: 'svg', rects: expect.any(Number) as number });
    expect(parsed.rects).toBeGreaterThan(10);
  });

  it('downloads a chart as a PNG image', async () => {
    const revenue = page.getByRole('region', { name: 'Revenue over time' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      revenue.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const png = await readFile((await file.path()) ?? '');
    // the PNG signature, then an IHDR chunk whose width is twice the chart's (drawn at 2×)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svgWidth = await revenue
      .locator('svg[role="img"]')
      .first()
      .evaluate((s) => (s as SVGSVGElement).width.baseVal.value);
    expect(png.readUInt32BE(16)).toBe(2 * svgWidth);
  });

  it('logged no console errors and asked nothing of other origins', () => {
    expect(consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
