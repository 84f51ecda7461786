// The SQL pieces every Dashboard read shares: which relation holds the purchases it counts, what an
// order is, and a line's net amount. The purchases are the net lines (cancellations taken off the
// purchases they undo), so an order cancelled in full is no order and order value is net.

import { netPurchaseLinesSql } from '../purchases/netPurchaseLinesSql';
import { TABLE_SPECS } from '../schema';

/**
 * The relation the Dashboard's figures read purchase lines from: every line with `net_amount` and
 * `bought` (a purchase line with something left after cancellations). Tables made by an import have
 * every purchases column; `purchase_net` is built by readyForDashboard.
 */
export const PURCHASES = `(${netPurchaseLinesSql([
  ...TABLE_SPECS.purchases.fields.map((f) => f.name),
  'source_row',
  'source_file',
])})`;

/** An order is its order id when the file has one, else the purchase line. */
export const ORDER = 'coalesce(order_id, id)';

/** A line's contribution to net revenue: a return counts as minus its amount. */
export const NET_AMOUNT = 'CASE WHEN is_return THEN -abs(amount) ELSE amount END';
