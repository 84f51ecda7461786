// Alert rules in the built app on the demo: a rule whose condition holds raises one alert (toast and
// history), a reload does not raise it again, acknowledgement persists, and a new day of purchases
// imported later is judged by the rule that watches for it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDay } from '../../src/analytics/formatDay';
import { fileFrom } from '../support/importHelpers';
import { seriousViolations } from './support/axe';
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

async function addRule(condition: 'below' | 'above', threshold: string, severity: string) {
  const form = page.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Watch').selectOption('daily-revenue');
  await form.getByLabel('Alert when it is').selectOption(condition);
  await form.getByLabel('Threshold').fill(threshold);
  await form.getByLabel('Severity').selectOption(severity);
  await form.getByRole('button', { name: 'Add the rule' }).click();
}

const history = () => page.getByTestId('alert-history').locator('li');

describe('alerts in the browser', () => {
  it('raises one alert when a new rule holds: as a toast and in the history', async () => {
    await page.goto(`${app.url}?demo#/alerts`);
    await page.getByRole('form', { name: 'New rule' }).waitFor({ timeout: 120_000 });
    // wait for the demo's data before adding rules
    await expect
      .poll(() => page.getByLabel('Watch').locator('option[value="campaign-roas"]').isDisabled(), {
        timeout: 120_000,
      })
      .toBe(false);
    await addRule('below', '1000000000', 'critical');
    const toast = page.getByTestId('alert-toast');
    await expect
      .poll(() => toast.first().textContent(), { timeout: 30_000 })
      .toMatch(
        /critical alert:.*Daily revenue was \$[\d,.]+ on [A-Z][a-z]{2} \d{1,2}, \d{4}, below the threshold of \$1,000,000,000\.00\./,
      );
    await expect.poll(() => history().count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Alert rules' }).textContent()).toContain('condition holds');

    // the form, the rules, the history and the toast pass axe in light and dark colours
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  it('raises nothing for a rule that does not hold, and nothing again after a reload', async () => {
    await addRule('above', '2000000', 'info');
    await expect
      .poll(() => page.getByRole('table', { name: 'Alert rules' }).textContent(), { timeout: 30_000 })
      .toContain('condition does not hold');
    await page.reload();
    await page.getByTestId('alert-history').waitFor({ timeout: 120_000 });
    // the shell checks the rules again on the reloaded workspace: give it time to (wrongly) raise one
    await page.waitForTimeout(1500);
    expect(await history().count()).toBe(1);
    expect(await page.getByTestId('alert-toast').count()).toBe(0);
  });

  it('keeps an acknowledgement across a reload', async () => {
    await history().first().getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => history().first().textContent()).toContain('Acknowledged');
    await page.reload();
    await page.getByTestId('alert-history').waitFor({ timeout: 120_000 });
    expect(await history().first().textContent()).toContain('Acknowledged');
    expect(await page.getByRole('heading', { name: 'Alerts raised' }).textContent()).toBe('Alerts raised');
  });

  it('judges a new day imported later: the "above" rule fires once for it', async () => {
    await page.goto(`${app.url}#/data`);
    // a day after the demo's last (which is before today), within the year ahead that imports accept
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const file = fileFrom('next-day.csv', `customer_id,purchase_date,amount\nC-NEXT-1,${day},3000000\n`);
    await page.getByTestId('file-input').setInputFiles({
      name: file.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(await file.arrayBuffer()),
    });
    await page.getByLabel('Existing rows').selectOption('append');
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    // The import is not refused for the alert check the reload started: it waits for it.
    const report = page.getByTestId('last-import').locator('[data-file="next-day.csv"]');
    await expect.poll(() => report.getByTestId('rows-accepted').textContent(), { timeout: 60_000 }).toBe('1');
    // every toast shown, whichever order they came in
    const toasts = () => page.getByTestId('alert-toast').allTextContents();
    await expect
      .poll(async () => (await toasts()).join('\n'), { timeout: 120_000 })
      .toContain(
        `info alert: Daily revenue was $3,000,000.00 on ${formatDay(day, 'en-US')}, above the threshold of $2,000,000.00.`,
      );
    await page.goto(`${app.url}#/alerts`);
    await expect.poll(() => history().count(), { timeout: 30_000 }).toBe(2);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
