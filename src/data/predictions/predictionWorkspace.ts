// Runs the prediction models on the open workspace: inputs in DuckDB, fitting and scoring in the ML
// worker, the two prediction tables back in DuckDB, then everything saved with the workspace in one
// commit. A failed or non-converging fit saves nothing, so the last good model stays.

import { proxy, transfer } from 'comlink';
import type { PredictionInput } from '../../analytics/predictions/predictionInput';
import type { PredictionProgress } from '../../analytics/predictions/predictCustomers';
import { checkPredictionSettings, type PredictionSettings } from '../../analytics/predictions/predictionSettings';
import { fitAccuracy } from '../../analytics/monitoring/modelHealth';
import {
  MAX_MODEL_LOG,
  runOutOfDate,
  type ModelLogEntry,
  type PredictionRun,
  type WorkspaceManifest,
} from '../store/workspaceManifest';
import { measureWorkerPhases } from '../measurePhases';
import { inMlWorker } from '../runInMlWorker';
import {
  currentManifest,
  customerFeatures,
  openWorkspace,
  queryToCsv,
  runExclusive,
  saveWorkspaceTables,
} from '../workspace';
import { DROP_TRANSACTION_DAYS_SQL } from './predictionInputsSql';
import { CUSTOMER_PREDICTIONS_TABLE, PREDICTIONS_TABLE, writePredictionTables } from './predictionTables';
import { readPredictionInput } from './readPredictionInput';
import { actionListSql, type ActionList } from './predictionQueries';

/** Every typed array's buffer in the input, for transfer to the worker. */
function inputBuffers(input: PredictionInput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const collect = (value: unknown) => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(input);
  return [...buffers];
}

/** A refit Lantern asked for: it is recorded in the model log with the fit it replaces and why. */
export interface RefitRequest {
  trigger: PredictionRun['trigger'];
  reasons: string[];
  maxPsi: number | null;
}

function refitLogEntry(replaced: string, run: PredictionRun, refit: RefitRequest): ModelLogEntry {
  return {
    id: `refit-${run.createdAt}`,
    at: run.createdAt,
    kind: 'refitted',
    trigger: refit.trigger,
    fitCreatedAt: replaced,
    reasons: refit.reasons,
    maxPsi: refit.maxPsi,
    newFit: { createdAt: run.createdAt, customers: run.customers, analysisDate: run.analysisDate },
    error: null,
  };
}

/** Fits the models on the open workspace's purchases as of its analysis date and saves the predictions. */
export function predictOpenWorkspace(
  settings: PredictionSettings,
  onProgress: (p: PredictionProgress) => void,
  signal?: AbortSignal,
  refit?: RefitRequest,
): Promise<WorkspaceManifest> {
  return runExclusive('a prediction run', async () => {
    const problems = checkPredictionSettings(settings);
    if (problems.length) throw new Error(problems.join(' '));
    const started = performance.now();
    const { duck } = await openWorkspace();
    const manifest = await currentManifest();
    // The features' analysis date is the workspace's (the last purchase day unless the user set one).
    const features = await customerFeatures();
    const analysisDate = manifest.settings.analysisDate ?? features.analysisDate;
    if (!analysisDate) throw new Error('There are no purchases to predict from: import a purchases file.');
    onProgress({ phase: 'fitting', fraction: 0.02, detail: 'summarising purchases per customer' });
    try {
      const previous = manifest.predictions;
      const input = {
        ...(await readPredictionInput(duck.write, settings, analysisDate)),
        previousFeatureBins: previous?.featureBins ?? null,
      };
      // The input's buffers move to the worker (copying ~20 MB held the page); the tables need these back.
      const kept = {
        x: input.current.x.slice(),
        tx: input.current.tx.slice(),
        recency_days: input.current.recency_days.slice(),
      };
      const workerStarted = performance.now();
      performance.measure('lantern:predictions:inputs', { start: started, end: workerStarted });
      const result = await inMlWorker(
        (ml) => ml.predict(transfer(input, inputBuffers(input)), proxy(onProgress)),
        signal,
        'The prediction run was cancelled.',
      );
      performance.measure('lantern:predictions:worker', { start: workerStarted, end: performance.now() });
      measureWorkerPhases('predictions', workerStarted, {
        fit: result.timings.fitMs,
        score: result.timings.scoreMs,
        validate: result.timings.validateMs,
      });
      onProgress({ phase: 'saving', fraction: 0.97, detail: 'saving the predictions on this device' });
      const { predictions, ...summary } = result;
      void predictions;
      const run: PredictionRun = {
        ...summary,
        createdAt: new Date().toISOString(),
        durationMs: performance.now() - started,
        basedOnImports: manifest.imports.map((r) => r.id),
        previousFit: previous ? fitAccuracy(previous.createdAt, previous.validation) : null,
        trigger: refit?.trigger ?? 'user',
        rescored: null,
      };
      const logged = refit && previous ? [refitLogEntry(previous.createdAt, run, refit)] : [];
      const saved = await saveWorkspaceTables(
        [CUSTOMER_PREDICTIONS_TABLE, PREDICTIONS_TABLE],
        {
          predictions: run,
          ...(logged.length ? { modelLog: [...manifest.modelLog, ...logged].slice(-MAX_MODEL_LOG) } : {}),
        },
        (conn) => writePredictionTables(conn, result, kept),
      );
      performance.measure('lantern:predictions', { start: started, end: performance.now() });
      return saved;
    } finally {
      await duck.write.query(DROP_TRANSACTION_DAYS_SQL);
    }
  });
}

/** Why the stored predictions no longer match the data or the analysis date (null when they do). */
export function predictionsOutOfDate(manifest: WorkspaceManifest, analysisDate: string | null): string | null {
  const run = manifest.predictions;
  // Live events score customers again as of the day they arrive, so the predictions are as of that day.
  const scored = run?.rescored ? { ...run, analysisDate: run.rescored.asOf } : run;
  return runOutOfDate(manifest, scored, analysisDate, 'these predictions', 'predict again');
}

/** Every stored prediction in the seed's shape, as CSV (built by DuckDB in its worker). */
export async function predictionsCsv(): Promise<Blob> {
  const { duck } = await openWorkspace();
  return queryToCsv(
    duck,
    `SELECT * FROM ${PREDICTIONS_TABLE} ORDER BY customer_id, prediction_type`,
    'predictions.csv',
  );
}

/** One action list (who to retain, who to treat as VIP, …) as CSV. */
export async function actionListCsv(list: ActionList): Promise<Blob> {
  const { duck } = await openWorkspace();
  return queryToCsv(duck, actionListSql(list, null), `${list}.csv`);
}
