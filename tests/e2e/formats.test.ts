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

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
