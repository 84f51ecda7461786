// The SQL console in the built app on the demo workspace: a query's answer matches DuckDB in Node,
// results are virtualised and download as CSV, and DROP TABLE is refused with the data untouched.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoFiles } from '../../src/data/demo/demoFiles';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { openNodeDuckDb } from '../support/nodeDuckDb';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;
let purchases = 0;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  const db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  purchases = Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases'))[0]?.n);
  db.close();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const run = async (sql: string) => {
  await page.getByLabel('Query', { exact: true }).fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
};

describe('the SQL console in the browser', () => {
  it('answers a query as DuckDB in Node does', async () => {
    await page.goto(`${app.url}?demo#/sql`);
    await page.getByRole('button', { name: 'purchases', exact: true }).waitFor({ timeout: 120_000 });
    await run('SELECT count(*) AS n FROM purchases');
    await expect.poll(() => page.getByTestId('console-status').textContent(), { timeout: 30_000 }).toMatch(/^1 row in/);
    expect(await page.getByRole('table', { name: 'Query results' }).getByRole('cell').first().textContent()).toBe(
      String(purchases),
    );
  });

  it('shows a long result virtualised and downloads all of it', async () => {
    await run('SELECT customer_id, amount FROM purchases');
    await expect
      .poll(() => page.getByTestId('console-status').textContent(), { timeout: 30_000 })
      .toMatch(/showing the first 10,000/);
    const rendered = await page.getByRole('table', { name: 'Query results' }).getByRole('row').count();
    expect(rendered).toBeLessThan(100);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download results (CSV)' }).click(),
    ]);
    const csv = await readFile((await file.path()) ?? '', 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(purchases + 1);
  });

  it('refuses DROP TABLE with a clear message and keeps the table', async () => {
    await run('DROP TABLE purchases');
    const alert = page.getByRole('alert').filter({ hasText: 'read-only' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('"DROP" statements are refused');
    await run('SELECT count(*) AS n FROM purchases');
    await expect
      .poll(() => page.getByRole('table', { name: 'Query results' }).getByRole('cell').first().textContent(), {
        timeout: 30_000,
      })
      .toBe(String(purchases));
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
