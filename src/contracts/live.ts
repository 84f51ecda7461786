// The live worker: the event queue (checks, de-duplication, incremental metrics), the simulator, and
// the user's own event stream (the only network connection Lantern makes, opened inside this worker).

import type { LiveCounts } from '../analytics/live/liveAggregator';
import type { SimulationSettings } from '../analytics/live/simulateEvents';
import type { StreamKind } from '../analytics/live/streamUrl';
import type { EncodedLiveBatch } from '../data/ingestion/liveBatchArrow';
import type { ScoredCustomers, ScoringModel, ScoringSummary } from '../analytics/predictions/scoreCustomers';

export interface EventFileSummary {
  /** Rows read (header excluded). */
  rows: number;
  /** Rows that could not be read as an event at all (bad quoting, not JSON). */
  unreadable: number;
}

export interface LiveStatus {
  counts: LiveCounts;
  pending: number;
  /** Events per second the simulator emits; 0 when it is off. */
  simulating: number;
}

export type StreamState = 'connecting' | 'open' | 'error' | 'closed';

export interface StreamStatus {
  state: StreamState;
  url: string;
  kind: StreamKind;
  /** Messages received since Connect, and the items (events or unreadable lines) they held. */
  messages: number;
  items: number;
  /** Why it is in error, or what happened ("reconnecting, attempt 2 of 3"); null when there is nothing to say. */
  detail: string | null;
}

export interface LiveWorkerApi {
  /** Queues the events of a file (events, or a day's purchases export), each named by file and row. */
  pushFile(file: File): Promise<EventFileSummary>;
  /** Queues events from any source (the hand form, a stream); returns the running counts. */
  push(events: unknown[]): Promise<LiveCounts>;
  /** What left the queue since the last drain, its rows as Arrow IPC (transferred). */
  drain(): Promise<EncodedLiveBatch>;
  /** Emits `eventsPerSecond` simulated events into the queue until stopped. */
  simulate(settings: SimulationSettings, eventsPerSecond: number): Promise<void>;
  stopSimulation(): Promise<void>;
  status(): Promise<LiveStatus>;
  /** Scores customers again with a stored fit (the live rescoring of changed customers); arrays transferred. */
  score(model: ScoringModel, summary: ScoringSummary): Promise<ScoredCustomers>;
  /**
   * Opens the user's confirmed stream (EventSource for http(s), WebSocket for ws(s)) in the worker; every
   * message's events enter the queue. Replaces any stream already open. Rejects a URL that fails
   * `checkStreamUrl`. `onStatus` hears every change of state and, at most every 250 ms, the counts.
   */
  connectStream(url: string, onStatus: (status: StreamStatus) => void): Promise<void>;
  /** Closes the stream, if any (its last status is "closed"). */
  disconnectStream(): Promise<void>;
  /** Forgets everything and closes the stream (another workspace was opened). */
  reset(): Promise<void>;
}
