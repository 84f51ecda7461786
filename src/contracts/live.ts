// The live worker: the event queue (checks, de-duplication, incremental metrics) and the simulator.

import type { LiveCounts } from '../analytics/live/liveAggregator';
import type { SimulationSettings } from '../analytics/live/simulateEvents';
import type { EncodedLiveBatch } from '../data/ingestion/liveBatchArrow';
import type { ScoredCustomers, ScoringModel, ScoringSummary } from '../analytics/predictions/scoreCustomers';

export interface LiveStatus {
  counts: LiveCounts;
  pending: number;
  /** Events per second the simulator emits; 0 when it is off. */
  simulating: number;
}

export interface LiveWorkerApi {
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
  /** Forgets everything (another workspace was opened). */
  reset(): Promise<void>;
}
