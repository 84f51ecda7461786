// SQL behind the prediction models' inputs: purchases become transactions (a customer's purchase day,
// as in the CDNOW literature), summarised per customer as of a date in the model's time unit, plus the
// holdout counts, the daily repeat transactions of a calibration cohort and category sequences that
// the validation needs. Only DuckDB core functions, so it runs the same in duckdb-wasm and in Node.

import type { FeatureSources } from '../features/customerFeaturesSql';
import { netPurchaseLinesSql } from '../purchases/netPurchaseLinesSql';
import { sqlString } from '../sql';

/** One row per customer and purchase day (non-return lines only): the models' "transaction". */
export const TRANSACTION_DAYS_TABLE = 'prediction_transaction_days';

/** The day of the earliest transaction: day offsets in the inputs count from it. */
const originSql = (days: string) => `(SELECT min(day) FROM ${days})`;
const ORIGIN_SQL = originSql(TRANSACTION_DAYS_TABLE);

const date = (iso: string) => `DATE ${sqlString(iso)}`;

/**
 * Builds the transaction-day table as of `asOf`: several purchases by one customer on one day are one
 * transaction (as in the published CDNOW analyses), and a day whose purchases were all cancelled is none.
 * Its value is the day's net spend (purchases less what was cancelled of them, less returns that matched
 * no purchase on that day), its category the one with the most net spend that day. Needs `purchase_net`
 * as `sources.netTable` for `asOf` (ensurePurchaseNet).
 */
export function transactionDaysSql(asOf: string, sources: FeatureSources): string {
  return `CREATE OR REPLACE TABLE ${TRANSACTION_DAYS_TABLE} AS ${transactionDaysSelectSql(asOf, sources)}`;
}

/** The rows of the transaction-day table, optionally for the customers `customerFilter` (SQL over customer_id) keeps. */
export function transactionDaysSelectSql(asOf: string, sources: FeatureSources, customerFilter = 'true'): string {
  const category = sources.purchaseColumns.includes('category')
    ? `arg_max(CAST(category AS VARCHAR), net_amount) FILTER (WHERE bought AND category IS NOT NULL AND CAST(category AS VARCHAR) <> '')`
    : 'CAST(NULL AS VARCHAR)';
  return `SELECT customer_id, CAST(purchase_date AS DATE) AS day, CAST(sum(net_amount) AS DOUBLE) AS value, ${category} AS category
    FROM (${netPurchaseLinesSql(sources.purchaseColumns, sources.netTable)})
    WHERE purchase_date IS NOT NULL AND CAST(purchase_date AS DATE) <= ${date(asOf)} AND ${customerFilter}
    GROUP BY customer_id, CAST(purchase_date AS DATE)
    HAVING bool_or(bought)`;
}

/**
 * The per-customer summary straight from purchases (no working table, so it runs on the read
 * connection), for the customers `customerFilter` keeps; `customer_id` is its first column.
 */
export function summaryFromPurchasesSql(
  asOf: string,
  unitDays: number,
  sources: FeatureSources,
  customerFilter = 'true',
): string {
  return `WITH summary_days AS (${transactionDaysSelectSql(asOf, sources, customerFilter)})
    ${customerSummarySql(asOf, unitDays, null, 'summary_days')}`;
}

/** At most this many categories are modelled; rarer ones are merged into OTHER_CATEGORY. */
export const MAX_CATEGORIES = 200;
export const OTHER_CATEGORY = 'Other (rarer categories)';

/** Merges every category outside the `MAX_CATEGORIES − 1` most frequent into one (product names mapped as categories, say). */
export const MERGE_RARE_CATEGORIES_SQL = `UPDATE ${TRANSACTION_DAYS_TABLE} SET category = '${OTHER_CATEGORY}'
  WHERE category IS NOT NULL AND category NOT IN (
    SELECT category FROM ${TRANSACTION_DAYS_TABLE} WHERE category IS NOT NULL
    GROUP BY category ORDER BY count(*) DESC, category LIMIT ${MAX_CATEGORIES - 1}
  )`;

