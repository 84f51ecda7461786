// Segments in the real app: the demo workspace segmented in the ML worker with the default settings
// gives exactly the segments the same code gives in Node; they survive a reload; the Customers page
// filters by them; the audience downloads; cancelling keeps the previous segments.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoFiles } from '../../src/data/demo/demoFiles';
import type { SegmentationResult } from '../../src/analytics/segmentation/segmentCustomers';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { openNodeDuckDb } from '../support/nodeDuckDb';
import { segmentInNode } from '../support/segmentInNode';
import { startApp, type AppUnderTest } from './support/browser';

let app: AppUnderTest;
let page: Page;
let inNode: SegmentationResult;
const nodeAssignment = new Map<string, number>();

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  const db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  inNode = await segmentInNode(db);
  for (const row of await db.query<{ customer_id: string; segment_id: number }>(
    'SELECT customer_id, segment_id FROM customer_segments',
  )) {
    nodeAssignment.set(row.customer_id, Number(row.segment_id));
  }
  db.close();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const segmentSizes = (p: Page) =>
  p
    .locator('.segment-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Number((r.querySelectorAll('td')[0]?.textContent ?? '').split('(')[0]?.replace(/\D/g, ''))),
    );

describe('segments in the browser', () => {
  it('segments the demo with the defaults, exactly as Node does', async () => {
    await page.goto(`${app.url}?demo#/segments`);
    const run = page.getByRole('button', { name: 'Segment customers' });
    await run.waitFor({ timeout: 120_000 });
    await run.click();
    await page.getByTestId('segmentation-summary').waitFor({ timeout: 120_000 });
    expect(await segmentSizes(page)).toEqual(inNode.profiles.map((p) => p.size));
    const names = await page.locator('.segment-table tbody th').allTextContents();
    expect(names.map((n, i) => n.startsWith(`${i + 1}. ${inNode.profiles[i]?.name}`))).toEqual(names.map(() => true));
    // The curves were drawn for k = 2…10, and the chosen k is the one Node chose.
    await expect.poll(() => page.locator('circle.k-point').count()).toBe(18);
    expect(await page.getByTestId('segmentation-summary').textContent()).toContain(`k = ${inNode.k}`);
  });

  it('downloads every customer with their segment: the same assignment as Node, customer by customer', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /every customer with their segment/ }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('customer_id,email,phone,segment_id,segment');
    expect(lines).toHaveLength(nodeAssignment.size);
    const differing = lines.filter((line) => {
      const [id, , , segment] = line.split(',');
      return nodeAssignment.get(id ?? '') !== Number(segment);
    });
    expect(differing).toEqual([]);
  });

  it('keeps the segments across a reload, and draws the RFM map adding up to every customer', async () => {
    await page.reload();
    await page.getByTestId('segmentation-summary').waitFor({ timeout: 120_000 });
    expect(await segmentSizes(page)).toEqual(inNode.profiles.map((p) => p.size));
    const cells = await page
      .locator('[data-rfm-cell] .rfm-count')
      .evaluateAll((els) => els.map((e) => Number(e.textContent?.replace(/\D/g, ''))));
    expect(cells).toHaveLength(25);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(nodeAssignment.size);
  });

  it('downloads the canvas scatter as an SVG that carries its points', async () => {
    const scatter = page.getByRole('region', { name: 'Customers on two features' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      scatter.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const svg = await readFile((await file.path()) ?? '', 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const image = doc.querySelector('image');
      return {
        error: doc.querySelector('parsererror') !== null,
        points: image?.getAttribute('href')?.startsWith('data:image/png;base64,') ?? false,
        axes: doc.querySelectorAll('.visx-axis').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, points: true, axes: 2 });
  });

  it('lists customers filtered by segment, and opens one with their history', async () => {
    await page.goto(`${app.url}#/customers`);
    await page.getByLabel('Filter by segment').selectOption('1');
    await expect
      .poll(() => page.getByTestId('customer-count').textContent())
      .toMatch(new RegExp(`^${(inNode.profiles[0]?.size ?? 0).toLocaleString('en-US')} customers match`));
    // Virtualised: far fewer rows in the page than customers in the list.
    const rendered = await page.locator('.customer-rows [role=row]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    // Rows are placeholders until their block arrives from DuckDB: wait for a real id before opening one.
    const first = page.locator('.customer-rows [role=row]').first();
    await expect.poll(() => first.locator('[role=cell]').first().textContent()).toMatch(/^C\d+$/);
    const id = (await first.locator('[role=cell]').first().textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: /^Segment 1:/ }).waitFor();
    // The customer is in the history entry's state, not its address: the browser's history holds no ids.
    expect(await page.locator('h1 .customer-id').textContent()).toBe(id);
    expect(page.url()).toMatch(/#\/customer$/);
    expect(await page.title()).not.toContain(id);
    expect(await page.locator('[data-feature=frequency]').textContent()).toMatch(/\d/);
    await page.getByText(/^\d[\d,]* purchase lines/).waitFor();
    // Opened directly (a reload or a shared link), the page builds the features it needs first.
    await page.reload();
    await page.getByRole('heading', { name: /^Segment 1:/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-feature=frequency]').textContent()).toMatch(/\d/);
    expect(await page.locator('h1 .customer-id').textContent()).toBe(id);
    // An old link with the id in its path opens the customer and takes the id out of the address.
    await page.goto(`${app.url}#/customers/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { name: /^Segment 1:/ }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.url()).toMatch(/#\/customer$/);
  });

  it('cancelling a run keeps the previous segments', async () => {
    await page.goto(`${app.url}#/segments`);
    await page.getByTestId('segmentation-summary').waitFor({ timeout: 60_000 });
    await page.getByLabel('Restarts', { exact: true }).selectOption('100');
    await page.getByRole('button', { name: 'Segment again' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Segmentation cancelled: the previous segments are kept.').waitFor();
    expect(await segmentSizes(page)).toEqual(inNode.profiles.map((p) => p.size));
    // The cancelled worker was terminated; the next run starts a fresh one and finishes.
    await page.getByLabel('Restarts', { exact: true }).selectOption('5');
    await page.getByRole('button', { name: 'Segment again' }).click();
    await expect
      .poll(() => page.getByTestId('segmentation-summary').textContent(), { timeout: 60_000 })
      .toContain('5 k-means++ starts');
  });

  it('made no request to another origin', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
