// Cancellations and manual adjustments in the demo's purchases, as invoice exports have them (UCI Online Retail has
// 2.2 % cancellation lines, 85 % of them undoing an earlier line of the same customer and product). A cancellation
// is its own invoice, numbered like an order with the 'C' prefix the import treats as a cancellation; each line
// takes back all or part of what is left of an earlier line, the same day or within a few weeks. A few adjustment
// lines (goodwill credits) match no product at all, so the app meets lines it cannot pair with a sale.

import { exponential, randomInt, type Rng } from './random';
import { round2, SECONDS_PER_DAY, timestampString } from './rowValues';
import type { DemoPurchase } from './generateDemo';

/** Share of orders that get a cancellation invoice; with partial ones, about 1 % of order lines are taken back. */
export const CANCELLED_ORDER_SHARE = 0.016;
/** Share of orders followed by a manual credit that matches no product line. */
export const ADJUSTMENT_ORDER_SHARE = 0.0015;
/** In an order of several lines, each line is cancelled with this chance (at least one always is). */
const LINE_CANCEL_CHANCE = 0.5;
/** Cancellations made on the order's own day (a changed mind, a wrong size); the rest follow within weeks. */
const SAME_DAY_SHARE = 0.45;
const MEAN_LATER_DAYS = 8;
const MAX_LATER_DAYS = 42;
/** Chance that a cancellation of a multi-unit line takes back only some of its units. */
const PARTIAL_SHARE = 0.35;

/** Where cancellation lines may fall: the calendar's day strings and the data's last day. */
export interface CancellationCalendar {
  dayStrings: readonly string[];
  windowEndIndex: number;
}

/** One order as already written to `out`: its lines (and their returns) from `firstRow` on. */
export interface WrittenOrder {
  firstRow: number;
  day: number;
  secondOfDay: number;
  channel: string;
}

/** Expected cancellation and adjustment lines per order of `1 + extraLines` lines on average, for row targeting. */
export function expectedCancellationLinesPerOrder(extraLines: number): number {
  // a cancelled order loses its first line for sure and each further line with LINE_CANCEL_CHANCE (approximately)
  return CANCELLED_ORDER_SHARE * (1 + LINE_CANCEL_CHANCE * extraLines) + ADJUSTMENT_ORDER_SHARE;
}

/** Prefix of the cancellation invoice numbers: the order prefix after the 'C' that marks a cancellation. */
function cancellationOrderId(orderNumber: number): string {
  return `CO${String(orderNumber).padStart(8, '0')}`;
}

/**
 * Maybe cancels part of one order and maybe credits it, appending the lines (with their sort keys) to `out`;
 * returns the next free order number. Call it right after the order's lines (and their returns) are written, with
 * the customer's own cancellation stream. Lines that would fall after the data's last day have not happened yet.
 */
export function appendCancellations(
  rng: Rng,
  order: WrittenOrder,
  calendar: CancellationCalendar,
  out: DemoPurchase[],
  sortKeys: number[],
  nextOrderNumber: number,
): number {
  let next = nextOrderNumber;
  const cancelDraw = rng();
  const adjustDraw = rng();
  if (cancelDraw < CANCELLED_ORDER_SHARE) next = appendCancellation(rng, order, calendar, out, sortKeys, next);
  if (adjustDraw < ADJUSTMENT_ORDER_SHARE) next = appendAdjustment(rng, order, calendar, out, sortKeys, next);
  return next;
}

/** A time after the order: later the same day, or a day within a few weeks in shop hours. */
function laterMoment(rng: Rng, order: WrittenOrder, sameDayShare: number): { day: number; secondOfDay: number } {
  const roomSeconds = SECONDS_PER_DAY - 1 - order.secondOfDay;
  if (rng() < sameDayShare && roomSeconds > 120) {
    return { day: order.day, secondOfDay: order.secondOfDay + 60 + Math.floor(rng() * (roomSeconds - 60)) };
  }
  const laterDays = 1 + Math.min(MAX_LATER_DAYS - 1, Math.floor(exponential(rng, 1 / MEAN_LATER_DAYS)));
  return { day: order.day + laterDays, secondOfDay: 8 * 3600 + Math.floor(rng() * 14 * 3600) };
}

function appendCancellation(
  rng: Rng,
  order: WrittenOrder,
  calendar: CancellationCalendar,
  out: DemoPurchase[],
  sortKeys: number[],
  nextOrderNumber: number,
): number {
  // units still held per sale line: its quantity less what a return already takes back
  const sales: { row: DemoPurchase; remaining: number }[] = [];
  const saleByLineId = new Map<string, { row: DemoPurchase; remaining: number }>();
  for (let i = order.firstRow; i < out.length; i++) {
    const row = out[i];
    if (!row) continue;
    if (row.is_return === 'false') {
      const sale = { row, remaining: row.quantity };
      sales.push(sale);
      saleByLineId.set(row.id, sale);
    } else {
      const sale = saleByLineId.get(row.id.slice(1));
      if (sale) sale.remaining += row.quantity;
    }
  }
  const chosen = sales.filter(() => sales.length === 1 || rng() < LINE_CANCEL_CHANCE);
  const fallback = sales[Math.floor(rng() * sales.length)];
  if (chosen.length === 0 && fallback) chosen.push(fallback);
  const when = laterMoment(rng, order, SAME_DAY_SHARE);
  const units = chosen.map(({ remaining }) =>
    remaining > 1 && rng() < PARTIAL_SHARE ? randomInt(rng, 1, remaining - 1) : remaining,
  );
  if (when.day > calendar.windowEndIndex || !chosen.some(({ remaining }) => remaining > 0)) return nextOrderNumber;
  const orderId = cancellationOrderId(nextOrderNumber);
  const timestamp = timestampString(calendar.dayStrings[when.day] ?? '', when.secondOfDay);
  let line = 0;
  chosen.forEach(({ row, remaining }, i) => {
    const cancelledUnits = units[i] ?? remaining;
    if (cancelledUnits <= 0) return;
    out.push({
      ...row,
      id: `${orderId}-${++line}`,
      order_id: orderId,
      purchase_date: timestamp,
      amount: -round2(cancelledUnits * row.unit_price),
      quantity: -cancelledUnits,
      is_return: 'true',
    });
    sortKeys.push(when.day * SECONDS_PER_DAY + when.secondOfDay);
  });
  return nextOrderNumber + 1;
}

/** Goodwill credits run from a tenth to half of the order's value. */
function appendAdjustment(
  rng: Rng,
  order: WrittenOrder,
  calendar: CancellationCalendar,
  out: DemoPurchase[],
  sortKeys: number[],
  nextOrderNumber: number,
): number {
  let orderValue = 0;
  for (let i = order.firstRow; i < out.length; i++) {
    const row = out[i];
    if (row?.is_return === 'false') orderValue += row.amount;
  }
  const credit = Math.max(1, round2(orderValue * (0.1 + 0.4 * rng())));
  const when = laterMoment(rng, order, 0);
  if (when.day > calendar.windowEndIndex) return nextOrderNumber;
  const orderId = cancellationOrderId(nextOrderNumber);
  out.push({
    id: `${orderId}-1`,
    order_id: orderId,
    customer_id: out[order.firstRow]?.customer_id ?? '',
    purchase_date: timestampString(calendar.dayStrings[when.day] ?? '', when.secondOfDay),
    amount: -credit,
    quantity: -1,
    unit_price: credit,
    product_id: null,
    category: null,
    channel: order.channel,
    is_return: 'true',
  });
  sortKeys.push(when.day * SECONDS_PER_DAY + when.secondOfDay);
  return nextOrderNumber + 1;
}
