// The UCI Online Retail export (541,909 invoice lines, 2010-12-01 to 2011-12-09) imported through the
// Data page's file input as a user would, once for every part of this file: the Dashboard's "All data"
// revenue equals an independent sum in native DuckDB on the same Parquet file, the periods say what
// they cover (no comparison against the 9 days of data before the last 365, the 9-day last month
// marked partial, every cohort in the heatmap), the default segment scatter (Recency × Monetary)
// draws as many customers as its caption says, and Predictions with its defaults puts customers at
// high risk, shows the three models' holdout comparison and says that their fits are degenerate.

import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

const PARQUET = path.resolve(import.meta.dirname, '../../../shared/data/online-retail/online_retail.parquet');

let app: AppUnderTest;
let page: Page;
const consoleErrors: string[] = [];
/** Figures from native DuckDB on the Parquet file, written independently of the app's SQL. */
let expected: { revenue: number; customers: number; keptRows: number };

async function nativeFigures(): Promise<typeof expected> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    // The import keeps rows with a customer and makes each line's amount quantity × price in cents.
    const reader = await conn.runAndReadAll(
      `SELECT sum(round(Quantity * UnitPrice, 2)) AS revenue, count(DISTINCT CustomerID) AS customers, count(*) AS kept
       FROM read_parquet('${PARQUET.replace(/'/g, "''")}') WHERE CustomerID IS NOT NULL`,
    );
    const [revenue, customers, kept] = reader.getRows()[0] ?? [];
    return { revenue: Number(revenue), customers: Number(customers), keptRows: Number(kept) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const cents = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));
// Intl writes a range's dash between thin or narrow spaces, which differ between ICU versions.
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

