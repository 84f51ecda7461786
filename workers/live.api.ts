// The live worker's implementation: one queue, a simulator ticking every 50 ms, and the user's own
// stream (see live.stream.ts), whose messages enter the same queue and its checks.

import { releaseProxy, transfer, type Remote } from 'comlink';
import { LiveAggregator } from '../src/analytics/live/liveAggregator';
import { EventSimulator } from '../src/analytics/live/simulateEvents';
import { scoreCustomers } from '../src/analytics/predictions/scoreCustomers';
import { queueStreamMessage } from '../src/analytics/live/streamMessages';
import type { LiveWorkerApi, StreamStatus } from '../src/contracts/live';
import { readEventFile } from '../src/data/ingestion/eventFile';
import { encodeLiveBatch } from '../src/data/ingestion/liveBatchArrow';
import { openStream, type StreamConnection } from './live.stream';

let queue = new LiveAggregator();
let timer: ReturnType<typeof setInterval> | null = null;
let rate = 0;
let stream: StreamConnection | null = null;
/** The page's status callback for the open stream (a Comlink proxy, released with the stream). */
let streamListener: Remote<(status: StreamStatus) => void> | null = null;

const TICK_MS = 50;

function stop() {
  if (timer) clearInterval(timer);
  timer = null;
  rate = 0;
}

function disconnect(detail: string) {
  // The last status ("closed") is sent before the page's callback is let go.
  stream?.close(detail);
  stream = null;
  streamListener?.[releaseProxy]();
  streamListener = null;
}

export const liveApi = {
  push: (events) => {
    queue.push(events);
    return Promise.resolve(queue.totals());
  },
  pushFile: async (file) => {
    let rows = 0;
    let unreadable = 0;
    for await (const items of readEventFile(file)) {
      let events: unknown[] = [];
      let sources: string[] = [];
      for (const item of items) {
        rows++;
        const where = `${file.name}, row ${item.row}`;
        if ('event' in item) {
          events.push(item.event);
          sources.push(where);
          continue;
        }
        queue.push(events, sources);
        events = [];
        sources = [];
        queue.rejectUnreadable(item.unreadable, item.reason, where);
        unreadable++;
      }
      queue.push(events, sources);
      // Lets the page's drains through between batches of a large file.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { rows, unreadable };
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
  connectStream: (url, onStatus) => {
    disconnect('Replaced by a new connection.');
    // `queue` is read at each message: after a reset the stream is closed anyway.
    stream = openStream(url, (data) => queueStreamMessage(queue, data), onStatus);
    streamListener = onStatus as unknown as Remote<(status: StreamStatus) => void>;
    return Promise.resolve();
  },
  disconnectStream: () => {
    disconnect('You pressed Disconnect.');
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
    disconnect('Another workspace was opened.');
    queue = new LiveAggregator();
    return Promise.resolve();
  },
} satisfies LiveWorkerApi;
