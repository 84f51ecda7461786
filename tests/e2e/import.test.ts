import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
let app: AppUnderTest;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  context = await app.newContext();
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

afterAll(async () => {
  await app?.close();
});

async function tableRows(table: string): Promise<string> {
  return (await page.getByTestId(`table-${table}`).getByTestId('table-rows').textContent()) ?? '';
}

describe('importing a purchases file in the built app', () => {
  it('imports through the file input, shows the counts, and keeps the data across a reload', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'bad/missing-customer-id.csv'));
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    const report = page.getByTestId('last-import').locator('[data-file="missing-customer-id.csv"]');
    await expect.poll(() => report.getByTestId('rows-read').textContent(), { timeout: 60_000 }).toBe('5');
    expect(await report.getByTestId('rows-accepted').textContent()).toBe('3');
    expect(await report.getByTestId('rows-rejected').textContent()).toBe('2');
    expect(await tableRows('purchases')).toBe('3');

    await page.reload();
    await expect.poll(() => tableRows('purchases'), { timeout: 60_000 }).toBe('3');
  });

  it('downloads the rejected rows as CSV with row, column and reason', async () => {
    await page.goto(`${app.url}#/data`);
    // After the reload the report is in the import history.
    const report = page.locator('[data-file="missing-customer-id.csv"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByTestId('download-rejects').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^row,column,reason,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^3,customer_id,customer_id: missing required value/);
    expect(lines[2]).toMatch(/^5,/);
  });

  it('asks before a replace would empty the table, and keeps the data until told otherwise', async () => {
    await page.goto(`${app.url}#/data`);
    const rejectedOnly = {
      name: 'all-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('customer_id,purchase_date,amount\nA,2024-01-01,lots\nB,2024-01-02,many\n'),
    };
    const importIt = async () => {
      await page.getByTestId('file-input').setInputFiles(rejectedOnly);
      await page.getByRole('button', { name: /^Import 1 file$/ }).click();
      return page.getByRole('alertdialog', { name: 'Replace with far fewer rows?' });
    };
    const dialog = await importIt();
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.textContent()).toContain(
      'purchases has 3 rows; this import would leave 0 rows (all-bad.csv: 0 accepted, 2 rejected).',
    );
    await dialog.getByRole('button', { name: 'Keep the current data' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was replaced' }).textContent())
      .toBe('Nothing was replaced: purchases keeps its 3 rows.');
    expect(await tableRows('purchases')).toBe('3');
    await page.reload();
    await expect.poll(() => tableRows('purchases'), { timeout: 60_000 }).toBe('3');

    // Told to replace, it does.
    await (await importIt()).getByRole('button', { name: 'Replace anyway' }).click({ timeout: 60_000 });
    await expect.poll(() => tableRows('purchases'), { timeout: 60_000 }).toBe('0');
  });

  it('imports a gzip-compressed CSV as the CSV inside, decompressed in the ingest worker', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'bad/purchases-compressed.csv.gz'));
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    const report = page.getByTestId('last-import').locator('[data-file="purchases-compressed.csv"]');
    await expect.poll(() => report.getByTestId('rows-read').textContent(), { timeout: 60_000 }).toBe('4');
    expect(await report.getByTestId('rows-accepted').textContent()).toBe('3');
    expect(await report.getByTestId('rows-rejected').textContent()).toBe('1');
    // The tables panel is read again just after the report shows.
    await expect.poll(() => tableRows('purchases'), { timeout: 30_000 }).toBe('3');
  });

  it('loads the demo workspace', async () => {
    await page.goto(`${app.url}#/settings`);
    await page.getByRole('button', { name: 'Delete all local data' }).click();
    // Deleting reloads the page: wait for that reload before going on.
    await Promise.all([
      page.waitForEvent('load', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Yes, delete everything' }).click(),
    ]);
    await page.goto(`${app.url}#/`);
    await page.getByRole('button', { name: 'Try the demo' }).click({ timeout: 60_000 });
    await page.goto(`${app.url}#/data`);
    await expect
      .poll(async () => Number((await tableRows('campaigns').catch(() => '0')).replace(/\D/g, '')), {
        timeout: 120_000,
      })
      .toBeGreaterThanOrEqual(12);
    expect(Number((await tableRows('purchases')).replace(/\D/g, ''))).toBeGreaterThan(1000);
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
