// How the fitted models stand against the data now: the data's features (as the models see them, as of
// the current analysis date) against the last fit's recorded distributions, as PSI, beside the holdout
// accuracy of the last two fits. Read-only SQL on the read connection, so it never waits for a write.

import {
  fitAccuracy,
  judgeModelHealth,
  type FitAccuracy,
  type ModelHealth,
} from '../../analytics/monitoring/modelHealth';
import { modelFeatureDrift, type FeatureDrift } from '../../analytics/monitoring/populationStability';
import { UNIT_DAYS } from '../../analytics/predictions/predictionSettings';
import { readFeatureSources } from '../features/computeCustomerFeatures';
import { tableExists, type SqlConnection } from '../sql';
import type { PredictionRun, WorkspaceManifest } from '../store/workspaceManifest';
import { summaryFromPurchasesSql } from './predictionInputsSql';

export interface ModelHealthReport {
  fitCreatedAt: string;
  /** The day the data's features were read as of. */
  asOf: string;
  customers: number;
  /** The data now against the last fit. */
  dataDrift: FeatureDrift[];
  /** The last fit against the one before it (recorded at the fit). */
  fitDrift: FeatureDrift[] | null;
  fit: FitAccuracy;
  previous: FitAccuracy | null;
  dataChangedSinceFit: boolean;
  health: ModelHealth;
}

/** The analysis date now: the one the user set, else the last purchase day (live events move it). */
export async function currentAnalysisDate(conn: SqlConnection, manifest: WorkspaceManifest): Promise<string | null> {
  if (manifest.settings.analysisDate) return manifest.settings.analysisDate;
  if (!(await tableExists(conn, 'purchases'))) return null;
  const [row] = await conn.query<{ d: string | null }>(
    `SELECT strftime(max(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS d FROM purchases`,
  );
  return row?.d ?? null;
}

/** Judges the last fit against the data now; null without a fit or purchases. */
export async function checkModelHealth(
  conn: SqlConnection,
  manifest: WorkspaceManifest,
  run: PredictionRun | null = manifest.predictions,
): Promise<ModelHealthReport | null> {
  if (!run || run.featureBins.length === 0) return null;
  const asOf = await currentAnalysisDate(conn, manifest);
  if (!asOf) return null;
  const unitDays = UNIT_DAYS[run.settings.unit];
  const summary = await conn.queryNumericColumns(
    summaryFromPurchasesSql(asOf, unitDays, await readFeatureSources(conn)),
  );
  const empty = new Float64Array(0);
  const columns = {
    x: summary.x ?? empty,
    T: summary.T ?? empty,
    recency_days: summary.recency_days ?? empty,
    mean_spend: summary.mean_spend ?? empty,
  };
  let transactions = 0;
  for (const x of columns.x) transactions += x + 1;
  const dataDrift = modelFeatureDrift(run.featureBins, columns, unitDays);
  const fit = fitAccuracy(run.createdAt, run.validation);
  const importsNow = manifest.imports.map((r) => r.id).join('|');
  const dataChangedSinceFit =
    asOf !== run.analysisDate ||
    importsNow !== run.basedOnImports.join('|') ||
    (run.dataCounts !== null && transactions !== run.dataCounts.transactions);
  return {
    fitCreatedAt: run.createdAt,
    asOf,
    customers: columns.x.length,
    dataDrift,
    fitDrift: run.driftFromPreviousFit,
    fit,
    previous: run.previousFit,
    dataChangedSinceFit,
    health: judgeModelHealth({ fit, previous: run.previousFit, dataDrift, dataChangedSinceFit }),
  };
}
