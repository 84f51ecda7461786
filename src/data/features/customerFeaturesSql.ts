// Per-customer features in SQL, as of an analysis date: the base the segmentation and prediction
// issues build on, and the "features" step the benchmark times against native DuckDB.

import { sqlIdent, sqlString } from '../sql';

export const CUSTOMER_FEATURES_TABLE = 'customer_features';

/** The analysis date when the user sets none: the day of the last purchase in the data. */
export const LAST_PURCHASE_DATE_SQL = 'SELECT CAST(max(purchase_date) AS DATE) AS d FROM purchases';

/**
 * One row per customer: purchase occasions (an order, or a day when orders are not known), repeat
 * purchases, net spend, average order value, recency and tenure in days, and the share of returns.
 * Returns are counted in spend (they reduce it) but are not purchase occasions.
 */
export function customerFeaturesSql(analysisDate: string, table = CUSTOMER_FEATURES_TABLE): string {
  const asOf = `DATE ${sqlString(analysisDate)}`;
  return `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS
    WITH p AS (
      SELECT customer_id, purchase_date, amount, is_return,
             coalesce(order_id, strftime(purchase_date, '%Y-%m-%d')) AS occasion
      FROM purchases WHERE CAST(purchase_date AS DATE) <= ${asOf}
    )
    SELECT customer_id,
      CAST(count(DISTINCT occasion) FILTER (WHERE NOT is_return) AS INTEGER) AS frequency,
      CAST(greatest(count(DISTINCT occasion) FILTER (WHERE NOT is_return) - 1, 0) AS INTEGER) AS repeat_purchases,
      round(sum(amount), 2) AS monetary_total,
      round(sum(amount) FILTER (WHERE NOT is_return) / nullif(count(DISTINCT occasion) FILTER (WHERE NOT is_return), 0), 2) AS average_order_value,
      date_diff('day', CAST(max(purchase_date) FILTER (WHERE NOT is_return) AS DATE), ${asOf}) AS recency_days,
      date_diff('day', CAST(min(purchase_date) AS DATE), ${asOf}) AS tenure_days,
      round(count(*) FILTER (WHERE is_return) / count(*), 4) AS returns_share
    FROM p GROUP BY customer_id`;
}
