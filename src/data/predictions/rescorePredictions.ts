// Live rescoring: as live purchases arrive, the customers they belong to are scored again with the
// stored fit (same parameters, no refit) as of the current analysis date, and their rows in both
// prediction tables are replaced. When the analysis date moves (a purchase on a new day), every
// customer's age changes, so everyone is scored again. Customers waiting to be scored are kept in a
// temporary table on the write connection, filled by each live batch.

import type { ScoredCustomers, ScoringModel, ScoringSummary } from '../../analytics/predictions/scoreCustomers';
import { UNIT_DAYS } from '../../analytics/predictions/predictionSettings';
import { readFeatureSources } from '../features/computeCustomerFeatures';
import { tableExists, type SqlStore } from '../sql';
import type { PredictionRun } from '../store/workspaceManifest';
import { ensurePurchaseNet } from '../purchases/purchaseNet';
import { summaryFromPurchasesSql } from './predictionInputsSql';
import {
  CUSTOMER_PREDICTIONS_TABLE,
  customerRowsSql,
  PREDICTIONS_TABLE,
  predictionRowsSql,
  stageScores,
} from './predictionTables';

/** Customers whose purchases changed since they were last scored. */
export const RESCORE_PENDING_TABLE = 'live_rescore_pending';
const SUMMARY = 'live_rescore_summary';
const STAGING = 'live_rescore_scores';
const ROWS = 'live_rescore_rows';

export type Scorer = (model: ScoringModel, summary: ScoringSummary) => Promise<ScoredCustomers>;

export interface RescoreOutcome {
  asOf: string;
  /** Customers scored again. */
  customers: number;
  /** Whether everyone was (the analysis date moved). */
  everyone: boolean;
  riskCounts: [low: number, medium: number, high: number];
}

/** Notes the customers of purchase rows just written (a table with customer_id): statements to run with the insert. */
export function markForRescoringSql(purchases: string): string[] {
  return [
    `CREATE TEMP TABLE IF NOT EXISTS ${RESCORE_PENDING_TABLE} (customer_id VARCHAR)`,
    `INSERT INTO ${RESCORE_PENDING_TABLE} SELECT DISTINCT CAST(customer_id AS VARCHAR) FROM ${purchases} WHERE customer_id IS NOT NULL`,
  ];
}

/** The fit's scoring model, as the stored run keeps it. */
export function scoringModel(run: PredictionRun): ScoringModel {
  return {
    buying: run.model.model,
    gammaGamma: run.gammaGamma,
    settings: run.settings,
    ltvThresholds: run.ltvThresholds,
  };
}

async function pendingCount(conn: SqlStore): Promise<number> {
  await conn.query(`CREATE TEMP TABLE IF NOT EXISTS ${RESCORE_PENDING_TABLE} (customer_id VARCHAR)`);
  const [row] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${RESCORE_PENDING_TABLE}`);
  return Number(row?.n ?? 0);
}

/**
 * Scores again the pending customers (or everyone when `asOf` differs from `scoredAsOf`, or when asked)
 * and replaces their prediction rows; null when there are no prediction tables or nothing to do.
 */
export async function rescorePredictions(
  conn: SqlStore,
  run: PredictionRun,
  scoredAsOf: string,
  asOf: string,
  score: Scorer,
  everyoneAnyway = false,
): Promise<RescoreOutcome | null> {
  if (!(await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE))) return null;
  const everyone = everyoneAnyway || asOf !== scoredAsOf;
  if (!everyone && (await pendingCount(conn)) === 0) return null;
  const unitDays = UNIT_DAYS[run.settings.unit];
  const filter = everyone
    ? 'true'
    : `CAST(customer_id AS VARCHAR) IN (SELECT customer_id FROM ${RESCORE_PENDING_TABLE})`;
  const columns = await readFeatureSources(conn);
  const sources = { ...columns, netTable: await ensurePurchaseNet(conn, columns.purchaseColumns, asOf, true) };
  const summarySql = summaryFromPurchasesSql(asOf, unitDays, sources, filter);
  // Pending customers are taken now; ones a later batch adds wait for the next round.
  await conn.query(
    `CREATE OR REPLACE TEMP TABLE ${SUMMARY} AS
     SELECT CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS idx, * FROM (${summarySql});
     DELETE FROM ${RESCORE_PENDING_TABLE}`,
  );
  try {
    const columns = await conn.queryNumericColumns(
      `SELECT x, tx, T, mean_repeat_spend, mean_spend, recency_days FROM ${SUMMARY} ORDER BY idx`,
    );
    const empty = new Float64Array(0);
    const summary = {
      x: columns.x ?? empty,
      tx: columns.tx ?? empty,
      T: columns.T ?? empty,
      mean_repeat_spend: columns.mean_repeat_spend ?? empty,
      mean_spend: columns.mean_spend ?? empty,
      recency_days: columns.recency_days ?? empty,
    };
    const n = summary.x.length;
    if (n === 0) return null;
    const keep = { x: summary.x.slice(), tx: summary.tx.slice(), recency_days: summary.recency_days.slice() };
    const scored = await score(scoringModel(run), {
      x: summary.x,
      tx: summary.tx,
      T: summary.T,
      mean_repeat_spend: summary.mean_repeat_spend,
      mean_spend: summary.mean_spend,
    });
    await stageScores(conn, STAGING, scored.predictions, keep, unitDays);
    const rows = customerRowsSql({
      analysisDate: asOf,
      hasLtv: run.gammaGamma !== null,
      ids: `SELECT customer_id, idx FROM ${SUMMARY}`,
      staging: STAGING,
      category: { keptFrom: CUSTOMER_PREDICTIONS_TABLE },
    });
    const changed = `SELECT customer_id FROM ${ROWS}`;
    const [counts] = await conn.query<{ low: number; medium: number; high: number }>(
      [
        `CREATE OR REPLACE TEMP TABLE ${ROWS} AS ${rows}`,
        `DELETE FROM ${CUSTOMER_PREDICTIONS_TABLE} WHERE customer_id IN (${changed})`,
        `INSERT INTO ${CUSTOMER_PREDICTIONS_TABLE} BY NAME SELECT * FROM ${ROWS}`,
        `DELETE FROM ${PREDICTIONS_TABLE} WHERE customer_id IN (${changed})`,
        `INSERT INTO ${PREDICTIONS_TABLE} BY NAME ${predictionRowsSql(ROWS)}`,
        `SELECT count(*) FILTER (WHERE risk_level = 'Low') AS low, count(*) FILTER (WHERE risk_level = 'Medium') AS medium,
           count(*) FILTER (WHERE risk_level = 'High') AS high FROM ${CUSTOMER_PREDICTIONS_TABLE}`,
      ].join(';\n'),
    );
    return {
      asOf,
      customers: n,
      everyone,
      riskCounts: [Number(counts?.low ?? 0), Number(counts?.medium ?? 0), Number(counts?.high ?? 0)],
    };
  } finally {
    await conn.query([SUMMARY, STAGING, ROWS].map((t) => `DROP TABLE IF EXISTS ${t}`).join(';\n'));
  }
}
