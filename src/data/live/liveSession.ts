// The live queue on the main thread's side: every 200 ms it drains the live worker and writes the batch
// into DuckDB (only what changed; see applyLiveBatch), every second it scores again the customers whose
// purchases changed (with the stored fit, in the live worker; see rescorePredictions), and every 10 s it
// stores the changed tables with the workspace. While an import or another save runs, events wait in the
// worker's queue.

import type { LiveCounts } from '../../analytics/live/liveAggregator';
import type { RejectedEvent } from '../../analytics/live/liveEvents';
import type { SimulationSettings } from '../../analytics/live/simulateEvents';
import { liveWorker } from '../../bridge/liveWorker';
import type { EventFileSummary } from '../../contracts/live';
import { recordError } from '../../lib/monitor';
import { toCsvText } from '../../lib/csv';
import { tableExists } from '../sql';
import {
  currentManifest,
  onWorkspaceCaughtUp,
  openWorkspace,
  runExclusive,
  runLiveWrite,
  saveWorkspaceTables,
  setLiveStoreHooks,
} from '../workspace';
import { onSessionChange } from '../workspaceSession';
import { CUSTOMER_PREDICTIONS_TABLE, PREDICTIONS_TABLE } from '../predictions/predictionTables';
import { applyLiveBatch, rebuildCustomerMetrics } from './applyLiveBatch';
import {
  forgetRescoringState,
  noteFit,
  rescoredRunPatch,
  rescoreEveryoneNext,
  rescoreIfDue,
  resetRescoring,
} from './liveRescoring';
import { captureUnstored, forgetStored, replayUnstored, unstoredPurchasesView } from './unstoredLiveRows';

export interface LiveFigures {
  /** The worker's counts: every event received is accepted or rejected. */
  counts: LiveCounts;
  /** Accepted events whose id the stored data already had (rejected at the write). */
  alreadyStored: number;
  written: { purchases: number; campaignDays: number; registrations: number; customers: number };
  /** From the first event of the last batch arriving to its rows being in DuckDB. */
  lastLatencyMs: number | null;
  /** Accepted events per second over the last few seconds. */
  eventsPerSecond: number;
  simulating: number;
  /** Customers scored again with the stored fit (null until live purchases met a fit). */
  rescored: { asOf: string; customers: number; everyone: number; lastMs: number } | null;
  /** Tables written but not stored yet. */
  unsaved: string[];
  storedAt: string | null;
  error: string | null;
}

const DRAIN_MS = 200;
const STORE_MS = 10_000;
const MAX_REJECTS = 10_000;

const empty = (): LiveFigures => ({
  counts: { received: 0, accepted: 0, rejected: 0 },
  alreadyStored: 0,
  written: { purchases: 0, campaignDays: 0, registrations: 0, customers: 0 },
  lastLatencyMs: null,
  eventsPerSecond: 0,
  simulating: 0,
  rescored: null,
  unsaved: [],
  storedAt: null,
  error: null,
});

let figures = empty();
let rejects: RejectedEvent[] = [];
let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<void> | null = null;
let lastStore = 0;
let metricsBasis: string | null = null;
const rate: { at: number; accepted: number }[] = [];
const listeners = new Set<(written: boolean) => void>();

const notify = (written: boolean) => listeners.forEach((l) => l(written));