/** Distinct categories of the transaction days. */
export const CATEGORY_COUNT_SQL = `SELECT count(DISTINCT category) AS n FROM ${TRANSACTION_DAYS_TABLE}`;

/** Drops the working table once the inputs are read. */
export const DROP_TRANSACTION_DAYS_SQL = `DROP TABLE IF EXISTS ${TRANSACTION_DAYS_TABLE}`;

/** Counts behind the bad-input messages: transactions, customers, distinct days, the date range. */
export const TRANSACTION_COUNTS_SQL = `SELECT count(*) AS transactions, count(DISTINCT customer_id) AS customers,
    count(DISTINCT day) AS days, strftime(min(day), '%Y-%m-%d') AS first_day, strftime(max(day), '%Y-%m-%d') AS last_day
  FROM ${TRANSACTION_DAYS_TABLE}`;

/**
 * Purchase lines before or on a date: those with zero or negative amounts (not returns), the returns, the
 * purchase lines cancelled in full, and the returns that matched no purchase (in part or in full).
 */
export function spendCountsSql(asOf: string, sources: FeatureSources): string {
  return `SELECT count(*) FILTER (WHERE NOT is_return AND amount <= 0) AS non_positive_lines,
      count(*) FILTER (WHERE is_return) AS return_lines,
      count(*) FILTER (WHERE NOT is_return AND NOT bought) AS cancelled_lines,
      count(*) FILTER (WHERE is_return AND round(net_amount, 2) <> 0) AS unmatched_returns,
      strftime(min(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS first_purchase
    FROM (${netPurchaseLinesSql(sources.purchaseColumns, sources.netTable)}) WHERE CAST(purchase_date AS DATE) <= ${date(asOf)}`;
}

/**
 * The per-customer summary as of `asOf` (customers whose first transaction is on or before it), in units of
 * `unitDays` days, ordered by customer id: x repeat transactions, recency t_x, age T, the mean value of the
 * repeat transactions (NULL without any), the mean of all transactions, days since the last transaction,
 * the first transaction's day offset from the data's first day, and, when `holdoutEnd` is given, the number
 * of transactions after `asOf` up to and including `holdoutEnd`, and of those the ones up to `horizonEnd`.
 */
export function customerSummarySql(
  asOf: string,
  unitDays: number,
  holdoutEnd: string | null = null,
  days: string = TRANSACTION_DAYS_TABLE,
  horizonEnd: string | null = holdoutEnd,
): string {
  const d = date(asOf);
  const within = `day <= ${d}`;
  const countAfter = (end: string | null) =>
    end ? `CAST(count(*) FILTER (WHERE day > ${d} AND day <= ${date(end)}) AS DOUBLE)` : 'CAST(0 AS DOUBLE)';
  const holdout = countAfter(holdoutEnd);
  const horizon = countAfter(holdoutEnd && horizonEnd && horizonEnd < holdoutEnd ? horizonEnd : holdoutEnd);
  const repeats = `(count(*) FILTER (WHERE ${within}) - 1)`;
  return `SELECT customer_id,
      CAST(${repeats} AS DOUBLE) AS x,
      date_diff('day', min(day), max(day) FILTER (WHERE ${within})) / ${unitDays}.0 AS tx,
      date_diff('day', min(day), ${d}) / ${unitDays}.0 AS T,
      CASE WHEN ${repeats} > 0 THEN (sum(value) FILTER (WHERE ${within}) - arg_min(value, day)) / ${repeats} END AS mean_repeat_spend,
      avg(value) FILTER (WHERE ${within}) AS mean_spend,
      CAST(date_diff('day', max(day) FILTER (WHERE ${within}), ${d}) AS DOUBLE) AS recency_days,
      CAST(date_diff('day', ${originSql(days)}, min(day)) AS DOUBLE) AS first_offset_days,
      ${holdout} AS holdout_transactions,
      ${horizon} AS horizon_transactions
    FROM ${days}
    GROUP BY customer_id HAVING min(day) <= ${d}
    ORDER BY customer_id`;
}

