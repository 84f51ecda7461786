// What the Monitoring page shows about the app itself, kept in memory for this tab: DuckDB query
// timings, the named job timings (`lantern:*` performance measures), and errors. Bounded ring buffers,
// so watching costs nothing noticeable; nothing leaves the device.

export interface Timing {
  kind: 'query' | 'job';
  /** The job's name, or the query's first words. */
  name: string;
  ms: number;
  /** performance.now() when it ended. */
  at: number;
  ok: boolean;
}

export interface MonitoredError {
  source: string;
  message: string;
  at: number;
}

const MAX_TIMINGS = 2000;
const MAX_ERRORS = 200;
const timings: Timing[] = [];
const errors: MonitoredError[] = [];
const listeners = new Set<() => void>();
let version = 0;
let scheduled = false;

// Listeners hear at most once per frame: queries come in bursts.
function changed() {
  version++;
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    listeners.forEach((l) => l());
  }, 250);
}

export function recordTiming(t: Timing): void {
  timings.push(t);
  if (timings.length > MAX_TIMINGS) timings.splice(0, timings.length - MAX_TIMINGS);
  changed();
}

export function recordError(source: string, message: string): void {
  errors.push({ source, message: message.slice(0, 500), at: performance.now() });
  if (errors.length > MAX_ERRORS) errors.shift();
  changed();
}

/** The name a query is filed under: its statement and first table, never its values. */
export function queryName(sql: string): string {
  const words = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(\w+)/.exec(words)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:FROM|INTO|TABLE|UPDATE)\s+"?([a-z_][a-z0-9_]*)/i.exec(words)?.[1];
  return table ? `${verb} … ${table}` : verb;
}

export const monitoredTimings = (): readonly Timing[] => timings;
export const monitoredErrors = (): readonly MonitoredError[] => errors;
export const monitorVersion = (): number => version;

export function onMonitorChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let started = false;

/** Starts listening for job measures and uncaught errors (once). */
export function startMonitoring(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  if (typeof PerformanceObserver !== 'undefined') {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name.startsWith('lantern:'))
          recordTiming({ kind: 'job', name: e.name.slice(8), ms: e.duration, at: e.startTime + e.duration, ok: true });
      }
    }).observe({ type: 'measure', buffered: true });
  }
  window.addEventListener('error', (e) => recordError('page', e.message));
  window.addEventListener('unhandledrejection', (e) =>
    recordError('page', e.reason instanceof Error ? e.reason.message : String(e.reason)),
  );
}
