// Cancellations cancel: each return or cancellation line is taken off the purchase it undoes, in DuckDB
// SQL over the `purchases` table. A return that names an order (its order id is one the customer also
// bought under) reduces that order's lines of the same product; one that does not (Online Retail's "C"
// invoices) reduces the same customer's earlier lines of the same product, most recent first, up to its
// quantity; whatever cannot be matched reduces the spend of the return's own day. Without product ids
// the category stands in for the product, and without either a return reduces the customer's latest
// earlier purchases by its amount. Features, models,
// segments and the Dashboard read the net lines. Only DuckDB core functions.
//
// Matching "most recent first" is a stack per (customer, product): purchases push their quantity,
// returns pop. With S the running sum of signed quantities, the stack's height after each line is
// S − min(0, running min of S) (a return finding an empty stack is unmatched, not a debt), and a
// purchase keeps exactly the part of its layers that the height never later drops below:
// clamp(min of later heights − height before it, 0, quantity). So window functions do it exactly. Only
// lines of (customer, product) pairs with a return take part; the result, `purchase_net`, holds just
// those lines (line id, net amount, whether anything of it is left), and every other line is as it was.

import { sqlIdent, sqlString } from '../sql';

/** The derived table of adjusted lines (only lines of groups with a return). */
export const PURCHASE_NET_TABLE = 'purchase_net';

/** Which columns `purchases` has (lower case names), as `FeatureSources.purchaseColumns`. */
export type PurchaseColumns = readonly string[];

const has = (columns: PurchaseColumns, name: string) => columns.includes(name);

/** The return flag of a purchases row (of `alias` when given): the stored one, else a negative amount (the import's own rule). */
export const isReturnSql = (columns: PurchaseColumns, alias = '') => {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return has(columns, 'is_return')
    ? `coalesce(${column('is_return')}, ${column('amount')} < 0)`
    : `(${column('amount')} < 0)`;
};

/** The steps' working tables, dropped at the end. */
const STEP_TABLES = ['net_keyed', 'net_named', 'net_stage1', 'net_stage2'];

/**
 * One matching stage over the lines of `input` (line_id, customer_id, product, order_ref, is_return,
 * purchase_date, source_row, value, quantity) within `group`, into `output` with each line's value and
 * quantity left (purchases) or its unmatched value (returns, `residual`, positive). A group matches in
 * quantities when every line has one and the product is known, otherwise in money; the value a purchase
 * loses is at its own price, and the difference to what the returns refunded (a price that changed)
 * stays with the returns, so the net amounts add up to the amounts exactly.
 */
function stageSql(output: string, input: string, group: string): string {
  const stack = `PARTITION BY ${group} ORDER BY purchase_date, is_return, source_row, line_id`;
  return `CREATE OR REPLACE TEMP TABLE ${output} AS
    WITH measured AS (
      SELECT *, CASE WHEN bool_and(quantity IS NOT NULL AND quantity > 0 AND product IS NOT NULL) OVER (PARTITION BY ${group})
                     THEN quantity ELSE value END AS measure
      FROM ${input}
    ),
    running AS (
      SELECT *, sum(CASE WHEN is_return THEN -measure ELSE measure END) OVER (${stack} ROWS UNBOUNDED PRECEDING) AS total
      FROM measured
    ),
    heights AS (
      SELECT *, total - least(0, min(total) OVER (${stack} ROWS UNBOUNDED PRECEDING)) AS height FROM running
    ),
    matched AS (
      SELECT *,
        CASE WHEN is_return THEN 0 ELSE greatest(0, least(measure,
          min(height) OVER (${stack} ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) - (height - measure))) END AS kept,
        CASE WHEN is_return THEN coalesce(lag(height) OVER (${stack}), 0) - height ELSE 0 END AS taken,
        CASE WHEN measure > 0 THEN value / measure ELSE 0 END AS unit_value
      FROM heights
    ),
    gaps AS (
      SELECT *,
        sum(CASE WHEN is_return THEN -taken * unit_value ELSE (measure - kept) * unit_value END) OVER (PARTITION BY ${group}) AS price_gap,
        sum(taken) OVER (PARTITION BY ${group}) AS group_taken
      FROM matched
    )
    SELECT line_id, customer_id, product, order_ref, is_return, purchase_date, source_row, weightless,
      CASE WHEN is_return THEN 0 ELSE kept * unit_value END AS value,
      CASE WHEN is_return OR quantity IS NULL THEN NULL WHEN measure = quantity THEN kept
           ELSE quantity * kept / nullif(measure, 0) END AS quantity,
      CASE WHEN is_return
           THEN (measure - taken) * unit_value - CASE WHEN group_taken > 0 THEN price_gap * taken / group_taken ELSE 0 END
           ELSE 0 END AS residual
    FROM gaps`;
}

