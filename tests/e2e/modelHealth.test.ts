// Model health in the built app on the demo: right after a fit the data shows no drift; one live
// purchase a month after the demo's last day moves every customer's days since the last purchase, the
// predictions are scored again with the fit as of that day, the drift crosses 0.25 and a refit is
// proposed and logged; "Refit now" fits again, logs it, and the drift against the new fit is gone.

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

const FEATURES = ['repeat purchases', 'days since last purchase', 'days as a customer', 'mean spend'];
const driftNow = (feature: string) =>
  page
    .getByTestId(`drift-now-${feature}`)
    .textContent()
    .then((t) => Number(t));

async function openMonitoring() {
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByTestId('feature-drift').waitFor({ timeout: 30_000 });
}

/** One purchase by a demo customer at `at`, through the Data page's form. */
async function addPurchase(at: string) {
  const form = page.getByRole('form', { name: 'Add one event' });
  await form.waitFor({ timeout: 30_000 });
  await form.getByLabel('Event').selectOption('purchase');
  await form.getByRole('textbox', { name: /^Customer id/ }).fill('C000001');
  await form.getByRole('textbox', { name: /^Amount/ }).fill('12.50');
  await form.getByLabel(/^When/).fill(at);
  await form.getByRole('button', { name: 'Add the event' }).click();
}

describe('model health', () => {
  it('finds no drift right after a fit', async () => {
    await page.goto(`${app.url}?demo#/predictions`);
    const predict = page.getByRole('button', { name: 'Predict', exact: true });
    await predict.waitFor({ timeout: 120_000 });
    await predict.click();
    await page.getByTestId('model-parameters').waitFor({ timeout: 120_000 });
    await openMonitoring();
    for (const f of FEATURES) await expect.poll(() => driftNow(f), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('refit-not-due').waitFor();
    await page.getByTestId('model-log-empty').waitFor();
  }, 300_000);

  it('scores customers again as a live purchase arrives, sees the drift and proposes a refit', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    await addPurchase('2026-12-01T12:00');
    // The day moved a month past the fit's: every customer is scored again with the stored fit.
    await expect
      .poll(() => page.getByTestId('live-rescored').textContent(), { timeout: 10_000 })
      .toMatch(/^1,5\d\d customer scorings as of Dec 1, 2026/);

    await openMonitoring();
    await expect.poll(() => driftNow('days since last purchase'), { timeout: 30_000 }).toBeGreaterThan(0.25);
    expect(await driftNow('mean spend')).toBeLessThan(0.01);
    await expect(page.getByTestId('refit-proposal').textContent()).resolves.toContain('days since last purchase');
    // The watch logs the proposal (it judges at most every 30 s while live rows arrive).
    await expect
      .poll(
        () =>
          page
            .getByTestId('model-log')
            .textContent()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toContain('refit proposed');
  }, 120_000);

  it('refits on request, logs it, and the drift against the new fit is gone', async () => {
    await page.getByRole('button', { name: 'Refit now' }).click();
    await expect
      .poll(() => page.getByTestId('model-log').textContent(), { timeout: 120_000 })
      .toContain('refitted (by the user)');
    await expect(page.getByTestId('model-log').textContent()).resolves.toMatch(
      /New fit on 1,5\d\d customers as of Dec 1, 2026/,
    );
    for (const f of FEATURES) await expect.poll(() => driftNow(f), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('refit-not-due').waitFor();
    // The new fit recorded how far its data moved from the fit before.
    const between = await page
      .getByTestId('feature-drift')
      .locator('tbody tr', { hasText: 'days since last purchase' })
      .locator('td')
      .first()
      .textContent();
    expect(Number(between)).toBeGreaterThan(0.25);
  }, 180_000);

  it('keeps the automatic-refit choice and the log across a reload', async () => {
    await page.getByLabel(/Refit automatically/).click();
    await expect.poll(() => page.getByLabel(/Refit automatically/).isChecked()).toBe(true);
    await page.reload();
    await page.getByTestId('feature-drift').waitFor({ timeout: 120_000 });
    expect(await page.getByLabel(/Refit automatically/).isChecked()).toBe(true);
    const log = (await page.getByTestId('model-log').textContent()) ?? '';
    expect(log).toContain('refit proposed');
    expect(log).toContain('refitted (by the user)');
  }, 180_000);

  it('refits by itself, once, when automatic refits are on and the data drifts again', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    await addPurchase('2027-02-01T12:00');
    await openMonitoring();
    await expect
      .poll(() => page.getByTestId('model-log').textContent(), { timeout: 90_000 })
      .toContain('refitted (automatically)');
    await expect(page.getByTestId('model-log').textContent()).resolves.toMatch(
      /New fit on 1,5\d\d customers as of Feb 1, 2027/,
    );
    await page.getByTestId('refit-not-due').waitFor({ timeout: 30_000 });
    const log = (await page.getByTestId('model-log').textContent()) ?? '';
    expect(log.match(/refitted \(automatically\)/g)).toHaveLength(1);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  }, 180_000);
});
