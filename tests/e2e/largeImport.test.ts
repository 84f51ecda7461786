// A large import in the built app: progress with rows processed, a page that keeps answering,
// cancel that changes nothing, and a reload mid-import that keeps the previous workspace.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemo } from '../../src/data/demo/generateDemo';
import { demoToCsvFiles } from '../../src/data/demo/toCsv';
import { startApp, type AppUnderTest } from './support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
let app: AppUnderTest;
let page: Page;
let bigFile: string;
/** The same rows plus one record with a quoted line break: it goes through the JavaScript parser, which reports progress every 50,000 rows. */
let bigQuotedFile: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-'));
  const purchases = demoToCsvFiles(generateDemo({ customers: 30_000, purchases: 400_000 })).find(
    (f) => f.name === 'purchases.csv',
  );
  bigFile = path.join(dir, 'big-purchases.csv');
  writeFileSync(bigFile, purchases?.text ?? '');
  const text = purchases?.text ?? '';
  const headerEnd = text.indexOf('\n') + 1;
  const quotedRow = 'X1,O1,C000001,2024-11-19 13:12:49,10,1,10,P1,"two\nlines",web,false\n';
  bigQuotedFile = path.join(dir, 'big-quoted-purchases.csv');
  writeFileSync(bigQuotedFile, text.slice(0, headerEnd) + quotedRow + text.slice(headerEnd));
  app = await startApp();
  page = await (await app.newContext()).newPage();
});
afterAll(async () => {
  await app?.close();
});

const purchasesRows = () => page.getByTestId('table-purchases').getByTestId('table-rows').textContent();

async function importSmallFile() {
  await page.goto(`${app.url}#/data`);
  await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'shapes/purchases.csv'));
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');
}

async function startBigImport() {
  await page.getByTestId('file-input').setInputFiles(bigQuotedFile);
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  // Progress reports rows processed while the file is read.
  await expect
    .poll(async () => (await page.getByRole('status').filter({ hasText: 'rows processed' }).count()) > 0, {
      timeout: 60_000,
    })
    .toBe(true);
}

describe('a large import', () => {
  it('shows progress, keeps the page answering, and Cancel changes nothing', async () => {
    await importSmallFile();
    await startBigImport();
    const started = Date.now();
    expect(await page.evaluate(() => document.title)).toBe('Lantern');
    console.log(`main thread answered in ${Date.now() - started} ms during the import`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Import cancelled' }).count()).toBe(1);
    expect(await purchasesRows()).toBe('60');
    await page.reload();
    await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');
  });

  it('a reload in the middle of an import keeps the previous workspace', async () => {
    await page.goto(`${app.url}#/data`);
    await startBigImport();
    await page.reload();
    await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');
  });

  it('imports the whole large file when left to finish', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(bigFile);
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    const report = page.getByTestId('last-import').locator('[data-file="big-purchases.csv"]');
    await report.waitFor({ timeout: 150_000 });
    const read = Number((await report.getByTestId('rows-read').textContent())?.replace(/\D/g, ''));
    const accepted = Number((await report.getByTestId('rows-accepted').textContent())?.replace(/\D/g, ''));
    expect(read).toBeGreaterThan(350_000);
    expect(accepted).toBe(read);
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
