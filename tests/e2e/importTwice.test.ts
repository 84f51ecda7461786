// The same small export added twice in the built app: the second time nothing is added and the
// report says how many rows were already in the table; "Import them anyway" then keeps them, and the
// counts survive a reload in the import history.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

afterAll(async () => {
  await app?.close();
});

// 1,200 purchases, each line repeated (lines i and i + 600 are identical), and one without a customer.
const lines = Array.from({ length: 1_200 }, (_, i) => {
  const k = i % 600;
  return `C${String(k).padStart(4, '0')},2024-03-${String((k % 28) + 1).padStart(2, '0')},${10 + (k % 5)}.50`;
});
const CSV = `customer_id,purchase_date,amount\n${lines.join('\n')}\n,2024-03-02,15.00\n`;

async function addFile(mode: 'replace' | 'append') {
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByLabel('Existing rows').selectOption(mode);
}

const lastReport = () => page.getByTestId('last-import').getByTestId('import-report');
const purchaseRows = async () =>
  (await page.getByTestId('table-purchases').getByTestId('table-rows').textContent()) ?? '';
const counts = async () => ({
  read: await lastReport().getByTestId('rows-read').textContent(),
  accepted: await lastReport().getByTestId('rows-accepted').textContent(),
  rejected: await lastReport().getByTestId('rows-rejected').textContent(),
});

describe('adding the same export twice', () => {
  it('adds it once', async () => {
    await page.goto(`${app.url}#/data`);
    await addFile('replace');
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    await expect.poll(() => lastReport().getByTestId('rows-accepted').textContent(), { timeout: 60_000 }).toBe('1,200');
    expect(await counts()).toEqual({ read: '1,201', accepted: '1,200', rejected: '1' });
    expect(await lastReport().getByTestId('already-present').count()).toBe(0);
    expect(await purchaseRows()).toBe('1,200');
  });

  it('the second time adds nothing and says the rows were already in the table', async () => {
    await addFile('append');
    // offered because the file has no line id
    const keep = page.getByLabel('Add rows that are already in the table');
    expect(await keep.isChecked()).toBe(false);
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    await expect
      .poll(
        () =>
          lastReport()
            .getByTestId('rows-already-present')
            .textContent()
            .catch(() => null),
        { timeout: 60_000 },
      )
      .toBe('1,200');
    expect(await counts()).toEqual({ read: '1,201', accepted: '0', rejected: '1' });
    expect(await lastReport().getByTestId('already-present').textContent()).toContain(
      '1,200 rows were already in the table and were skipped.',
    );
    await expect.poll(() => purchaseRows()).toBe('1,200');
  });

  it('"Import them anyway" keeps them', async () => {
    await lastReport().getByRole('button', { name: 'Import them anyway' }).click();
    await expect.poll(() => purchaseRows(), { timeout: 60_000 }).toBe('2,400');
    expect(await counts()).toEqual({ read: '1,201', accepted: '1,200', rejected: '1' });
    expect(await lastReport().getByTestId('already-present').count()).toBe(0);
  });

  it('the skipped rows stay in the import history after a reload, without the button', async () => {
    await page.reload();
    const skipped = page.locator('[data-testid="import-report"]', { has: page.getByTestId('already-present') });
    await expect.poll(() => skipped.count(), { timeout: 60_000 }).toBe(1);
    expect(await skipped.getByTestId('already-present').textContent()).toContain(
      '1,200 rows were already in the table and were skipped.',
    );
    expect(await skipped.getByRole('button', { name: 'Import them anyway' }).count()).toBe(0);
    expect(await purchaseRows()).toBe('2,400');
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
