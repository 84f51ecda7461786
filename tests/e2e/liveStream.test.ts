// The user's own event stream in the built app on the demo, against a local SSE and WebSocket server on
// another origin: nothing reaches the server until the URL is typed and confirmed; the page itself
// still cannot connect to that origin (its meta CSP) while the live worker can; the server's events
// are checked and written like any other (a message that is not JSON is rejected); Disconnect closes
// the connection and a reload never reopens it; the only cross-origin traffic is to the typed URLs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { startApp, type AppUnderTest } from './support/browser';
import { numberIn, tableRows } from './support/pageNumbers';
import { startStreamServer, type StreamServer } from './support/streamServer';

let app: AppUnderTest;
let stream: StreamServer;
let page: Page;
const webSockets: string[] = [];

beforeAll(async () => {
  app = await startApp();
  stream = await startStreamServer();
  page = await (await app.newContext()).newPage();
  page.on('websocket', (ws) => webSockets.push(ws.url()));
}, 60_000);
afterAll(async () => {
  await app?.close();
  await stream?.close();
});

const number = (testId: string) => numberIn(page, testId);
const purchaseRows = () => tableRows(page, 'purchases');
const status = () => page.getByTestId('stream-status').textContent();
const streamForm = () => page.getByRole('form', { name: 'Your own event stream' });
const purchase = (id: string, amount: number | string = 20) => ({
  type: 'purchase',
  id,
  customerId: 'C000001',
  at: new Date().toISOString(),
  amount,
});
const probeUrl = () => `${stream.origin}/probe`;

async function askToConnect(url: string) {
  await streamForm().getByLabel('Stream URL').fill(url);
  await streamForm().getByRole('button', { name: 'Connect…' }).click();
}

describe('the user’s event stream', () => {
  it('connects to nothing until the URL is typed and confirmed, and the page itself cannot', async () => {
    await page.goto(`${app.url}?demo#/data`);
    await page.getByRole('heading', { name: 'Live events' }).waitFor({ timeout: 120_000 });
    expect(await status()).toContain('Not connected: Lantern makes no network connection.');

    await askToConnect('ftp://127.0.0.1/events');
    await expect.poll(() => streamForm().getByRole('alert').textContent()).toContain('Only http:, https:');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await askToConnect(stream.sseUrl);
    const dialog = page.getByRole('dialog', { name: `Connect to ${stream.origin}?` });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('the only network access Lantern ever makes');
    expect(text).toContain(stream.sseUrl);
    expect(text).toContain('Nothing is sent to it');
    expect(text).toContain('stops when you press Disconnect or close this tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Connect…');

    // The page's meta CSP (connect-src 'self') still holds for the page itself.
    const probe = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'fetched',
          () => 'blocked',
        ),
      probeUrl(),
    );
    expect(probe).toBe('blocked');
    await page.waitForTimeout(500);
    expect(stream.requests).toEqual([]);
  });

  it('receives Server-Sent Events, checked like any other, until Disconnect', async () => {
    const rowsBefore = await purchaseRows();
    await askToConnect(stream.sseUrl);
    await page.getByRole('button', { name: `Connect to ${stream.origin}` }).click();
    await expect.poll(() => stream.sseClients.size, { timeout: 10_000 }).toBe(1);
    await expect.poll(status).toContain(`Connected to ${stream.sseUrl}`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Disconnect');
    expect(stream.requests).toEqual([{ line: 'GET /events', origin: app.origin }]);

    stream.sendSse(JSON.stringify(purchase('sse-1')));
    stream.sendSse(JSON.stringify([purchase('sse-2'), purchase('sse-3')]));
    stream.sendSse(`${JSON.stringify(purchase('sse-4'))}\n${JSON.stringify(purchase('sse-5'))}`);
    stream.sendSse('this is not json');
    stream.sendSse(JSON.stringify(purchase('sse-6', 'lots')));

    await expect.poll(purchaseRows, { timeout: 10_000 }).toBe(rowsBefore + 5);
    await expect.poll(status, { timeout: 5_000 }).toContain('5 messages, 7 events received');
    await expect.poll(() => number('live-received'), { timeout: 5_000 }).toBe(7);
    expect(await number('live-accepted')).toBe(5);
    expect(await number('live-rejected')).toBe(2);
    const rejects = (await page.getByTestId('live-rejects').textContent()) ?? '';
    expect(rejects).toContain('message: not JSON');
    expect(rejects).toContain('(id sse-6), amount: not a number');

    await streamForm().getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(status).toContain('Not connected. You pressed Disconnect.');
    await expect.poll(() => stream.sseClients.size, { timeout: 5_000 }).toBe(0);
    stream.sendSse(JSON.stringify(purchase('sse-late')));
    await page.waitForTimeout(1000);
    expect(await number('live-received')).toBe(7);
  });

  it('prefills the last URL after a reload but never reconnects by itself', async () => {
    const seen = stream.requests.length;
    await page.reload();
    await page.getByRole('heading', { name: 'Live events' }).waitFor({ timeout: 120_000 });
    expect(await streamForm().getByLabel('Stream URL').inputValue()).toBe(stream.sseUrl);
    expect(await status()).toContain('Not connected: Lantern makes no network connection.');
    await page.waitForTimeout(1500);
    expect(stream.requests.length).toBe(seen);
    expect(stream.sseClients.size).toBe(0);
  });

  it('receives WebSocket messages until Disconnect, and talks to nothing but the typed URLs', async () => {
    const rowsBefore = await purchaseRows();
    await askToConnect(stream.wsUrl);
    await page.getByRole('button', { name: `Connect to ${stream.origin.replace('http:', 'ws:')}` }).click();
    await expect.poll(() => stream.wsClients.size, { timeout: 10_000 }).toBe(1);
    await expect.poll(status).toContain(`Connected to ${stream.wsUrl}`);
    expect(await seriousViolations(page)).toEqual([]);

    stream.sendWs(JSON.stringify([purchase('ws-1'), purchase('ws-2')]));
    stream.sendWs('oops');
    await expect.poll(purchaseRows, { timeout: 10_000 }).toBe(rowsBefore + 2);
    await expect.poll(status, { timeout: 5_000 }).toContain('2 messages, 3 events received');
    // The reload started a fresh queue: these three are all it has seen.
    await expect.poll(() => page.getByTestId('live-rejects').textContent()).toContain('Event 3, message: not JSON');
    expect(await number('live-received')).toBe(3);

    await streamForm().getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => stream.wsClients.size, { timeout: 5_000 }).toBe(0);
    await expect.poll(status).toContain('Not connected. You pressed Disconnect.');

    // What reached the stream server, and every request that left the app's origin.
    expect(stream.requests.map((r) => r.line)).toEqual(['GET /events', 'UPGRADE /ws']);
    expect(stream.requests.every((r) => r.origin === app.origin)).toBe(true);
    expect([...new Set(app.foreignRequests.filter((url) => url !== probeUrl()))]).toEqual([stream.sseUrl]);
    expect(webSockets).toEqual([stream.wsUrl]);
    // The one CSP violation is the page's own probe in the first test.
    expect(app.cspViolations.length).toBeGreaterThan(0);
    expect(app.cspViolations.every((m) => m.includes(probeUrl()))).toBe(true);
  });
});
