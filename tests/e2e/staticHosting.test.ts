// The static build from any URL: under a sub-path of a plain static host, and offline after one
// online visit (service worker precache, including DuckDB's WASM).

import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

async function newPage(origin = host.origin): Promise<{ page: Page; setOffline: (offline: boolean) => Promise<void> }> {
  const context = await browser.newContext();
  context.on('request', (r) => {
    if (!r.url().startsWith('blob:') && new URL(r.url()).origin !== origin) foreign.push(r.url());
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
      .toMatch(/^1,?\d{3} customers as of [A-Z][a-z]{2} \d{1,2}, \d{4}/); // customers with purchases, as of the last purchase day
  });

  it('is installable in Chromium (manifest, icons, service worker)', async () => {
    // A persistent profile: Chromium never offers to install from an incognito context.
    const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'lantern-profile-')), {
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    context.on('request', (r) => {
      if (!r.url().startsWith('blob:') && new URL(r.url()).origin !== host.origin) foreign.push(r.url());
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${host.url}#/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${host.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await context.close();
  });

  it('offers a new version with "Reload to update" and does not apply it on its own', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'lantern-dist-'));
    cpSync(DIST, copy, { recursive: true });
    const v1 = await serveStatic(copy, '/lantern/');
    try {
      const { page } = await newPage(v1.origin);
      await page.goto(`${v1.url}#/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
      // Deploy a "new version": a changed service worker.
      appendFileSync(path.join(copy, 'sw.js'), '\n// next version\n');
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const reload = page.getByRole('button', { name: 'Reload to update' });
      await reload.waitFor({ timeout: 60_000 });
      // Still the same page: nothing was reloaded under the user.
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(marker);
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), reload.click()]);
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    } finally {
      await v1.close();
    }
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
