// Parquet, NDJSON and JSON load in the built app with no network: their readers run in the ingest
// worker, not as DuckDB extensions fetched from elsewhere.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { purchasesParquet } from '../support/parquetFixture';
import { startApp, type AppUnderTest } from './support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
});
afterAll(async () => {
  await app?.close();
});

async function importFile(filePath: string) {
  await page.goto(`${app.url}#/data`);
  await page.getByTestId('file-input').setInputFiles(filePath);
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  const report = page.getByTestId('last-import').locator(`[data-file="${path.basename(filePath)}"]`);
  await report.waitFor({ timeout: 60_000 });
  return {
    read: await report.getByTestId('rows-read').textContent(),
    accepted: await report.getByTestId('rows-accepted').textContent(),
    rejected: await report.getByTestId('rows-rejected').textContent(),
  };
}

describe('file formats in the browser', () => {
  it('imports Parquet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-'));
    const file = path.join(dir, 'purchases.parquet');
    writeFileSync(file, purchasesParquet());
    expect(await importFile(file)).toEqual({ read: '5', accepted: '4', rejected: '1' });
  });

  it('imports NDJSON with a broken line rejected', async () => {
    expect(await importFile(path.join(FIXTURES, 'bad/ndjson-broken-line.ndjson'))).toEqual({
      read: '5',
      accepted: '4',
      rejected: '1',
    });
  });

  it('imports a JSON array', async () => {
    expect(await importFile(path.join(FIXTURES, 'bad/json-missing-field.json'))).toEqual({
      read: '4',
      accepted: '3',
      rejected: '1',
    });
  });

  it('refuses a binary file with a message naming it', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'bad/image-renamed.csv'));
    await expect
      .poll(() => page.getByTestId('refused-file').textContent())
      .toContain('image-renamed.csv looks like a binary file');
  });

  it('lets the user choose the encoding, and reads UTF-16 (Excel’s Unicode Text)', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'bad/latin1-name.csv'));
    const card = page.getByTestId('pending-file');
    const encoding = card.getByLabel('Encoding');
    await expect.poll(() => encoding.inputValue()).toBe('windows-1252');
    await expect.poll(() => card.textContent()).toContain('Orléans');
    await encoding.selectOption('utf-8');
    await expect.poll(() => card.textContent()).toContain('Orl\uFFFDans');
    await encoding.selectOption('windows-1252');
    await expect.poll(() => card.textContent()).toContain('Orléans');
    await card.getByRole('button', { name: 'Remove' }).click();

    const report = await importFile(path.join(FIXTURES, 'bad/excel-unicode-text.txt'));
    expect(report).toEqual({ read: '3', accepted: '3', rejected: '0' });
  });

  it('asks which date order a file means when nothing in it settles it, and waits for the answer', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'bad/dates-ambiguous.csv'));
    const question = page.getByTestId('format-question-purchase_date');
    await expect
      .poll(() => question.textContent())
      .toContain('"01/02/2024" could be 1 February 2024 or 2 January 2024');
    const importButton = page.getByRole('button', { name: /^Import 1 file$/ });
    expect(await importButton.isDisabled()).toBe(true);
    await question.getByRole('button', { name: /^Day first/ }).click();
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    expect(await page.getByLabel('Date format of Purchase date').inputValue()).toBe('dmy');
    await importButton.click();
    const report = page.getByTestId('last-import').locator('[data-file="dates-ambiguous.csv"]');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('rows-accepted').textContent()).toBe('10');
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