/** The ids of the customers in `customerSummarySql(asOf)`'s order, with their row index. */
export function summaryCustomerIdsSql(asOf: string): string {
  return `SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS idx
    FROM ${TRANSACTION_DAYS_TABLE} GROUP BY customer_id HAVING min(day) <= ${date(asOf)}`;
}

/**
 * Repeat transactions per day (offset from the data's first day) of the cohort that had bought by
 * `calibrationEnd`, through `observationEnd`: the "actual" line of the cumulative tracking chart.
 */
export function cohortRepeatsByDaySql(calibrationEnd: string, observationEnd: string): string {
  return `WITH cohort AS (
      SELECT customer_id, min(day) AS first_day FROM ${TRANSACTION_DAYS_TABLE}
      GROUP BY customer_id HAVING min(day) <= ${date(calibrationEnd)}
    )
    SELECT CAST(date_diff('day', ${ORIGIN_SQL}, t.day) AS DOUBLE) AS offset_days, CAST(count(*) AS DOUBLE) AS repeats
    FROM ${TRANSACTION_DAYS_TABLE} t JOIN cohort c USING (customer_id)
    WHERE t.day > c.first_day AND t.day <= ${date(observationEnd)}
    GROUP BY ALL ORDER BY offset_days`;
}

/** Category names in code order (0, 1, …): every category any transaction has. */
export const CATEGORY_NAMES_SQL = `SELECT category FROM ${TRANSACTION_DAYS_TABLE}
  WHERE category IS NOT NULL GROUP BY category ORDER BY category`;

/**
 * Each summary customer's transaction categories up to `asOf`, in customer then date order, as small
 * integers (1M purchase days cross to the page as 2 MB, not 16), with `categoryCountsSql` giving how many
 * belong to each customer of `customerSummarySql(summaryAsOf)`.
 */
export function categorySequenceSql(summaryAsOf: string, asOf: string): string {
  return `WITH ids AS (${summaryCustomerIdsSql(summaryAsOf)}),
      codes AS (SELECT category, CAST(row_number() OVER (ORDER BY category) - 1 AS INTEGER) AS code
                FROM (${CATEGORY_NAMES_SQL}))
    SELECT codes.code
    FROM ${TRANSACTION_DAYS_TABLE} t JOIN ids USING (customer_id) JOIN codes USING (category)
    WHERE t.day <= ${date(asOf)}
    ORDER BY ids.idx, t.day`;
}

/** How many categorised transactions up to `asOf` each customer of `customerSummarySql(summaryAsOf)` has, in its order. */
export function categoryCountsSql(summaryAsOf: string, asOf: string): string {
  return `WITH ids AS (${summaryCustomerIdsSql(summaryAsOf)})
    SELECT CAST(count(t.category) AS INTEGER) AS n
    FROM ids LEFT JOIN ${TRANSACTION_DAYS_TABLE} t ON t.customer_id = ids.customer_id AND t.day <= ${date(asOf)}
    GROUP BY ids.idx ORDER BY ids.idx`;
}

/** Each summary customer's first category after `after` (through `until`), or NULL: the next-category truth. */
export function firstCategoryAfterSql(summaryAsOf: string, after: string, until: string): string {
  return `WITH ids AS (${summaryCustomerIdsSql(summaryAsOf)}),
      codes AS (SELECT category, CAST(row_number() OVER (ORDER BY category) - 1 AS INTEGER) AS code
                FROM (${CATEGORY_NAMES_SQL})),
      firsts AS (
        SELECT customer_id, arg_min(category, day) AS category FROM ${TRANSACTION_DAYS_TABLE}
        WHERE day > ${date(after)} AND day <= ${date(until)} AND category IS NOT NULL GROUP BY customer_id
      )
    SELECT CAST(coalesce(codes.code, -1) AS DOUBLE) AS code
    FROM ids LEFT JOIN firsts USING (customer_id) LEFT JOIN codes USING (category)
    ORDER BY ids.idx`;
}