beforeAll(async () => {
  expected = await nativeFigures();
  app = await startApp();
  page = await (await app.newContext()).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${app.url}#/data`);
  await page.getByTestId('file-input').setInputFiles(PARQUET);
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  const report = page.getByTestId('last-import').locator('[data-file="online_retail.parquet"]');
  await report.waitFor({ timeout: 150_000 });
  expect(await report.getByTestId('rows-accepted').textContent()).toBe(expected.keptRows.toLocaleString('en-US'));
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const card = (label: string) => page.getByTestId(`kpi-${label}`);
const period = {
  choose: (label: string) => page.getByLabel('Period').selectOption({ label }),
  text: async () => plain(await page.getByTestId('kpi-period').textContent()),
};

describe('Online Retail in the browser', () => {
  it('shows "All data" revenue equal to an independent SQL sum, with no previous period', async () => {
    await page.goto(`${app.url}#/`);
    await card('Orders').waitFor({ timeout: 60_000 });
    await period.choose('all data');
    await expect.poll(period.text, { timeout: 30_000 }).toMatch(/^Dec 1, 2010 – Dec 9, 2011; no comparison: /);
    expect(cents(await card('Revenue (net of returns)').locator('.card-value').textContent())).toBe(
      Math.round(expected.revenue * 100) / 100,
    );
    expect(await card('Revenue (net of returns)').locator('.card-change').textContent()).toBe('no previous period');
    console.log(
      'All data:',
      await card('Revenue (net of returns)').locator('.card-value').textContent(),
      await card('Orders').locator('.card-value').textContent(),
      'orders,',
      await card('Active customers').locator('.card-value').textContent(),
      'active customers',
    );
  });

  it('makes no comparison for the last 365 days, whose previous period holds 9 days of data', async () => {
    await period.choose('last 365 days');
    await expect
      .poll(period.text)
      .toBe(
        'Dec 10, 2010 – Dec 9, 2011; no comparison: the data starts on Dec 1, 2010, only 9 of the previous 365 days have data.',
      );
    expect(await card('Revenue (net of returns)').locator('.card-change').textContent()).toBe('no comparison');
    // The last 30 days have a whole previous period: a change is shown.
    await period.choose('last 30 days');
    await expect
      .poll(() => card('Revenue (net of returns)').locator('.card-change').textContent())
      .toMatch(/% vs the previous 30 days$/);
  });

  it('marks the 9-day last month partial and shows every cohort, the largest (Dec 2010) included', async () => {
    const revenue = page.getByRole('region', { name: 'Revenue over time' });
    await expect
      .poll(async () => plain(await revenue.getByTestId('revenue-partial-note').textContent()), { timeout: 60_000 })
      .toContain('partial month: Dec 1 – 9, 2011');
    expect(await revenue.locator('rect[data-partial="true"]').count()).toBe(1);
    const cohorts = page.getByRole('region', { name: 'Cohort retention' });
    await cohorts.getByText('Show the data as a table').click();
    const months = await cohorts.locator('tbody tr td:first-child').allTextContents();
    expect(months.filter((m) => /^[A-Z][a-z]{2} \d{4}$/.test(m))).toEqual([
      'Dec 2010',
      'Jan 2011',
      'Feb 2011',
      'Mar 2011',
      'Apr 2011',
      'May 2011',
      'Jun 2011',
      'Jul 2011',
      'Aug 2011',
      'Sep 2011',
      'Oct 2011',
      'Nov 2011',
      'Dec 2011',
    ]);
    // Every cohort's Dec 2011 cell is partial: one per cohort.
    expect(await cohorts.locator('g[data-partial="true"]').count()).toBe(13);
  });

  it('draws the default scatter (Recency × Monetary) with as many customers as its caption says', async () => {
    await page.goto(`${app.url}#/segments`);
    const run = page.getByRole('button', { name: 'Segment customers' });
    await run.waitFor({ timeout: 60_000 });
    await run.click();
    await page.getByTestId('segmentation-summary').waitFor({ timeout: 120_000 });
    const canvas = page.locator('.scatter canvas');
    await canvas.waitFor({ timeout: 30_000 });
    const caption = (await page.getByTestId('scatter-caption').textContent()) ?? '';
    expect(caption).toMatch(new RegExp(`^All ${expected.customers.toLocaleString('en-US')} customers[.:]`));
    // What the caption says is drawn: everyone, or "N drawn" with the rest named as lacking a value.
    const drawnInCaption = /([\d,]+) drawn/.exec(caption)?.[1];
    const drawn = drawnInCaption ? Number(drawnInCaption.replace(/,/g, '')) : expected.customers;
    expect(drawn).toBeGreaterThan(4000);
    expect(await canvas.getAttribute('aria-label')).toBe(
      `${drawn} customers by Recency and Monetary (total spend), coloured by segment`,
    );
    // And the canvas has paint on it, not just a label.
    const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
  });

  it('predicts with the defaults: customers at high risk, the models compared, degenerate fits said', async () => {
    await page.goto(`${app.url}#/predictions`);
    const run = page.getByRole('button', { name: 'Predict', exact: true });
    await run.waitFor({ timeout: 60_000 });
    await run.click();
    await page.getByTestId('model-parameters').waitFor({ timeout: 150_000 });
    // High, Medium, Low: none empty, High holding customers to retain.
    const counts = await page
      .getByTestId('risk-levels')
      .locator('tbody tr td:nth-child(3)')
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent?.replace(/\D/g, ''))));
    expect(counts).toHaveLength(3);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(4000);
    const comparison = page.getByTestId('model-comparison');
    expect(await comparison.isVisible()).toBe(true);
    expect(await comparison.locator('tbody tr').count()).toBe(3);
    expect(await comparison.textContent()).toMatch(/degenerate/);
    expect(await page.getByTestId('degenerate-calibration-fits').textContent()).toMatch(/almost nothing/);
    expect(await page.getByTestId('degenerate-fit').textContent()).toMatch(/almost nothing/);
    expect(await page.getByTestId('buying-model-status').textContent()).not.toMatch(/^converged/);
    expect(await page.getByTestId('pace-note').textContent()).toMatch(/seasonal peak/);
    const retain = page.getByTestId('action-list-retain');
    await retain.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await retain.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('logged no console errors and asked nothing of other origins', () => {
    expect(consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
