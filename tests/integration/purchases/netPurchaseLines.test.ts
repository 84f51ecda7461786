// Cancellations cancel, table-driven: each case is a few purchase lines with the net amounts worked out
// by hand, checked against Lantern's SQL (duckdb-wasm in Node) and against the independent replay in
// tests/support/netLinesReference.ts.

import { describe, expect, it } from 'vitest';
import { netPurchaseLinesSql, purchaseNetStatements } from '../../../src/data/purchases/netPurchaseLinesSql';
import { netLinesReference, type ReferenceLine } from '../../support/netLinesReference';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

/** customer, product, order, day and time, amount, quantity (null: none); a negative amount is a return. */
type Line = [
  customer: string,
  product: string | null,
  order: string | null,
  at: string,
  amount: number,
  quantity: number | null,
];

interface Case {
  name: string;
  lines: Line[];
  /** Net amount of each line, in order. */
  net: number[];
  /** Whether each line counts as bought (a purchase with something left). */
  bought: boolean[];
  /** The table has no product column (the category column carries the product's place). */
  withoutProducts?: boolean;
}

const CASES: Case[] = [
  {
    name: 'a purchase cancelled in full the same day is no purchase',
    lines: [
      ['A', 'P1', 'I1', '2011-12-09 09:15', 168469.6, 80995],
      ['A', 'P1', 'C1', '2011-12-09 09:27', -168469.6, -80995],
    ],
    net: [0, 0],
    bought: [false, false],
  },
  {
    name: 'a partial cancellation keeps the rest at the purchase price',
    lines: [
      ['A', 'P1', 'I1', '2011-01-05 10:00', 30, 10],
      ['A', 'P1', 'C1', '2011-01-06 10:00', -12, -4],
    ],
    net: [18, 0],
    bought: [true, false],
  },
  {
    name: 'most recent first, up to the cancelled quantity, across earlier lines',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 10, 5],
      ['A', 'P1', 'I2', '2011-02-01 10:00', 6, 3],
      ['A', 'P1', 'C1', '2011-03-01 10:00', -10, -5],
    ],
    // C1 takes all 3 of I2, then 2 of I1's 5.
    net: [6, 0, 0],
    bought: [true, false, false],
  },
  {
    name: 'a cancellation does not reach a later purchase; what matched nothing stays with its day',
    lines: [
      ['A', 'P1', 'C1', '2011-01-01 10:00', -4, -2],
      ['A', 'P1', 'I1', '2011-01-02 10:00', 4, 2],
    ],
    net: [-4, 4],
    bought: [false, true],
  },
  {
    name: 'more cancelled than bought: the excess matched nothing',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 2, 1],
      ['A', 'P1', 'C1', '2011-01-03 10:00', -6, -3],
    ],
    net: [0, -4],
    bought: [false, false],
  },
  {
    name: 'another product is not touched, another customer neither',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 5, 1],
      ['A', 'P2', 'I1', '2011-01-01 10:00', 7, 1],
      ['B', 'P1', 'I2', '2011-01-01 10:00', 5, 1],
      ['A', 'P1', 'C1', '2011-01-02 10:00', -5, -1],
    ],
    net: [0, 7, 5, 0],
    bought: [false, true, true, false],
  },
  {
    name: 'a return naming an order takes from that order, not the latest one',
    lines: [
      ['A', 'P1', 'O1', '2011-01-01 10:00', 10, 2],
      ['A', 'P1', 'O2', '2011-01-05 10:00', 10, 2],
      ['A', 'P1', 'O1', '2011-01-09 10:00', -5, -1],
    ],
    net: [5, 10, 0],
    bought: [true, true, false],
  },
  {
    name: 'a return written as C and the order it undoes names that order',
    lines: [
      ['A', 'P1', 'O1', '2011-01-01 10:00', 10, 2],
      ['A', 'P1', 'O2', '2011-01-05 10:00', 10, 2],
      ['A', 'P1', 'CO1', '2011-01-09 10:00', -5, -1],
    ],
    net: [5, 10, 0],
    bought: [true, true, false],
  },
  {
    name: 'what a named order cannot cover stays with the return, not another order',
    lines: [
      ['A', 'P1', 'O1', '2011-01-01 10:00', 5, 1],
      ['A', 'P1', 'O2', '2011-01-05 10:00', 10, 2],
      ['A', 'P1', 'O1', '2011-01-09 10:00', -10, -2],
    ],
    net: [0, 10, -5],
    bought: [false, true, false],
  },
  {
    name: 'a changed price: the purchase goes to 0, the difference stays with the cancellation',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 20.8, 10],
      ['A', 'P1', 'C1', '2011-01-02 10:00', -19.5, -10],
    ],
    // Refunded 19.50 for what cost 20.80: the customer's net spend 1.30 stays, on the cancellation's day.
    net: [0, 1.3],
    bought: [false, false],
  },
  {
    name: 'without quantities a return cancels by money',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 10, null],
      ['A', 'P1', 'I2', '2011-01-02 10:00', 5, null],
      ['A', 'P1', 'C1', '2011-01-03 10:00', -8, null],
    ],
    net: [7, 0, 0],
    bought: [true, false, false],
  },
  {
    name: 'without product ids the category stands in, and without either money does',
    withoutProducts: true,
    lines: [
      ['A', 'Books', 'I1', '2011-01-01 10:00', 30, null],
      ['A', 'Games', 'I2', '2011-01-02 10:00', 10, null],
      ['A', 'Books', 'R1', '2011-01-03 10:00', -40, null],
      ['B', null, 'I3', '2011-01-01 10:00', 10, null],
      ['B', null, 'I4', '2011-01-02 10:00', 10, null],
      ['B', null, 'R2', '2011-01-03 10:00', -15, null],
    ],
    net: [0, 10, -10, 5, 0, 0],
    bought: [false, true, false, true, false, false],
  },
  {
    name: 'a free line has nothing to cancel and stays bought',
    lines: [
      ['A', 'P1', 'I1', '2011-01-01 10:00', 0, null],
      ['A', 'P1', 'I2', '2011-01-02 10:00', 4, null],
      ['A', 'P1', 'C1', '2011-01-03 10:00', -4, null],
    ],
    net: [0, 0, 0],
    bought: [true, false, false],
  },
  {
    name: 'at the same moment the purchase comes first',
    lines: [
      ['A', 'P1', 'C1', '2011-01-01 10:00', -3, -1],
      ['A', 'P1', 'I1', '2011-01-01 10:00', 3, 1],
    ],
    net: [0, 0],
    bought: [false, false],
  },
];

