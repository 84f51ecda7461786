// The static build from any URL: under a sub-path of a plain static host, and offline after one
// online visit (service worker precache, including DuckDB's WASM).

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './support/browser';
import { serveStatic, type StaticHost } from './support/staticServer';

const DIST = path.resolve(import.meta.dirname, '../../dist');
let host: StaticHost;
let browser: Browser;
const foreign: string[] = [];

beforeAll(async () => {
  host = await serveStatic(DIST, '/lantern/');
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function newPage(): Promise<{ page: Page; setOffline: (offline: boolean) => Promise<void> }> {
  const context = await browser.newContext();
  context.on('request', (r) => {
    if (!r.url().startsWith('blob:') && new URL(r.url()).origin !== host.origin) foreign.push(r.url());
  });
  return { page: await context.newPage(), setOffline: (offline) => context.setOffline(offline) };
}

const rows = async (page: Page, table: string) =>
  Number((await page.getByTestId(`table-${table}`).getByTestId('table-rows').textContent())?.replace(/\D/g, ''));

describe('static hosting', () => {
  it('works under a sub-path: /lantern/?demo opens the demo', async () => {
    const { page } = await newPage();
    await page.goto(`${host.url}?demo#/data`);
    await expect.poll(() => rows(page, 'customers').catch(() => 0), { timeout: 120_000 }).toBe(2000);
  });

  it('starts, loads the demo and runs an analysis offline after one online visit', async () => {
    const { page, setOffline } = await newPage();
    await page.goto(`${host.url}#/`);
    // The service worker is active once it has precached everything, DuckDB's WASM included.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Try the demo' }).click({ timeout: 60_000 });
    await page.goto(`${host.url}#/customers`);
    await expect
      .poll(
        () =>
          page
            .getByTestId('features-summary')
            .textContent()
            .catch(() => ''),
        { timeout: 120_000 },
      )
      .toMatch(/^1,?\d{3} customers as of \d{4}-\d{2}-\d{2}/); // customers with purchases, as of the last purchase day
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
