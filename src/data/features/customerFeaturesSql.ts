// Per-customer features in SQL, as of an analysis date: the base the segmentation and prediction
// issues build on, and the "features" step the benchmark times against native DuckDB.
// Only DuckDB core functions: the browser build has no json extension, so JSON text is built with strings.

import { netPurchaseLinesSql } from '../purchases/netPurchaseLinesSql';
import { TABLE_SPECS } from '../schema';
import { sqlIdent, sqlString } from '../sql';

export const CUSTOMER_FEATURES_TABLE = 'customer_features';

/** The analysis date when the user sets none: the day of the last purchase in the data. */
export const LAST_PURCHASE_DATE_SQL = 'SELECT CAST(max(purchase_date) AS DATE) AS d FROM purchases';

/** Which columns the input tables have: optional fields may be missing from tables not made by an import. */
export interface FeatureSources {
  /** Column names of `purchases`, lower case (customer_id, purchase_date and amount are always required). */
  purchaseColumns: readonly string[];
  /** Column names of `customers`, lower case, or null when the workspace has no customers table. */
  customerColumns: readonly string[] | null;
  /** The table of lines cancellations changed, as ensurePurchaseNet built it for the date at hand (default purchase_net). */
  netTable?: string;
}

/** Purchases as an import creates them (every optional column) and no customers table: the benchmark's case. */
export const PURCHASES_ONLY_SOURCES: FeatureSources = {
  purchaseColumns: TABLE_SPECS.purchases.fields.map((field) => field.name),
  customerColumns: null,
};

/** Lists the columns of `purchases` and `customers` (rows of table_name, column_name) for `FeatureSources`. */
export const FEATURE_SOURCES_SQL = `SELECT table_name, column_name FROM information_schema.columns
  WHERE table_name IN ('purchases', 'customers') AND table_schema = current_schema()`;

const DEMOGRAPHICS: { column: string; type: 'INTEGER' | 'VARCHAR' }[] = [
  { column: 'age', type: 'INTEGER' },
  { column: 'gender', type: 'VARCHAR' },
  { column: 'location', type: 'VARCHAR' },
  { column: 'income_range', type: 'VARCHAR' },
];