async function netOf(c: Case): Promise<{ net: number[]; bought: boolean[] }> {
  const productColumn = c.withoutProducts ? 'category' : 'product_id';
  await db.query(`DROP TABLE IF EXISTS purchases`);
  await db.query(`CREATE TABLE purchases (id VARCHAR, order_id VARCHAR, customer_id VARCHAR, purchase_date TIMESTAMP,
    amount DOUBLE, quantity DOUBLE, ${productColumn} VARCHAR, is_return BOOLEAN, source_row INTEGER)`);
  const values = c.lines.map(
    ([customer, product, order, at, amount, quantity], i) =>
      `('L${i}', ${order === null ? 'NULL' : `'${order}'`}, '${customer}', TIMESTAMP '${at}', ${amount}, ${quantity ?? 'NULL'},
        ${product === null ? 'NULL' : `'${product}'`}, ${amount < 0}, ${i + 2})`,
  );
  await db.query(`INSERT INTO purchases VALUES ${values.join(', ')}`);
  const columns = [
    'id',
    'order_id',
    'customer_id',
    'purchase_date',
    'amount',
    'quantity',
    productColumn,
    'is_return',
    'source_row',
  ];
  for (const statement of purchaseNetStatements(columns)) await db.query(statement);
  const rows = await db.query<{ net_amount: number; bought: boolean }>(
    `SELECT net_amount, bought FROM (${netPurchaseLinesSql(columns)}) ORDER BY source_row`,
  );
  return {
    net: rows.map((r) => Math.round(Number(r.net_amount) * 1e6) / 1e6 + 0),
    bought: rows.map((r) => Boolean(r.bought)),
  };
}

const referenceOf = (c: Case) =>
  netLinesReference(
    c.lines.map(([customer, product, order, at, amount, quantity], row): ReferenceLine => ({
      customer,
      product: product === null ? null : c.withoutProducts ? `category: ${product}` : product,
      order,
      at,
      isReturn: amount < 0,
      amount,
      quantity,
      row,
    })),
  );

describe('cancellations cancel', () => {
  it.each(CASES)('$name', async (c) => {
    const sql = await netOf(c);
    expect(sql.net).toEqual(c.net.map((v) => Math.round(v * 1e6) / 1e6 + 0));
    expect(sql.bought).toEqual(c.bought);
    const reference = referenceOf(c);
    expect(reference.net.map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual(sql.net);
    expect(reference.bought).toEqual(sql.bought);
    // Nothing is lost: the net amounts add up to the amounts.
    const total = c.lines.reduce((s, l) => s + l[4], 0);
    expect(sql.net.reduce((s, v) => s + v, 0)).toBeCloseTo(total, 9);
  });
});
