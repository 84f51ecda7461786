// How the fitted models stand against the data now: the data's features (as the models see them, as of
// the current analysis date) against the last fit's recorded distributions, as PSI, beside the holdout
// accuracy of the last two fits. Read-only SQL on the read connection, so it never waits for a write.

import {
  fitAccuracy,
  judgeModelHealth,
  type FitAccuracy,
  type ModelHealth,
} from '../../analytics/monitoring/modelHealth';
import { featureDriftFromCounts, type FeatureDrift } from '../../analytics/monitoring/populationStability';
import { UNIT_DAYS } from '../../analytics/predictions/predictionSettings';
import { readFeatureSources } from '../features/computeCustomerFeatures';
import { sqlString, tableExists, type SqlConnection } from '../sql';
import type { PredictionRun, WorkspaceManifest } from '../store/workspaceManifest';
import { ensurePurchaseNet } from '../purchases/purchaseNet';
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

const CUSTOMERS = '(customers)';
const TRANSACTIONS = '(transactions)';

/** Each watched feature as the fit computed it (see modelFeatureValues), from the summary's columns. */
const FEATURE_SQL: Record<string, (unitDays: number) => string> = {
  'repeat purchases': () => 'x',
  'days since last purchase': () => 'recency_days',
  'days as a customer': (unitDays) => `T * ${unitDays}`,
  'mean spend': () => 'mean_spend',
};

/** Counts per fitted bin of every watched feature (bin i: values ≤ edges[i] and > edges[i − 1]), plus totals. */
function binCountsSql(summarySql: string, run: PredictionRun, unitDays: number): string {
  const parts = run.featureBins.flatMap((bins) => {
    const column = FEATURE_SQL[bins.feature]?.(unitDays);
    if (!column) return [];
    const bin = bins.edges.length
      ? bins.edges.map((e) => `CASE WHEN v > CAST('${String(e)}' AS DOUBLE) THEN 1 ELSE 0 END`).join(' + ')
      : '0';
    return [
      `SELECT ${sqlString(bins.feature)} AS feature, ${bin} AS bin, count(*) AS n
       FROM (SELECT CAST(${column} AS DOUBLE) AS v FROM s) WHERE v IS NOT NULL AND isfinite(v) GROUP BY 2`,
    ];
  });
  return `WITH s AS (${summarySql})
    SELECT '${CUSTOMERS}' AS feature, 0 AS bin, count(*) AS n FROM s
    UNION ALL SELECT '${TRANSACTIONS}', 0, CAST(sum(x + 1) AS BIGINT) FROM s
    ${parts.map((p) => `UNION ALL ${p}`).join('\n')}`;
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
  const columns = await readFeatureSources(conn);
  const sources = { ...columns, netTable: await ensurePurchaseNet(conn, columns.purchaseColumns, asOf, true) };
  const summarySql = summaryFromPurchasesSql(asOf, unitDays, sources);
  // Binned in SQL: a few counts come back, not a column per customer (and no streamed read, which
  // comes back empty on the shared read connection while other queries run).
  const rows = await conn.query<{ feature: string; bin: number; n: number }>(binCountsSql(summarySql, run, unitDays));
  const counted = (feature: string) => rows.filter((r) => r.feature === feature);
  const customers = Number(counted(CUSTOMERS)[0]?.n ?? 0);
  const transactions = Number(counted(TRANSACTIONS)[0]?.n ?? 0);
  if (customers === 0) return null;
  const dataDrift = run.featureBins.flatMap((bins) => {
    if (!(bins.feature in FEATURE_SQL)) return [];
    const counts = new Array<number>(bins.edges.length + 1).fill(0);
    for (const r of counted(bins.feature)) counts[Number(r.bin)] = Number(r.n);
    return [featureDriftFromCounts(bins, counts)];
  });
  const fit = fitAccuracy(run.createdAt, run.validation);
  const importsNow = manifest.imports.map((r) => r.id).join('|');
  const dataChangedSinceFit =
    asOf !== run.analysisDate ||
    importsNow !== run.basedOnImports.join('|') ||
    (run.dataCounts !== null && transactions !== run.dataCounts.transactions);
  return {
    fitCreatedAt: run.createdAt,
    asOf,
    customers,
    dataDrift,
    fitDrift: run.driftFromPreviousFit,
    fit,
    previous: run.previousFit,
    dataChangedSinceFit,
    health: judgeModelHealth({ fit, previous: run.previousFit, dataDrift, dataChangedSinceFit }),
  };
}
