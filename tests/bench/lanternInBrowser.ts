// Lantern itself: the built app in headless Chromium, driven like a user (file input, Import, then
// the Customers, Segments and Predictions pages), timed by the app's own performance measures, with long tasks and heap recorded.

import type { Page } from 'playwright-core';
import type { AppUnderTest } from '../e2e/support/browser';

export interface StepTiming {
  ms: number;
  /** Longest main-thread task (PerformanceObserver "longtask") overlapping the step; 0 when none over 50 ms. */
  longestTaskMs: number;
}

export interface LanternRun {
  rowsRead: number;
  /** File to queryable table: parse in the worker, stage, check and swap in DuckDB. */
  import: StepTiming;
  /** Of the import: parsing in the worker and inserting Arrow batches into the staging table. */
  stage: StepTiming;
  /** Of the import: the SQL checks that split staged rows into accepted rows and rejects. */
  check: StepTiming;
  /** Writing the changed tables to IndexedDB. */
  save: StepTiming;
  features: StepTiming;
  /** Segments page with its defaults: features, auto-k (k = 2…10), final k-means, tables saved. */
  segmentation: StepTiming;
  /** Of the segmentation: the time inside the ML worker (choosing k and the final clustering). */
  segmentationWorker: StepTiming;
  /** Predictions page with its defaults: inputs in DuckDB, BG/NBD + Gamma-Gamma fit, scoring, holdout check, tables saved. */
  predictions: StepTiming;
  /** Of the predictions: the time inside the ML worker. */
  predictionsWorker: StepTiming;
  /** Inside the worker: fitting both models on every customer, and scoring every customer. */
  predictionsFitMs: number;
  predictionsScoreMs: number;
  predictionsValidateMs: number;
  /** Customers scored. */
  predictionCustomers: number;
  /** Highest main-thread JS heap seen (performance.memory, Chromium only). */
  peakHeapMb: number | null;
}

interface Probe {
  longTasks: { start: number; duration: number }[];
  peakHeap: number;
}

/** Installed before the app loads: records long tasks and samples the heap. */
function installProbe() {
  const probe: Probe = { longTasks: [], peakHeap: 0 };
  (window as unknown as { __probe: Probe }).__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  setInterval(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    if (memory && memory.usedJSHeapSize > probe.peakHeap) probe.peakHeap = memory.usedJSHeapSize;
  }, 50);
}

async function step(page: Page, measure: string): Promise<StepTiming> {
  return page.evaluate((name) => {
    const entry = performance.getEntriesByName(name).at(-1);
    if (!entry) throw new Error(`The app recorded no "${name}" measure.`);
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const end = entry.startTime + entry.duration;
    const overlapping = probe.longTasks.filter((t) => t.start < end && t.start + t.duration > entry.startTime);
    return { ms: entry.duration, longestTaskMs: Math.max(0, ...overlapping.map((t) => t.duration)) };
  }, measure);
}

/** One import of `csvPath` into an empty workspace, then the customer features. */
export async function lanternRun(app: AppUnderTest, csvPath: string, fileName: string): Promise<LanternRun> {
  const context = await app.newContext();
  const page = await context.newPage();
  // tsx names functions with an `__name` helper that does not exist in the page.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(installProbe);
  await page.goto(`${app.url}#/data`);
  await page.getByTestId('file-input').waitFor();
  await page.getByRole('heading', { name: 'Tables' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles(csvPath);
  const importButton = page.getByRole('button', { name: /^Import 1 file$/ });
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import 1 file');
    return button && !button.disabled;
  });
  await importButton.click();
  const report = page.getByTestId('last-import').locator(`[data-file="${fileName}"]`);
  const failure = page.getByRole('alert').filter({ hasText: /./ });
  await Promise.race([
    report.waitFor({ timeout: 20 * 60_000 }),
    failure
      .first()
      .waitFor({ timeout: 20 * 60_000 })
      .then(async () => {
        throw new Error(`import failed: ${await failure.first().textContent()}`);
      }),
  ]);
  const rowsRead = Number((await report.getByTestId('rows-read').textContent())?.replace(/\D/g, ''));
  const importStep = await step(page, 'lantern:import');
  const save = await step(page, 'lantern:save');
  const stage = await step(page, 'lantern:import:stage');
  const check = await step(page, 'lantern:import:check');
  await page.goto(`${app.url}#/customers`);
  await page.getByTestId('features-summary').waitFor({ timeout: 10 * 60_000 });
  const features = await step(page, 'lantern:features');
  await page.goto(`${app.url}#/segments`);
  await page.getByRole('button', { name: 'Segment customers' }).click({ timeout: 60_000 });
  await page.getByTestId('segmentation-summary').waitFor({ timeout: 20 * 60_000 });
  const segmentation = await step(page, 'lantern:segmentation');
  const segmentationWorker = await step(page, 'lantern:segmentation:worker');
  await page.goto(`${app.url}#/predictions`);
  await page.getByRole('button', { name: 'Predict', exact: true }).click({ timeout: 60_000 });
  await page.getByTestId('model-parameters').waitFor({ timeout: 20 * 60_000 });
  const predictions = await step(page, 'lantern:predictions');
  const predictionsWorker = await step(page, 'lantern:predictions:worker');
  const inWorker = await page.evaluate(() =>
    ['fit', 'score', 'validate'].map(
      (p) => performance.getEntriesByName(`lantern:predictions:${p}`).at(-1)?.duration ?? NaN,
    ),
  );
  const predictionCustomers = Number(
    (await page.getByTestId('risk-levels').locator('tbody td:nth-child(3)').allTextContents())
      .map((t) => Number(t.replace(/\D/g, '')))
      .reduce((a, b) => a + b, 0),
  );
  const peak = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.peakHeap);
  await context.close();
  return {
    rowsRead,
    import: importStep,
    stage,
    check,
    save,
    features,
    segmentation,
    segmentationWorker,
    predictions,
    predictionsWorker,
    predictionsFitMs: inWorker[0] ?? NaN,
    predictionsScoreMs: inWorker[1] ?? NaN,
    predictionsValidateMs: inWorker[2] ?? NaN,
    predictionCustomers,
    peakHeapMb: peak ? peak / 1024 / 1024 : null,
  };
}