/** Statements that build `table` (purchase_net or an as-of copy) from `purchases`, lines up to `asOf` when given (run them in order on one connection). */
export function purchaseNetStatements(
  columns: PurchaseColumns,
  table: string = PURCHASE_NET_TABLE,
  asOf: string | null = null,
): string[] {
  const text = (name: string) => (has(columns, name) ? `CAST(${sqlIdent(name)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)');
  const quantity = has(columns, 'quantity') ? 'abs(CAST(quantity AS DOUBLE))' : 'CAST(NULL AS DOUBLE)';
  const sourceRow = has(columns, 'source_row') ? 'source_row' : 'CAST(NULL AS INTEGER)';
  // DuckDB's row id names a line: every table has one, and it holds while the table is unchanged (the
  // fingerprint in purchaseNet.ts notices any change).
  // Without a product id, the category is the closest thing to "the same product" a file offers.
  const product = `coalesce(${text('product_id')}, 'category: ' || ${text('category')})`;
  const keyed = `SELECT rowid AS line_id, customer_id, ${product} AS product,
      ${text('order_id')} AS order_ref, ${isReturnSql(columns)} AS is_return, purchase_date, ${sourceRow} AS source_row,
      abs(amount) AS value, ${quantity} AS quantity, amount = 0 AS weightless
    FROM purchases WHERE purchase_date IS NOT NULL AND amount IS NOT NULL
      ${asOf ? `AND CAST(purchase_date AS DATE) <= DATE ${sqlString(asOf)}` : ''}`;
  return [
    // Only customers with a return can have anything matched: everyone else's lines stay as they are.
    `CREATE OR REPLACE TEMP TABLE net_keyed AS ${keyed}
       AND customer_id IN (SELECT customer_id FROM purchases WHERE ${isReturnSql(columns)})`,
    // Orders a return names: an order id the same customer also bought under, as it is or behind the "C"
    // that marks cancellations (the demo writes a return of order O12 as C O12; Online Retail's own "C"
    // invoice numbers never coincide with an order of the same customer).
    `CREATE OR REPLACE TEMP TABLE net_named AS
       SELECT r.customer_id, r.order_ref,
         arg_min(p.order_ref, CASE WHEN p.order_ref = r.order_ref THEN 0 ELSE 1 END) AS named_order
       FROM net_keyed r
       JOIN net_keyed p ON p.customer_id = r.customer_id AND NOT p.is_return
         AND (p.order_ref = r.order_ref OR 'C' || p.order_ref = r.order_ref)
       WHERE r.is_return AND r.order_ref IS NOT NULL
       GROUP BY r.customer_id, r.order_ref`,
    // Stage 1: returns naming an order, against that order's lines of the same product (a return's order
    // reference is read as the order it names).
    stageSql(
      'net_stage1',
      `(SELECT k.* REPLACE (n.named_order AS order_ref) FROM net_keyed k
        JOIN net_named n ON n.customer_id = k.customer_id AND n.order_ref = k.order_ref
        WHERE k.is_return
        UNION ALL
        SELECT k.* FROM net_keyed k
        SEMI JOIN net_named n ON n.customer_id = k.customer_id AND n.named_order = k.order_ref
        WHERE NOT k.is_return)`,
      'customer_id, order_ref, product',
    ),
    // Stage 2: the other returns, against the customer's earlier lines of the same product, with what
    // stage 1 left of each purchase.
    stageSql(
      'net_stage2',
      `(WITH pending AS (
          SELECT k.* FROM net_keyed k ANTI JOIN net_named n ON n.customer_id = k.customer_id AND n.order_ref = k.order_ref
          WHERE k.is_return
        ),
        lines AS (
          SELECT k.* REPLACE (coalesce(s.value, k.value) AS value, coalesce(s.quantity, k.quantity) AS quantity)
          FROM net_keyed k LEFT JOIN net_stage1 s USING (line_id)
          WHERE NOT k.is_return
        )
        SELECT * FROM pending
        UNION ALL
        SELECT l.* FROM lines l SEMI JOIN (SELECT DISTINCT customer_id, product FROM pending) g
          ON g.customer_id = l.customer_id AND g.product IS NOT DISTINCT FROM l.product)`,
      'customer_id, product',
    ),
    `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS
       WITH adjusted AS (
         SELECT line_id, is_return, weightless, value, quantity, residual FROM net_stage2
         UNION ALL
         SELECT s.line_id, s.is_return, s.weightless, s.value, s.quantity, s.residual
         FROM net_stage1 s ANTI JOIN net_stage2 USING (line_id)
       )
       -- A line of no money (a free item, say) has nothing a cancellation could take: it stays bought.
       SELECT a.line_id,
         CASE WHEN a.is_return THEN -a.residual ELSE a.value END AS net_amount,
         NOT a.is_return AND (a.value > 0 OR coalesce(a.quantity, 0) > 0 OR a.weightless) AS bought
       FROM adjusted a`,
    ...STEP_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`),
  ];
}

/**
 * Every purchases row with `is_return` (the stored flag completed by the amount's sign), `net_amount`
 * (a purchase keeps the part not cancelled, a return the part that matched nothing, negative) and
 * `bought` (a purchase line with something left: what counts as buying, for purchase occasions and the
 * models' transactions). Needs `netTable` built from the current purchases (ensurePurchaseNet), and its
 * as-of date then bounds the lines a caller may read.
 */
export function netPurchaseLinesSql(columns: PurchaseColumns, netTable: string = PURCHASE_NET_TABLE): string {
  const storedFlag = has(columns, 'is_return') ? ' EXCLUDE (is_return)' : '';
  const isReturn = isReturnSql(columns, 'p');
  return `SELECT p.*${storedFlag}, ${isReturn} AS is_return,
      coalesce(n.net_amount, p.amount) AS net_amount,
      coalesce(n.bought, NOT ${isReturn}) AS bought
    FROM purchases p LEFT JOIN ${sqlIdent(netTable)} n ON n.line_id = p.rowid`;
}