/** Calls `listener` when the figures change; `written` when rows reached DuckDB. */
export function onLiveChange(listener: (written: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const liveFigures = (): LiveFigures => figures;
export const liveRejects = (): readonly RejectedEvent[] => rejects;

function keepRejects(more: RejectedEvent[]) {
  if (more.length === 0) return;
  rejects = [...rejects, ...more].slice(-MAX_REJECTS);
}

/** One drain-and-write; a tick that finds the last one still running waits for it instead. */
function tick(): Promise<void> {
  running ??= drainOnce().finally(() => {
    running = null;
  });
  return running;
}

async function drainOnce(): Promise<void> {
  try {
    const status = await liveWorker().status();
    figures = { ...figures, simulating: status.simulating };
    if (status.pending === 0 && status.counts.received === figures.counts.received) {
      await rescore();
      await storeIfDue();
      return;
    }
    const written = await runLiveWrite(async (conn, manifest) => {
      const fitted = noteFit(manifest);
      const basis = manifest.imports.map((r) => r.id).join('|');
      // The metrics table follows imports: built again after one, then kept up batch by batch.
      if (basis !== metricsBasis || !(await tableExists(conn, 'customer_metrics'))) {
        await rebuildCustomerMetrics(conn);
        metricsBasis = basis;
      }
      const encoded = await liveWorker().drain();
      const writeStarted = performance.now();
      const result = await applyLiveBatch(conn, encoded, fitted);
      performance.measure('lantern:live:write', { start: writeStarted, end: performance.now() });
      return { batch: encoded.batch, result };
    });
    if (!written) return;
    const { batch, result } = written;
    keepRejects(batch.rejects);
    keepRejects(result.rejects);
    const now = Date.now();
    rate.push({ at: now, accepted: batch.counts.accepted });
    while (rate.length > 2 && rate[0]!.at < now - 5000) rate.shift();
    const first = rate[0]!;
    const w = figures.written;
    figures = {
      ...figures,
      counts: batch.counts,
      alreadyStored: figures.alreadyStored + result.rejects.length,
      written: {
        purchases: w.purchases + result.purchases,
        campaignDays: w.campaignDays + result.campaignDays,
        registrations: w.registrations + result.registrations,
        customers: w.customers + result.customersUpdated,
      },
      lastLatencyMs: batch.firstArrivedAt === null ? figures.lastLatencyMs : now - batch.firstArrivedAt,
      eventsPerSecond: now > first.at ? ((batch.counts.accepted - first.accepted) * 1000) / (now - first.at) : 0,
      unsaved: [...new Set([...figures.unsaved, ...result.changedTables])],
      error: null,
    };
    notify(result.changedTables.length > 0);
    await rescore();
    await storeIfDue();
  } catch (error) {
    figures = { ...figures, error: (error as Error).message };
    recordError('live events', (error as Error).message);
    notify(false);
  }
}

/** Scores changed customers again when due (see liveRescoring) and shows it. */
async function rescore(force = false): Promise<void> {
  const round = await rescoreIfDue(force);
  if (!round) return;
  const before = figures.rescored;
  figures = {
    ...figures,
    rescored: {
      asOf: round.asOf,
      customers: (before?.customers ?? 0) + round.customers,
      everyone: (before?.everyone ?? 0) + (round.everyone ? 1 : 0),
      lastMs: round.ms,
    },
    unsaved: [...new Set([...figures.unsaved, CUSTOMER_PREDICTIONS_TABLE, PREDICTIONS_TABLE])],
  };
  notify(true);
}

async function storeIfDue(force = false): Promise<void> {
  if (figures.unsaved.length === 0 || (!force && Date.now() - lastStore < STORE_MS)) return;
  const tables = figures.unsaved;
  const started = performance.now();
  try {
    await runExclusive('storing live events', async () => {
      const { duck } = await openWorkspace();
      const stored = (await currentManifest()).tables.purchases;
      // New purchase rows go on the end of the stored table as one more chunk (see unstoredLiveRows).
      const view = tables.includes('purchases') ? await unstoredPurchasesView(duck.write, stored) : null;
      const appendFrom: Record<string, string> = view ? { purchases: view } : {};
      return saveWorkspaceTables(tables, await rescoredRunPatch(), undefined, appendFrom);
    });
    performance.measure('lantern:live:store', { start: started, end: performance.now() });
    lastStore = Date.now();
    figures = {
      ...figures,
      unsaved: figures.unsaved.filter((t) => !tables.includes(t)),
      storedAt: new Date().toISOString(),
    };
    notify(false);
  } catch {
    // Busy with an import or a save: the tables are stored on a later tick.
  }
}

let workerUsed = false;

/** Starts the 200 ms drain of the worker's queue (on the first use of live events). */
export function ensureRunning() {
  workerUsed = true;
  timer ??= setInterval(() => void tick(), DRAIN_MS);
}

/** Queues the events of a file (events, or a day's purchases export). */
export async function pushEventFile(file: File): Promise<EventFileSummary> {
  ensureRunning();
  return liveWorker().pushFile(file);
}

/** Queues events (the hand form) and returns the running counts. */
export async function pushEvents(events: unknown[]): Promise<LiveCounts> {
  ensureRunning();
  return liveWorker().push(events);
}

/** Starts (or changes the rate of) the simulator. */
export async function startSimulation(settings: SimulationSettings, eventsPerSecond: number): Promise<void> {
  ensureRunning();
  await liveWorker().simulate(settings, eventsPerSecond);
  figures = { ...figures, simulating: eventsPerSecond };
  notify(false);
}

/** Stops the simulator and stores what it wrote. */
export async function stopSimulation(): Promise<void> {
  await liveWorker().stopSimulation();
  figures = { ...figures, simulating: 0 };
  // The tick under way may have drained before the last events arrived: one more after it.
  await tick();
  await tick();
  await rescore(true);
  await storeIfDue(true);
  notify(false);
}

/** Stores what live events wrote now (the page is being hidden or closed). */
export function storeLiveNow(): Promise<void> {
  return storeIfDue(true);
}

// Another workspace: nothing of the last one's queue may carry over.
onSessionChange(() => {
  if (timer) clearInterval(timer);
  timer = null;
  figures = empty();
  rejects = [];
  metricsBasis = null;
  resetRescoring();
  // The worker starts only when live events are used; it is not started just to be emptied.
  if (workerUsed) void liveWorker().reset();
  notify(false);
});
// Rows this tab wrote stay in temporary logs until stored; a reload (another tab's change, a failed
// save) applies them again, and the metrics and predictions follow.
setLiveStoreHooks({
  afterCommit: async (conn, tables) => {
    await forgetStored(conn, tables);
    figures = { ...figures, unsaved: figures.unsaved.filter((t) => !tables.includes(t)) };
  },
  beforeReload: async (conn, stored) => {
    if (figures.unsaved.includes('purchases')) await captureUnstored(conn, stored?.purchases?.rows);
  },
  afterReload: async (conn) => {
    if (!(await replayUnstored(conn))) return;
    await rebuildCustomerMetrics(conn);
    rescoreEveryoneNext();
  },
});
// Another tab replaced the tables: the metrics table is built again from them.
onWorkspaceCaughtUp(() => {
  metricsBasis = null;
  forgetRescoringState();
});

/** The simulator's cast: known customers, campaigns and categories of the open workspace. */
export async function simulationCast(seed: number): Promise<SimulationSettings> {
  const { duck } = await openWorkspace();
  const conn = duck.read;
  const ids = async (table: string, column: string) =>
    (await tableExists(conn, table))
      ? (
          await conn.query<{ v: string }>(
            `SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1 LIMIT 5000`,
          )
        ).map((r) => r.v)
      : [];
  return {
    customerIds: await ids('purchases', 'customer_id'),
    campaignIds: await ids('campaign_performance', 'campaign_id'),
    categories: await ids('purchases', 'category'),
    seed,
  };
}

/** Every rejected live event as CSV (sequence, id, column, reason, the event), safe to open in a spreadsheet. */
export function liveRejectsCsv(): Blob {
  const header = ['event', 'source', 'id', 'field', 'reason', 'raw'];
  const rows = rejects.map((r) => [r.seq || null, r.source ?? null, r.id, r.field, r.reason, r.raw]);
  return new Blob([toCsvText(header, rows)], { type: 'text/csv' });
}