// JSON string escapes, applied in this order (the backslash first, so later escapes are not doubled).
const SHORT_CONTROL_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
const JSON_ESCAPES: [fromSql: string, to: string][] = [
  [sqlString('\\'), '\\\\'],
  [sqlString('"'), '\\"'],
  ...Array.from({ length: 32 }, (_, code): [string, string] => [
    `chr(${code})`,
    SHORT_CONTROL_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`,
  ]),
];

/** A VARCHAR expression as a quoted JSON string; the replace chain runs only on the rare values that need it. */
export function jsonStringSql(expr: string): string {
  let escaped = expr;
  for (const [fromSql, to] of JSON_ESCAPES) escaped = `replace(${escaped}, ${fromSql}, ${sqlString(to)})`;
  return `'"' || CASE WHEN regexp_matches(${expr}, '[\\x00-\\x1f"\\\\]') THEN ${escaped} ELSE ${expr} END || '"'`;
}

/**
 * CTEs giving, per customer, the net spend mix over the values of column `column` of `p` (lines bought and not
 * cancelled, with a value): distinct values, the preferred value and its share, and the mix as JSON text. Values are ranked by
 * their share rounded as shown (so float noise in sums cannot break a tie), then more lines, then alphabetically.
 * The ranking sorts a short list per customer: ordered aggregates (string_agg ... ORDER BY) took 5× as long.
 */
function mixCtes(column: 'category' | 'channel', plural: string): string {
  return `${column}_spend AS (
      SELECT customer_id, ${column} AS value, sum(net_amount) AS spend, count(*) AS lines
      FROM p WHERE bought AND ${column} IS NOT NULL GROUP BY customer_id, ${column}
    ),
    ${column}_ranked AS (
      SELECT customer_id, CAST(count(*) AS INTEGER) AS distinct_values,
             list_sort(list({neg_share: -share, neg_lines: -lines, value: value}), 'ASC', 'NULLS LAST') AS ranked
      FROM (
        SELECT customer_id, value, lines,
               round(spend / nullif(sum(spend) OVER (PARTITION BY customer_id), 0), 4) AS share
        FROM ${column}_spend
      ) GROUP BY customer_id
    ),
    ${column}_summary AS (
      SELECT customer_id, distinct_values AS distinct_${plural},
        ranked[1].value AS preferred_${column}, -ranked[1].neg_share AS preferred_${column}_share,
        '{' || array_to_string(list_transform(ranked, lambda x:
          ${jsonStringSql('x.value')} || ':' || coalesce(printf('%.4f', -x.neg_share), 'null')), ',') || '}' AS ${column}_mix
      FROM ${column}_ranked
    )`;
}

function mixColumns(column: 'category' | 'channel', plural: string): string {
  const summary = `${column}_summary`;
  return `coalesce(${summary}.distinct_${plural}, 0) AS distinct_${plural},
      ${summary}.preferred_${column}, ${summary}.preferred_${column}_share, ${summary}.${column}_mix`;
}

/**
 * One row per customer with a purchases row on or before the analysis date: purchase occasions (an order, or a
 * day when orders are not known), repeat purchases, net spend, average order value, recency and tenure in days,
 * the share of returns, the days between occasions, category and channel mix, and demographics from `customers`.
 * Cancellations cancel (see netPurchaseLinesSql): an order whose lines were all cancelled is no purchase
 * occasion, and order value and mixes are net of what was cancelled; net spend counts every line.
 * Columns missing from `sources` read as NULL, so the same statement works on any workspace. Needs
 * `sources.netTable` built from the current purchases as of the analysis date (ensurePurchaseNet).
 */
export function customerFeaturesSql(
  analysisDate: string,
  table = CUSTOMER_FEATURES_TABLE,
  sources: FeatureSources = PURCHASES_ONLY_SOURCES,
): string {
  const asOf = `DATE ${sqlString(analysisDate)}`;
  const purchaseColumn = (name: string) =>
    sources.purchaseColumns.includes(name) ? `CAST(${sqlIdent(name)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)';
  const customers = sources.customerColumns?.includes('customer_id') ? sources.customerColumns : null;
  const demographics = DEMOGRAPHICS.map(({ column, type }) =>
    customers?.includes(column)
      ? `TRY_CAST(c.${sqlIdent(column)} AS ${type}) AS ${column}`
      : `CAST(NULL AS ${type}) AS ${column}`,
  ).join(', ');
  return `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS
    WITH p AS (
      SELECT customer_id, purchase_date, amount, net_amount, bought, is_return,
             coalesce(${purchaseColumn('order_id')}, strftime(purchase_date, '%Y-%m-%d')) AS occasion,
             ${purchaseColumn('category')} AS category, ${purchaseColumn('channel')} AS channel
      FROM (${netPurchaseLinesSql(sources.purchaseColumns, sources.netTable)}) WHERE CAST(purchase_date AS DATE) <= ${asOf}
    ),
    totals AS (
      SELECT customer_id,
        CAST(count(DISTINCT occasion) FILTER (WHERE bought) AS INTEGER) AS frequency,
        CAST(greatest(count(DISTINCT occasion) FILTER (WHERE bought) - 1, 0) AS INTEGER) AS repeat_purchases,
        round(sum(amount), 2) AS monetary_total,
        round(sum(net_amount) FILTER (WHERE bought) / nullif(count(DISTINCT occasion) FILTER (WHERE bought), 0), 2) AS average_order_value,
        date_diff('day', CAST(max(purchase_date) FILTER (WHERE bought) AS DATE), ${asOf}) AS recency_days,
        date_diff('day', CAST(coalesce(min(purchase_date) FILTER (WHERE bought), min(purchase_date)) AS DATE), ${asOf}) AS tenure_days,
        round(count(*) FILTER (WHERE is_return) / count(*), 4) AS returns_share
      FROM p GROUP BY customer_id
    ),
    occasions AS (
      SELECT customer_id, min(CAST(purchase_date AS DATE)) AS occasion_date
      FROM p WHERE bought GROUP BY customer_id, occasion
    ),
    gaps AS (
      SELECT customer_id,
             date_diff('day', lag(occasion_date) OVER (PARTITION BY customer_id ORDER BY occasion_date), occasion_date) AS gap_days
      FROM occasions
    ),
    interpurchase AS (
      -- The first occasion has no gap (NULL), which avg and median skip: one occasion gives NULL.
      SELECT customer_id, round(avg(gap_days), 2) AS avg_interpurchase_days,
             round(median(CAST(gap_days AS DOUBLE)), 2) AS median_interpurchase_days
      FROM gaps GROUP BY customer_id
    ),
    ${mixCtes('category', 'categories')},
    ${mixCtes('channel', 'channels')}
    SELECT t.customer_id, t.frequency, t.repeat_purchases, t.monetary_total, t.average_order_value,
      t.recency_days, t.tenure_days, t.returns_share,
      i.avg_interpurchase_days, i.median_interpurchase_days,
      ${mixColumns('category', 'categories')},
      ${mixColumns('channel', 'channels')},
      ${demographics}
    FROM totals AS t
    LEFT JOIN interpurchase AS i ON i.customer_id = t.customer_id
    LEFT JOIN category_summary ON category_summary.customer_id = t.customer_id
    LEFT JOIN channel_summary ON channel_summary.customer_id = t.customer_id
    ${customers ? 'LEFT JOIN customers AS c ON c.customer_id = t.customer_id' : ''}`;
}
