// Live events in the built app on the demo: one event typed in reaches the data within a second or
// so, a malformed one is rejected with its reason while the queue goes on, the simulator's events add
// up (received = accepted + rejected; rows written = the tables' growth) and survive a reload, and the
// Dashboard follows while they arrive.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';
import { numberIn, tableRows } from './support/pageNumbers';

let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const number = (testId: string) => numberIn(page, testId);
const purchaseRows = () => tableRows(page, 'purchases');

/** Purchase rows the live queue wrote since the page opened. */
const writtenPurchases = async () =>
  Number(
    ((await page.getByTestId('live-written').textContent()) ?? '').match(/^([\d,]+) purchases/)![1]!.replace(/,/g, ''),
  );

async function addEvent(type: string, subject: string, amount: string) {
  const form = page.getByRole('form', { name: 'Add one event' });
  await form.getByLabel('Event').selectOption(type);
  await form.getByRole('textbox', { name: /^(Customer|Campaign) id/ }).fill(subject);
  await form.getByRole('textbox', { name: /^(Amount|Cost|Revenue|Count)/ }).fill(amount);
  await form.getByRole('button', { name: 'Add the event' }).click();
}

describe('live events', () => {
  it('writes one event typed in, and rejects a malformed one without stopping', async () => {
    await page.goto(`${app.url}?demo#/data`);
    await page.getByRole('heading', { name: 'Live events' }).waitFor({ timeout: 120_000 });
    const before = await purchaseRows();
    await addEvent('purchase', 'C000001', 'lots');
    await addEvent('purchase', 'C000001', '12.50');
    await expect.poll(purchaseRows, { timeout: 5_000 }).toBe(before + 1);
    await expect
      .poll(() => page.getByTestId('live-rejects').textContent(), { timeout: 5_000 })
      .toContain('amount: not a number');
    expect(await number('live-received')).toBe(2);
    expect(await number('live-accepted')).toBe(1);
    expect(await number('live-rejected')).toBe(1);
  });

  it('adds a day’s purchases export through the queue, naming a bad row, and adds it only once', async () => {
    const before = await purchaseRows();
    const receivedBefore = await number('live-received');
    const csv =
      'Order ID,Customer ID,Order Date,Total\nD-1,C000004,2026-11-30,20\nD-2,C000005,2026-11-30,lots\nD-3,C000006,2026-11-30,8.5\n';
    const add = () =>
      page
        .getByTestId('event-file-input')
        .setInputFiles({ name: 'day.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await add();
    await expect
      .poll(() => page.getByTestId('event-file-note').textContent())
      .toContain('Added day.csv: 3 rows queued');
    await expect.poll(purchaseRows, { timeout: 5_000 }).toBe(before + 2);
    await expect
      .poll(() => page.getByTestId('live-rejects').textContent(), { timeout: 5_000 })
      .toContain('day.csv, row 3 (id D-2), amount: not a number');
    // The same export again: every row's id was received already, nothing is added twice.
    await add();
    await expect
      .poll(() => page.getByTestId('live-rejects').textContent(), { timeout: 5_000 })
      .toContain('day.csv, row 4 (id D-3), id: duplicate id (already received)');
    expect(await purchaseRows()).toBe(before + 2);
    expect(await number('live-received')).toBe(receivedBefore + 6);
  });

  it('adds up the simulator’s events and keeps them across a reload', async () => {
    const before = await purchaseRows();
    const writtenBefore = await writtenPurchases();
    await page.getByLabel('Simulated events per second').selectOption('1000');
    await page.getByRole('button', { name: 'Start the live demo' }).click();
    await expect.poll(() => number('live-received'), { timeout: 10_000 }).toBeGreaterThan(1500);
    await page.getByRole('button', { name: 'Stop the live demo' }).click();
    await expect
      .poll(() => page.getByTestId('live-figures').textContent(), { timeout: 30_000 })
      .toContain('Storedeverything');
    const received = await number('live-received');
    expect((await number('live-accepted')) + (await number('live-rejected'))).toBe(received);
    const written = (await writtenPurchases()) - writtenBefore;
    expect(written).toBeGreaterThan(100);
    await expect.poll(purchaseRows, { timeout: 5_000 }).toBe(before + written);
    await page.reload();
    await expect.poll(purchaseRows, { timeout: 120_000 }).toBe(before + written);
  });

  it('moves the Dashboard while events arrive', async () => {
    await page.goto(`${app.url}#/data`);
    await page.getByRole('heading', { name: 'Live events' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Start the live demo' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const orders = page.getByTestId('kpi-Orders');
    await orders.waitFor({ timeout: 60_000 });
    const first = await orders.textContent();
    await expect.poll(() => orders.textContent(), { timeout: 15_000, interval: 100 }).not.toBe(first);
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Stop the live demo' }).click();
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
