// Reads behind the Predictions page and the customer page: risk and lifetime-value distributions,
// the action lists, one customer's predictions, and the JSON export of the predictions table.

import { jsonStringSql } from '../features/customerFeaturesSql';
import { sqlString, type SqlConnection, type SqlRow } from '../sql';
import { CUSTOMER_PREDICTIONS_TABLE, PREDICTIONS_TABLE } from './predictionTables';

export interface HistogramBin {
  from: number;
  to: number;
  customers: number;
}

/** Customers per equal-width bin of a column between `min` and `max` (values outside go to the end bins). */
async function histogram(
  conn: SqlConnection,
  column: string,
  bins: number,
  min: number,
  max: number,
): Promise<HistogramBin[]> {
  const width = (max - min) / bins || 1;
  const rows = await conn.query<{ bin: number; n: number }>(
    `SELECT CAST(least(${bins - 1}, greatest(0, floor((${column} - ${min}) / ${width}))) AS INTEGER) AS bin, count(*) AS n
     FROM ${CUSTOMER_PREDICTIONS_TABLE} WHERE ${column} IS NOT NULL GROUP BY ALL`,
  );
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.n)]));
  return Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    customers: counts.get(i) ?? 0,
  }));
}

/** The churn-probability histogram (20 bins of 5 points). */
export function readChurnHistogram(conn: SqlConnection): Promise<HistogramBin[]> {
  return histogram(conn, 'churn_probability', 20, 0, 1);
}

/** The lifetime-value histogram from 0 to the 99th percentile (the top 1 % fall in the last bin). */
export async function readLifetimeValueHistogram(conn: SqlConnection): Promise<HistogramBin[]> {
  const [range] = await conn.query<{ lo: number | null; hi: number | null }>(
    `SELECT least(0, min(lifetime_value)) AS lo, quantile_cont(lifetime_value, 0.99) AS hi FROM ${CUSTOMER_PREDICTIONS_TABLE}`,
  );
  if (range?.hi == null || range.lo == null) return [];
  return histogram(conn, 'lifetime_value', 20, Number(range.lo), Math.max(Number(range.hi), Number(range.lo) + 1));
}

export type ActionList = 'retain' | 'vip';

export const ACTION_LISTS: Record<ActionList, { title: string; where: string; order: string; why: string }> = {
  retain: {
    title: 'Who to retain',
    where: `risk_level = 'High'`,
    order: 'lifetime_value DESC NULLS LAST, churn_probability DESC',
    why: 'High churn risk, most valuable first: a retention campaign before they are gone.',
  },
  vip: {
    title: 'Who to treat as VIP',
    where: `ltv_tier = 'High'`,
    order: 'lifetime_value DESC',
    why: 'The highest predicted lifetime value: VIP treatment.',
  },
};

/** The SELECT of an action list (its CSV made formula-safe by queryToCsv, as every download). */
export function actionListSql(list: ActionList, limit: number | null): string {
  const spec = ACTION_LISTS[list];
  return `SELECT customer_id, round(churn_probability, 4) AS churn_probability, risk_level, risk_action,
      round(lifetime_value, 2) AS lifetime_value, ltv_tier, ltv_action, round(expected_purchases, 3) AS expected_purchases,
      strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date, next_category
    FROM ${CUSTOMER_PREDICTIONS_TABLE} WHERE ${spec.where} ORDER BY ${spec.order}, customer_id
    ${limit === null ? '' : `LIMIT ${Math.floor(limit)}`}`;
}

/** The first rows of an action list and how many customers it holds. */
export async function readActionList(
  conn: SqlConnection,
  list: ActionList,
  limit: number,
): Promise<{ rows: SqlRow[]; total: number }> {
  const [count] = await conn.query<{ n: number }>(
    `SELECT count(*) AS n FROM ${CUSTOMER_PREDICTIONS_TABLE} WHERE ${ACTION_LISTS[list].where}`,
  );
  return { rows: await conn.query(actionListSql(list, limit)), total: Number(count?.n ?? 0) };
}

/** One customer's predictions, or null when there are none (no predictions run, or no purchases). */
export async function readCustomerPredictions(conn: SqlConnection, customerId: string): Promise<SqlRow | null> {
  const exists = await conn.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${sqlString(CUSTOMER_PREDICTIONS_TABLE)}`,
  );
  if (exists.length === 0) return null;
  const [row] = await conn.query(
    `SELECT * REPLACE (strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date)
     FROM ${CUSTOMER_PREDICTIONS_TABLE} WHERE customer_id = ${sqlString(customerId)}`,
  );
  return row ?? null;
}

const jsonNumber = (column: string) => `coalesce(CAST(${column} AS VARCHAR), 'null')`;
const jsonText = (column: string) => `coalesce(${jsonStringSql(column)}, 'null')`;

/** The predictions table as a JSON array of records, built as one string inside DuckDB. */
export async function readPredictionsJson(conn: SqlConnection): Promise<string> {
  const record = `'{"id":' || ${jsonText('id')} || ',"customer_id":' || ${jsonText('customer_id')} ||
    ',"prediction_type":' || ${jsonText('prediction_type')} || ',"probability":' || ${jsonNumber('CASE WHEN isfinite(probability) THEN probability END')} ||
    ',"value":' || ${jsonNumber('CASE WHEN isfinite(value) THEN value END')} || ',"confidence":' || ${jsonNumber('CASE WHEN isfinite(confidence) THEN confidence END')} ||
    ',"label":' || ${jsonText('label')} || '}'`;
  const [row] = await conn.query<{ json: string | null }>(
    `SELECT '[' || coalesce(string_agg(${record}, ',' ORDER BY customer_id, prediction_type), '') || ']' AS json FROM ${PREDICTIONS_TABLE}`,
  );
  return row?.json ?? '[]';
}
