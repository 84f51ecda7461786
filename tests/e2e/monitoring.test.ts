// The Monitoring page in the built app after loading the demo: the import job and the Dashboard's
// queries are timed with percentiles, storage is measured against the quota, and no error is listed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('monitoring', () => {
  it('times the import and the queries, measures storage, and lists no error', async () => {
    await page.goto(`${app.url}?demo#/`);
    await page.getByTestId('kpi-Orders').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Monitoring' }).click();
    const timings = page.getByTestId('timings');
    await timings.waitFor({ timeout: 30_000 });
    // The 25 most recent kinds show first; the import may be older than that by now.
    const showAll = page.getByRole('button', { name: /^Show all [\d,]+ timings$/ });
    if (await showAll.count()) await showAll.click();
    const rows = await timings.locator('tbody tr th').allTextContents();
    expect(rows).toContain('job: import');
    expect(rows.some((r) => /^query: SELECT … purchases/.test(r))).toBe(true);
    const first = timings.locator('tbody tr').first().locator('td');
    const [runs, latest, median, p95, slowest] = (await first.allTextContents()).map((t) =>
      Number(t.replace(/[^\d.]/g, '')),
    );
    expect(runs).toBeGreaterThan(0);
    expect(median!).toBeLessThanOrEqual(p95!);
    expect(p95!).toBeLessThanOrEqual(slowest!);
    expect(latest!).toBeLessThanOrEqual(slowest!);
    await expect
      .poll(() => page.getByTestId('storage-used').textContent(), { timeout: 10_000 })
      .toMatch(/MB of [\d,]+ MB/);
    expect(await page.getByTestId('no-errors').count()).toBe(1);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
