// A demo link (`?demo`) opens a populated workspace with no clicks, and fetches nothing from elsewhere.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('?demo', () => {
  it('loads the demo workspace on its own', async () => {
    const page = await (await app.newContext()).newPage();
    await page.goto(`${app.url}?demo#/data`);
    const rows = async (table: string) =>
      Number((await page.getByTestId(`table-${table}`).getByTestId('table-rows').textContent())?.replace(/\D/g, ''));
    await expect.poll(() => rows('customers').catch(() => 0), { timeout: 120_000 }).toBe(2000);
    expect(await rows('campaigns')).toBeGreaterThanOrEqual(12);
    expect(await rows('campaign_performance')).toBeGreaterThan(1000);
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
