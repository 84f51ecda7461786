// Two tabs of Lantern on one workspace: an import in one shows up in the other without a reload, and
// their writes take turns (one Web Lock across tabs), so a save in one tab during an import in the other
// loses neither.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let first: Page;
let second: Page;

beforeAll(async () => {
  app = await startApp();
  const context = await app.newContext();
  first = await context.newPage();
  second = await context.newPage();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const purchaseRows = async (page: Page) =>
  Number(
    ((await page.getByTestId('table-purchases').getByTestId('table-rows').textContent()) ?? '').replace(/\D/g, ''),
  );

async function importPurchases(page: Page, name: string, csv: string) {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Existing rows').selectOption('append');
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
}

const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('two tabs', () => {
  it('show an import made in the other tab without a reload', async () => {
    await first.goto(`${app.url}?demo#/data`);
    await expect.poll(() => purchaseRows(first), { timeout: 120_000 }).toBeGreaterThan(0);
    await second.goto(`${app.url}#/data`);
    await expect.poll(() => purchaseRows(second), { timeout: 120_000 }).toBeGreaterThan(0);
    const before = await purchaseRows(second);
    expect(await purchaseRows(first)).toBe(before);

    await importPurchases(first, 'one-more.csv', `customer_id,purchase_date,amount\nC000001,${day},12.5\n`);
    await expect.poll(() => purchaseRows(first), { timeout: 60_000 }).toBe(before + 1);
    await expect.poll(() => purchaseRows(second), { timeout: 30_000 }).toBe(before + 1);
  });

  it('take turns writing: a rule saved in one tab during an import in the other keeps both', async () => {
    const before = await purchaseRows(first);
    const rows = 150_000;
    const lines = Array.from({ length: rows }, (_, i) => `C00000${(i % 9) + 1},${day},${(i % 50) + 1}`);
    await importPurchases(first, 'many-more.csv', `customer_id,purchase_date,amount\n${lines.join('\n')}\n`);
    // the importing tab holds the write lock while it saves
    await expect
      .poll(() => second.evaluate(async () => (await navigator.locks.query()).held?.map((l) => l.name) ?? []), {
        timeout: 60_000,
        interval: 50,
      })
      .toContain('lantern-workspace-write');
    await second.goto(`${app.url}#/alerts`);
    const form = second.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Threshold').fill('1');
    await form.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => second.getByRole('table', { name: 'Alert rules' }).count(), { timeout: 120_000 }).toBe(1);
    await expect.poll(() => purchaseRows(first), { timeout: 120_000 }).toBe(before + rows);

    // both survive, seen from either tab
    await first.reload();
    await first.goto(`${app.url}#/alerts`);
    await expect.poll(() => first.getByRole('table', { name: 'Alert rules' }).count(), { timeout: 120_000 }).toBe(1);
    await second.goto(`${app.url}#/data`);
    await expect.poll(() => purchaseRows(second), { timeout: 120_000 }).toBe(before + rows);
  });

  it('keep live rows one tab has not stored yet when the other tab stores a change', async () => {
    await first.goto(`${app.url}#/data`);
    await second.goto(`${app.url}#/data`);
    await expect.poll(() => purchaseRows(second), { timeout: 120_000 }).toBeGreaterThan(0);
    const before = await purchaseRows(first);
    // The first live event is stored at once; the next waits up to 10 s to be stored.
    await addPurchaseEvent(first, '3.25');
    await expect.poll(() => first.getByTestId('live-stored').textContent(), { timeout: 10_000 }).toMatch(/^everything/);
    await addPurchaseEvent(first, '7.75');
    await expect
      .poll(() => first.getByTestId('live-stored').textContent(), { timeout: 5_000 })
      .toContain('waiting: purchases');
    // Meanwhile the other tab imports a purchase and stores it; the first tab takes that in. Its amount is
    // one no earlier line has: a row already in the table would be skipped.
    await importPurchases(second, 'from-the-other-tab.csv', `customer_id,purchase_date,amount\nC000003,${day},5.5\n`);
    await expect.poll(() => purchaseRows(second), { timeout: 60_000 }).toBe(before + 2);
    await expect.poll(() => purchaseRows(first), { timeout: 30_000 }).toBe(before + 3);
    // The first tab stores its waiting row on top of the other tab's: a reload of either shows all three.
    await expect.poll(() => first.getByTestId('live-stored').textContent(), { timeout: 30_000 }).toMatch(/^everything/);
    await second.reload();
    await expect.poll(() => purchaseRows(second), { timeout: 120_000 }).toBe(before + 3);
    await first.reload();
    await expect.poll(() => purchaseRows(first), { timeout: 120_000 }).toBe(before + 3);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});

async function addPurchaseEvent(page: Page, amount: string) {
  const form = page.getByRole('form', { name: 'Add one event' });
  await form.getByLabel('Event').selectOption('purchase');
  await form.getByRole('textbox', { name: /^Customer id/ }).fill('C000002');
  await form.getByRole('textbox', { name: /^Amount/ }).fill(amount);
  await form.getByRole('button', { name: 'Add the event' }).click();
}
