// Live rescoring on the live queue's side: at most every second (spaced out when a round is slow), the
// customers whose purchases changed are scored again with the stored fit, in the live worker (see
// rescorePredictions); what it changed goes into the stored run at the next store.

import { liveWorker } from '../../bridge/liveWorker';
import { transfer } from 'comlink';
import { currentAnalysisDate } from '../predictions/modelHealthCheck';
import { rescorePredictions, type RescoreOutcome, type Scorer } from '../predictions/rescorePredictions';
import type { WorkspaceManifest } from '../store/workspaceManifest';
import type { ManifestPatch } from '../store/workspaceSnapshot';
import { currentManifest, runLiveWrite } from '../workspace';

const RESCORE_MS = 1_000;

let lastRound = 0;
let everyMs = RESCORE_MS;
/** Whether the workspace had a prediction fit at the last live write. */
let fitted = false;
/** Set when rows were applied again after a reload: the stored predictions do not know them. */
let everyoneNext = false;
/** The fit rescoring uses and where it stands. */
let state: {
  runCreatedAt: string;
  scoredAsOf: string;
  at: string | null;
  riskCounts: [number, number, number];
  customers: number;
} | null = null;

const scoreInWorker: Scorer = (model, summary) =>
  liveWorker().score(
    model,
    transfer(
      summary,
      Object.values(summary).map((a) => a.buffer as ArrayBuffer),
    ),
  );

/** Notes whether the workspace has a fit (read at each live write); returns it. */
export function noteFit(manifest: WorkspaceManifest): boolean {
  fitted = manifest.predictions !== null;
  return fitted;
}

/** The next round scores everyone (rows were applied again after a reload). */
export function rescoreEveryoneNext(): void {
  everyoneNext = true;
}

/** Another tab's change was taken in: start again from the stored run. */
export function forgetRescoringState(): void {
  state = null;
}

/** Another workspace: nothing carries over. */
export function resetRescoring(): void {
  state = null;
  fitted = false;
  everyoneNext = false;
  lastRound = 0;
  everyMs = RESCORE_MS;
}

/** Scores again the customers whose purchases changed, when due (or now, with `force`); null when nothing was. */
export async function rescoreIfDue(force = false): Promise<(RescoreOutcome & { ms: number }) | null> {
  // Without a fit there is nothing to score: no lock taken, no manifest read.
  if (!fitted || (!force && Date.now() - lastRound < everyMs)) return null;
  const started = performance.now();
  const outcome = await runLiveWrite(async (conn, manifest) => {
    const run = manifest.predictions;
    // Predictions from before the last import need a new fit; live rows do not make them current.
    if (!run || run.basedOnImports.join('|') !== manifest.imports.map((r) => r.id).join('|')) return null;
    if (state?.runCreatedAt !== run.createdAt) {
      state = {
        runCreatedAt: run.createdAt,
        scoredAsOf: run.rescored?.asOf ?? run.analysisDate,
        at: null,
        riskCounts: run.riskCounts,
        customers: run.rescored?.customers ?? 0,
      };
    }
    const asOf = await currentAnalysisDate(conn, manifest);
    if (!asOf || asOf < run.analysisDate) return null;
    const round = await rescorePredictions(conn, run, state.scoredAsOf, asOf, scoreInWorker, everyoneNext);
    everyoneNext = false;
    return round;
  });
  const ms = performance.now() - started;
  lastRound = Date.now();
  // A slow round (many customers, a busy DuckDB) spaces the next ones out, so batches keep flowing.
  everyMs = Math.max(RESCORE_MS, 4 * ms);
  if (!outcome || !state) return null;
  state = {
    ...state,
    scoredAsOf: outcome.asOf,
    at: new Date().toISOString(),
    riskCounts: outcome.riskCounts,
    customers: state.customers + outcome.customers,
  };
  performance.measure('lantern:live:rescore', { start: started, duration: ms });
  return { ...outcome, ms };
}

/** The stored run with what rescoring changed, when it is still the run rescoring used. */
export async function rescoredRunPatch(): Promise<ManifestPatch> {
  const now = state;
  const run = (await currentManifest()).predictions;
  if (!now?.at || !run || run.createdAt !== now.runCreatedAt) return {};
  return {
    predictions: {
      ...run,
      riskCounts: now.riskCounts,
      rescored: { asOf: now.scoredAsOf, at: now.at, customers: now.customers },
    },
  };
}
