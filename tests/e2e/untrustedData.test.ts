// Untrusted cell values stay data: an XSS corpus imported and shown on every page runs no script and
// opens no dialog, and the rejected-rows CSV neutralises spreadsheet formulas.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/xss/xss-purchases.csv');
let app: AppUnderTest;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await app?.close();
});

const scriptRan = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

describe('an XSS corpus', () => {
  it('is imported and shown as text on every page', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(CORPUS);
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    const report = page.getByTestId('last-import').locator('[data-file="xss-purchases.csv"]');
    await expect.poll(() => report.getByTestId('rows-read').textContent(), { timeout: 60_000 }).toBe('6');
    expect(await report.getByTestId('rows-rejected').textContent()).toBe('2');
    await report.getByRole('button', { name: 'Show rejected rows' }).click();
    await page.getByTestId('table-purchases').click();
    await expect.poll(() => page.getByText('<script>window.__xss=2</script>').count()).toBeGreaterThan(0);
    for (const route of ['#/', '#/customers', '#/campaigns', '#/analytics', '#/alerts', '#/settings', '#/data']) {
      await page.goto(`${app.url}${route}`);
      await page.waitForTimeout(300);
    }
    await page.goto(`${app.url}#/customers`);
    await expect
      .poll(() => page.getByText('<img src=x onerror="window.__xss=1">').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await scriptRan()).toBeNull();
    expect(dialogs).toEqual([]);
  });

  it('downloads rejected rows with formulas neutralised', async () => {
    await page.goto(`${app.url}#/data`);
    const report = page.locator('[data-file="xss-purchases.csv"]').first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByTestId('download-rejects').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv).toContain(`'=HYPERLINK(""http://example.invalid"",""x"")`);
    expect(csv).toContain("'@cmd");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', async () => {
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
