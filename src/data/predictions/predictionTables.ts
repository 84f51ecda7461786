// The prediction tables in DuckDB: `customer_predictions` (one row per customer, every prediction and
// what it leads to, for the pages) and `predictions` (the seed's PREDICTION shape: id, customer_id,
// prediction_type, probability, value, confidence, plus a text label). Both are stored with the
// workspace like imported tables, sealed when it has a passphrase.

import { Float64, Int32, Table, Uint8, makeVector, tableToIPC } from 'apache-arrow';
import type { CustomerPredictions, PredictionResult } from '../../analytics/predictions/predictCustomers';
import type { CustomerSummaryColumns } from '../../analytics/predictions/predictionInput';
import {
  LTV_ACTIONS,
  LTV_TIERS,
  RISK_ACTIONS,
  RISK_LEVELS,
  UNIT_DAYS,
} from '../../analytics/predictions/predictionSettings';
import { sqlString, type SqlConnection } from '../sql';
import { summaryCustomerIdsSql } from './predictionInputsSql';

export const CUSTOMER_PREDICTIONS_TABLE = 'customer_predictions';
export const PREDICTIONS_TABLE = 'predictions';
const STAGING_TABLE = 'customer_predictions_staging';

const values = <T extends string>(names: readonly T[], extra: (name: T) => string[]) =>
  names.map((name, i) => `(${i}, ${[sqlString(name), ...extra(name)].join(', ')})`).join(', ');

/** The per-customer numbers of a scoring, staged in DuckDB by row index (`idx`) for the joins below. */
export async function stageScores(
  conn: SqlConnection,
  table: string,
  o: CustomerPredictions,
  summary: Pick<CustomerSummaryColumns, 'x' | 'tx' | 'recency_days'>,
  unitDays: number,
): Promise<void> {
  const n = o.probabilityAlive.length;
  const staged = new Table({
    idx: makeVector(Int32Array.from({ length: n }, (_, i) => i)),
    probability_alive: makeVector(o.probabilityAlive),
    churn_probability: makeVector(o.churnProbability),
    expected_purchases: makeVector(o.expectedPurchases),
    purchase_probability: makeVector(o.purchaseProbability),
    expected_spend: makeVector(o.expectedSpend),
    lifetime_value: makeVector(o.lifetimeValue),
    ltv_confidence: makeVector(o.lifetimeValueConfidence),
    risk_code: makeVector(o.riskLevel),
    tier_code: makeVector(o.ltvTier),
    next_purchase_days: makeVector(o.nextPurchaseDays),
    next_purchase_confidence: makeVector(o.nextPurchaseConfidence),
    category_code: makeVector(o.nextCategory),
    next_category_confidence: makeVector(o.nextCategoryConfidence),
    repeat_purchases: makeVector(Float64Array.from(summary.x)),
    recency_days: makeVector(Float64Array.from(summary.recency_days)),
    active_days: makeVector(Float64Array.from(summary.tx, (t) => t * unitDays)),
  });
  // Guards against a surprise in Arrow's type inference, which would scramble the join below.
  if (
    !(staged.getChild('idx')?.type instanceof Int32) ||
    !(staged.getChild('risk_code')?.type instanceof Uint8) ||
    !(staged.getChild('lifetime_value')?.type instanceof Float64)
  ) {
    throw new Error('Unexpected Arrow types for predictions.');
  }
  await conn.query(`DROP TABLE IF EXISTS ${table}`);
  await conn.insertArrowIpc(table, tableToIPC(staged, 'stream'), true);
}

export interface CustomerRowsOptions {
  /** The day the next purchase date counts from. */
  analysisDate: string;
  hasLtv: boolean;
  /** A relation of (customer_id, idx) matching the staged rows. */
  ids: string;
  staging: string;
  /** The fit's category names by code, or a table whose next-category columns are kept (live rescoring). */
  category: { names: string[] } | { keptFrom: string };
}

