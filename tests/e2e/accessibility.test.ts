// Accessibility and polish on the built app with the demo segmented and predicted, so every page shows
// its tables and charts: axe-core finds no serious or critical violation on any page in light or dark
// colours; no page is wider than a 375 px screen; the keyboard reaches the navigation with a visible
// focus ring; the Theme menu switches colours; every page renders without console errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NAV_ITEMS } from '../../src/app/navItems';
import { seriousViolations } from './support/axe';
import { startApp, type AppUnderTest } from './support/browser';
import { segmentAndPredict } from './support/runModels';

const PAGES = [...NAV_ITEMS.map((n) => n.path), '/customers/C000001', '/workspaces'];

let app: AppUnderTest;
let page: Page;
const consoleErrors: string[] = [];

/** Waits for a page's main content to settle (its lazy chunk, queries and charts). */
async function open(path: string) {
  await page.goto(`${app.url}#${path}`);
  await page.locator('main h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
}

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  await page.goto(`${app.url}?demo#/`);
  await page.getByTestId('kpi-Orders').waitFor({ timeout: 120_000 });
  await segmentAndPredict(page, app.url);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('accessibility and polish', () => {
  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations on any page (%s colours)',
    async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        await open(path);
        const violations = await seriousViolations(page);
        if (violations.length) found[path] = violations;
      }
      expect(found).toEqual({});
    },
    240_000,
  );

  it('fits every page on a 375 px wide screen (wide tables scroll inside their box)', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow: Record<string, number> = {};
    for (const path of PAGES) {
      await open(path);
      const extra = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (extra > 1) overflow[path] = extra;
    }
    expect(overflow).toEqual({});
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);

  it('reaches the navigation by keyboard with a visible focus ring', async () => {
    await open('/');
    // A fresh load starts the tab order at the top of the page.
    await page.reload();
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Customers') break;
    }
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused.text).toBe('Customers');
    expect(focused.outline).not.toBe('none');
    expect(focused.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/customers$/);
  });

  it('switches between light and dark with the Theme menu, and remembers it', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await open('/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByLabel('Theme').selectOption('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    expect(await background()).toBe(dark);
    await page.getByLabel('Theme').selectOption('system');
    expect(await background()).toBe(light);
  });

  it('rendered every page without console errors or requests off the device', () => {
    expect(consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
