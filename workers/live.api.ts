// The live worker's implementation: one queue, and a simulator ticking every 50 ms.

import { transfer } from 'comlink';
import { LiveAggregator } from '../src/analytics/live/liveAggregator';
import { EventSimulator } from '../src/analytics/live/simulateEvents';
import { scoreCustomers } from '../src/analytics/predictions/scoreCustomers';
import type { LiveWorkerApi } from '../src/contracts/live';
import { encodeLiveBatch } from '../src/data/ingestion/liveBatchArrow';

let queue = new LiveAggregator();
let timer: ReturnType<typeof setInterval> | null = null;
let rate = 0;

const TICK_MS = 50;

function stop() {
  if (timer) clearInterval(timer);
  timer = null;
  rate = 0;
}

export const liveApi = {
  push: (events) => {
    queue.push(events);
    return Promise.resolve(queue.totals());
  },
  drain: () => {
    const encoded = encodeLiveBatch(queue.drain());
    const buffers = [encoded.purchases, encoded.campaignDays, encoded.registrations].flatMap((b) =>
      b ? [b.buffer as ArrayBuffer] : [],
    );
    return Promise.resolve(transfer(encoded, buffers));
  },
  simulate: (settings, eventsPerSecond) => {
    stop();
    const simulator = new EventSimulator(settings);
    rate = eventsPerSecond;
    let owed = 0;
    let last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      owed += ((now - last) / 1000) * eventsPerSecond;
      last = now;
      const n = Math.floor(owed);
      owed -= n;
      if (n > 0) queue.push(simulator.next(n, new Date().toISOString()));
    }, TICK_MS);
    return Promise.resolve();
  },
  stopSimulation: () => {
    stop();
    return Promise.resolve();
  },
  status: () => Promise.resolve({ counts: queue.totals(), pending: queue.pending(), simulating: rate }),
  score: (model, summary) => {
    const scored = scoreCustomers(model, summary);
    const buffers = Object.values(scored.predictions).map((a) => (a as Float64Array).buffer as ArrayBuffer);
    return Promise.resolve(transfer(scored, buffers));
  },
  reset: () => {
    stop();
    queue = new LiveAggregator();
    return Promise.resolve();
  },
} satisfies LiveWorkerApi;