/** `customer_predictions` rows from staged scores: levels, tiers and actions by name, dates from days. */
export function customerRowsSql(options: CustomerRowsOptions): string {
  const risk = values(RISK_LEVELS, (l) => [sqlString(RISK_ACTIONS[l].action)]);
  const tiers = values(LTV_TIERS, (t) => [sqlString(LTV_ACTIONS[t].action)]);
  const finite = (column: string) => `CASE WHEN isfinite(s.${column}) THEN s.${column} END`;
  const { hasLtv, category } = options;
  const names = 'names' in category ? category.names : null;
  const categories = names?.length
    ? names.map((c, i) => `(${i}, ${sqlString(c)})`).join(', ')
    : `(-1, CAST(NULL AS VARCHAR))`;
  const [nextCategory, categoryJoin] = names
    ? [
        `categories.next_category,
      CASE WHEN categories.next_category IS NOT NULL THEN s.next_category_confidence END AS next_category_confidence`,
        'LEFT JOIN categories USING (category_code)',
      ]
    : [
        'kept.next_category, kept.next_category_confidence',
        `LEFT JOIN (SELECT customer_id, next_category, next_category_confidence FROM ${'keptFrom' in category ? category.keptFrom : ''}) kept USING (customer_id)`,
      ];
  return `WITH ids AS (${options.ids}),
      risk(risk_code, risk_level, risk_action) AS (VALUES ${risk}),
      tiers(tier_code, ltv_tier, ltv_action) AS (VALUES ${tiers}),
      categories(category_code, next_category) AS (VALUES ${categories})
    SELECT ids.customer_id,
      s.probability_alive, s.churn_probability, risk.risk_level, risk.risk_action,
      s.expected_purchases, s.purchase_probability,
      ${finite('expected_spend')} AS expected_spend, ${finite('lifetime_value')} AS lifetime_value,
      ${hasLtv ? 's.ltv_confidence' : 'CAST(NULL AS DOUBLE)'} AS ltv_confidence,
      ${hasLtv ? 'tiers.ltv_tier' : 'CAST(NULL AS VARCHAR)'} AS ltv_tier,
      ${hasLtv ? 'tiers.ltv_action' : 'CAST(NULL AS VARCHAR)'} AS ltv_action,
      CASE WHEN isfinite(s.next_purchase_days) AND s.next_purchase_days < 36500
        THEN CAST(DATE ${sqlString(options.analysisDate)} + CAST(round(s.next_purchase_days) AS INTEGER) AS DATE) END AS next_purchase_date,
      s.next_purchase_days, s.next_purchase_confidence,
      ${nextCategory},
      CAST(s.repeat_purchases AS INTEGER) AS repeat_purchases, CAST(s.recency_days AS INTEGER) AS recency_days,
      CASE WHEN s.repeat_purchases > 0 THEN s.active_days / s.repeat_purchases END AS mean_days_between
    FROM ids JOIN ${options.staging} s USING (idx)
      JOIN risk USING (risk_code) JOIN tiers USING (tier_code)
      ${categoryJoin}`;
}

/**
 * The seed's PREDICTION rows of `customer_predictions`-shaped rows. Churn's probability is the chance of
 * no purchase in the horizon and its confidence how far that is from a coin flip (0 at 50 %, 1 at 0 % or 100 %).
 */
export function predictionRowsSql(from: string): string {
  return `SELECT customer_id || ':' || prediction_type AS id, customer_id, prediction_type, probability, value, confidence, label
    FROM (
      SELECT customer_id, 'churn' AS prediction_type, churn_probability AS probability, expected_purchases AS value,
        abs(2 * churn_probability - 1) AS confidence,
        risk_level AS label, 1 AS k FROM ${from}
      UNION ALL
      SELECT customer_id, 'lifetime_value', probability_alive, lifetime_value, ltv_confidence, ltv_tier, 2
      FROM ${from} WHERE lifetime_value IS NOT NULL
      UNION ALL
      SELECT customer_id, 'next_purchase', purchase_probability, next_purchase_days, next_purchase_confidence,
        strftime(next_purchase_date, '%Y-%m-%d'), 3 FROM ${from}
      UNION ALL
      SELECT customer_id, 'next_category', next_category_confidence, CAST(NULL AS DOUBLE), next_category_confidence,
        next_category, 4 FROM ${from} WHERE next_category IS NOT NULL
    ) ORDER BY customer_id, k`;
}

/** Writes both tables from a result computed on `customerSummarySql(analysisDate)`'s customer order. */
export async function writePredictionTables(
  conn: SqlConnection,
  result: PredictionResult,
  summary: Pick<CustomerSummaryColumns, 'x' | 'tx' | 'recency_days'>,
): Promise<void> {
  const n = result.predictions.probabilityAlive.length;
  await stageScores(conn, STAGING_TABLE, result.predictions, summary, UNIT_DAYS[result.settings.unit]);
  const rows = customerRowsSql({
    analysisDate: result.analysisDate,
    hasLtv: result.gammaGamma !== null,
    ids: summaryCustomerIdsSql(result.analysisDate),
    staging: STAGING_TABLE,
    category: { names: result.categoryNames },
  });
  await conn.query(`CREATE OR REPLACE TABLE ${CUSTOMER_PREDICTIONS_TABLE} AS ${rows} ORDER BY ids.customer_id`);
  await conn.query(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
  const [check] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_PREDICTIONS_TABLE}`);
  if (Number(check?.n) !== n) {
    throw new Error(
      `Predictions were computed for ${n} customers but ${Number(check?.n)} were written; nothing was saved.`,
    );
  }
  await conn.query(`CREATE OR REPLACE TABLE ${PREDICTIONS_TABLE} AS ${predictionRowsSql(CUSTOMER_PREDICTIONS_TABLE)}`);
}
