// A passphrase workspace in the built app: locked after a reload, a wrong passphrase refused, the right
// one shows the data; IndexedDB itself holds no plaintext of the imported rows.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest } from './support/browser';

const PURCHASES = path.resolve(import.meta.dirname, '../fixtures/shapes/purchases.csv');
const PASSPHRASE = 'correct horse battery staple';
let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
});
afterAll(async () => {
  await app?.close();
});

/** Waits until the workspace with this name is open. */
async function openWorkspaceIs(name: string) {
  await expect
    .poll(
      () =>
        page
          .getByTestId('workspace-name')
          .textContent()
          .catch(() => null),
      { timeout: 60_000 },
    )
    .toBe(name);
}

const purchasesRows = () => page.getByTestId('table-purchases').getByTestId('table-rows').textContent();

/** Every value in the page's IndexedDB, Blobs read as bytes, as one string. */
function readAllIndexedDb(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lantern');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const texts: string[] = [];
    const decode = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    const visit = async (value: unknown): Promise<void> => {
      if (value instanceof Blob) texts.push(decode(new Uint8Array(await value.arrayBuffer())));
      else if (value instanceof Uint8Array) texts.push(decode(value));
      else if (value && typeof value === 'object') for (const v of Object.values(value)) await visit(v);
      else texts.push(String(value));
    };
    for (const name of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const record of all) await visit(record);
    }
    db.close();
    return texts.join('\n');
  });
}

describe('a passphrase workspace', () => {
  it('is created, filled, and locked after a reload', async () => {
    await page.goto(`${app.url}#/workspaces`);
    await page.getByLabel('Name').fill('Client A');
    await page.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
    await page.getByLabel('Repeat it').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await openWorkspaceIs('Client A');
    await page.getByTestId('file-input').setInputFiles(PURCHASES);
    await page.getByRole('button', { name: /^Import 1 file$/ }).click();
    await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');

    await page.reload();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/workspaces$/);
    expect(await page.getByTestId('table-purchases').count()).toBe(0);
  });

  it('stores no plaintext of the imported rows', async () => {
    const stored = await readAllIndexedDb(page);
    expect(stored).toContain('Client A');
    for (const secret of ['CUST-013', 'T00024', '49.9', 'Electronics', 'purchases.csv'])
      expect(stored).not.toContain(secret);
  });

  it('refuses a wrong passphrase with a clear message and opens with the right one', async () => {
    const card = page.getByRole('form', { name: 'Open Client A' });
    await card.getByLabel('Passphrase').fill('wrong horse');
    await card.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => card.getByRole('alert').textContent(), { timeout: 60_000 })
      .toContain('That passphrase does not open this workspace');
    await card.getByLabel('Passphrase').fill(PASSPHRASE);
    await card.getByRole('button', { name: 'Unlock' }).click();
    await openWorkspaceIs('Client A');
    await page.goto(`${app.url}#/data`);
    await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');
  });

  it('exports a sealed workspace file that imports as a second, still locked workspace', async () => {
    await page.goto(`${app.url}#/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export workspace file' }).click(),
    ]);
    const file = (await download.path()) ?? '';
    expect(readFileSync(file).toString('latin1')).not.toContain('CUST-013');
    await page.goto(`${app.url}#/workspaces`);
    await page
      .getByLabel('Workspace file', { exact: true })
      .setInputFiles({ name: 'Client-A.lantern', mimeType: 'application/octet-stream', buffer: readFileSync(file) });
    const imported = page.getByRole('form', { name: 'Open Client A (imported)' });
    await imported.waitFor({ timeout: 30_000 });
    await imported.getByLabel('Passphrase').fill(PASSPHRASE);
    await imported.getByRole('button', { name: 'Unlock' }).click();
    await openWorkspaceIs('Client A (imported)');
    await page.goto(`${app.url}#/data`);
    await expect.poll(purchasesRows, { timeout: 60_000 }).toBe('60');
  });

  it('"Lock now" empties the page and asks for the passphrase again', async () => {
    expect(await page.getByTestId('table-purchases').count()).toBe(1);
    await page.getByRole('button', { name: 'Lock now' }).first().click();
    await expect.poll(() => page.getByTestId('workspace-name').count()).toBe(0);
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/workspaces$/);
    await page.goto(`${app.url}#/data`);
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/workspaces$/);
  });

  it('made no request to any other origin and broke no Content-Security-Policy rule', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
