// Live events (issue 9): the simulator at a high rate on the demo in the built app, for `seconds`.
// Samples the Data page's figures every 250 ms: events received and written per second, the update
// latency (first event of a batch arriving → its rows in DuckDB), how often the figures repaint, and
// the longest main-thread task. Also the queue alone in Node, for its ceiling.

import { LiveAggregator } from '../../src/analytics/live/liveAggregator';
import { EventSimulator } from '../../src/analytics/live/simulateEvents';
import type { AppUnderTest } from '../e2e/support/browser';

export interface LiveBenchRun {
  rate: number;
  seconds: number;
  receivedPerSecond: number;
  purchasesWrittenPerSecond: number;
  latencyMedianMs: number;
  latencyMaxMs: number;
  /** The fewest repaints of the figures in any whole second. */
  minUpdatesPerSecond: number;
  longestTaskMs: number;
  queueAlonePerSecond: number;
  /** With a prediction fit first: customer scorings done by live rescoring, and its median and slowest round. */
  rescoring: { customers: number; medianMs: number; maxMs: number; rounds: number } | null;
  /** Writing one batch into DuckDB: median and slowest. */
  write: { medianMs: number; maxMs: number; count: number };
  /** Stores of the live rows during the run: median and slowest. */
  store: { medianMs: number; maxMs: number; count: number };
}

const digits = (t: string | null) => Number((t ?? '').replace(/[^\d]/g, '') || 0);

/** The queue alone: checks, de-duplication and incremental metrics on simulated events, in Node. */
export function queueThroughput(events = 1_000_000): number {
  const simulator = new EventSimulator({
    customerIds: Array.from({ length: 20_000 }, (_, i) => `C${i}`),
    campaignIds: Array.from({ length: 200 }, (_, i) => `K${i}`),
    categories: ['a', 'b', 'c'],
    seed: 1,
  });
  const batches = Array.from({ length: events / 10_000 }, () => simulator.next(10_000, new Date().toISOString()));
  const queue = new LiveAggregator();
  const started = performance.now();
  for (const b of batches) {
    queue.push(b);
    queue.drain();
  }
  return (events * 1000) / (performance.now() - started);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function liveRun(
  app: AppUnderTest,
  rate: number,
  seconds: number,
  withPredictions = false,
): Promise<LiveBenchRun> {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: number[]; __repaints: number[] };
    w.__tasks = [];
    w.__repaints = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
    // Every change of the "received" figure is one repaint of the live figures.
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="live-received"]')) w.__repaints.push(performance.now());
    }).observe(document, { subtree: true, characterData: true, childList: true });
  });
  if (withPredictions) {
    await page.goto(`${app.url}?demo#/predictions`);
    const predict = page.getByRole('button', { name: 'Predict', exact: true });
    await predict.waitFor({ timeout: 120_000 });
    await predict.click();
    await page.getByTestId('model-parameters').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Data' }).click();
  } else {
    await page.goto(`${app.url}?demo#/data`);
  }
  await page.getByRole('heading', { name: 'Live events' }).waitFor({ timeout: 120_000 });
  await page.getByLabel('Simulated events per second').selectOption(String(rate));
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __repaints: number[] };
    w.__tasks = [];
    w.__repaints = [];
  });
  await page.getByRole('button', { name: 'Start the live demo' }).click();
  const latencies: number[] = [];
  const started = Date.now();
  const startReceived = digits(await page.getByTestId('live-received').textContent());
  const startWritten = digits(((await page.getByTestId('live-written').textContent()) ?? '').split(' purchases')[0]!);
  while (Date.now() - started < seconds * 1000) {
    await page.waitForTimeout(250);
    const text = (await page.getByTestId('live-figures').textContent()) ?? '';
    const m = /Last update([\d,]+) ms/.exec(text);
    if (m) latencies.push(Number(m[1]!.replace(/,/g, '')));
  }
  const elapsed = (Date.now() - started) / 1000;
  const received = digits(await page.getByTestId('live-received').textContent()) - startReceived;
  const written =
    digits(((await page.getByTestId('live-written').textContent()) ?? '').split(' purchases')[0]!) - startWritten;
  const { tasks, repaints, now, rescores, stores, writes } = await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __repaints: number[] };
    const durations = (name: string) => performance.getEntriesByName(name).map((e) => e.duration);
    return {
      tasks: w.__tasks,
      repaints: w.__repaints,
      now: performance.now(),
      rescores: durations('lantern:live:rescore'),
      stores: durations('lantern:live:store'),
      writes: durations('lantern:live:write'),
    };
  });
  const rescored = /^([\d,]+) customer scorings/.exec((await page.getByTestId('live-rescored').textContent()) ?? '');
  await page.getByRole('button', { name: 'Stop the live demo' }).click();
  await context.close();
  const perSecond: number[] = [];
  for (let s = now - (seconds - 1) * 1000; s < now - 1000; s += 1000)
    perSecond.push(repaints.filter((t) => t >= s && t < s + 1000).length);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rate,
    seconds: elapsed,
    receivedPerSecond: received / elapsed,
    purchasesWrittenPerSecond: written / elapsed,
    latencyMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    latencyMaxMs: sorted.at(-1) ?? NaN,
    minUpdatesPerSecond: perSecond.length ? Math.min(...perSecond) : 0,
    longestTaskMs: Math.max(0, ...tasks),
    queueAlonePerSecond: queueThroughput(),
    rescoring: rescored
      ? {
          customers: digits(rescored[1]!),
          medianMs: median(rescores),
          maxMs: Math.max(0, ...rescores),
          rounds: rescores.length,
        }
      : null,
    store: { medianMs: median(stores), maxMs: Math.max(0, ...stores), count: stores.length },
    write: { medianMs: median(writes), maxMs: Math.max(0, ...writes), count: writes.length },
  };
}
