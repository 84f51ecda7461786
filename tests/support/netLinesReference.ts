// An independent statement of "cancellations cancel", for checking Lantern's SQL: each customer's lines
// are replayed in time order with an explicit stack per product (a purchase pushes, a return pops the most
// recent first), after the returns that name an order have taken their share from that order. Written
// as a plain simulation, not window arithmetic, so it can disagree with the SQL it checks.

export interface ReferenceLine {
  customer: string;
  /** Product id, else category; null when the file has neither. */
  product: string | null;
  order: string | null;
  /** Sortable timestamp text. */
  at: string;
  isReturn: boolean;
  amount: number;
  quantity: number | null;
  /** Position in the file, to order lines of the same moment. */
  row: number;
}

export interface ReferenceResult {
  /** Per line (input order): the amount after cancellations. */
  net: number[];
  /** Per line: a purchase with something left. */
  bought: boolean[];
}

interface Item {
  index: number;
  /** Measure left (quantity or money). */
  left: number;
  unitValue: number;
}

/** Replays one group's lines (already in time order) on a stack; returns what each return matched. */
function replay(
  lines: readonly { index: number; line: ReferenceLine; measure: number }[],
  left: number[],
  residual: number[],
): void {
  const stack: Item[] = [];
  let consumedValue = 0;
  let refundedValue = 0;
  const taken = new Map<number, number>();
  for (const { index, line, measure } of lines) {
    const unitValue = measure > 0 ? Math.abs(line.amount) / measure : 0;
    if (!line.isReturn) {
      stack.push({ index, left: left[index] ?? measure, unitValue });
      continue;
    }
    let want = measure;
    while (want > 1e-12 && stack.length > 0) {
      const top = stack[stack.length - 1] as Item;
      const take = Math.min(top.left, want);
      top.left -= take;
      want -= take;
      consumedValue += take * top.unitValue;
      left[top.index] = top.left;
      if (top.left <= 1e-12) stack.pop();
    }
    const matched = measure - want;
    taken.set(index, matched);
    refundedValue += matched * unitValue;
    residual[index] = want * unitValue;
  }
  // What the cancelled parts cost and what the cancellations refunded may differ (a changed price): the
  // difference stays with the cancellations, in proportion to what each cancelled.
  const totalTaken = [...taken.values()].reduce((s, t) => s + t, 0);
  if (totalTaken > 0) {
    for (const [index, t] of taken)
      residual[index] = (residual[index] ?? 0) - ((consumedValue - refundedValue) * t) / totalTaken;
  }
}

/** Net amounts of every line, by replaying the cancellations. */
export function netLinesReference(lines: readonly ReferenceLine[]): ReferenceResult {
  const n = lines.length;
  const leftMeasure: number[] = new Array<number>(n);
  const residual: number[] = new Array<number>(n).fill(0);
  const measureOf = new Array<number>(n);
  const order = lines.map((line, index) => ({ line, index }));
  order.sort(
    (p, q) =>
      p.line.at.localeCompare(q.line.at) ||
      Number(p.line.isReturn) - Number(q.line.isReturn) ||
      p.line.row - q.line.row,
  );
  const groups = (
    keyOf: (l: ReferenceLine, i: number) => string | null,
    pick: (l: ReferenceLine, i: number) => boolean,
  ) => {
    const byKey = new Map<string, { index: number; line: ReferenceLine }[]>();
    for (const item of order) {
      if (!pick(item.line, item.index)) continue;
      const key = keyOf(item.line, item.index);
      if (key === null) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    return [...byKey.values()];
  };
  // Quantities when every line of the group has one and the product is known, otherwise money.
  const measured = (group: { index: number; line: ReferenceLine }[]) => {
    const byQuantity = group.every(
      (g) => g.line.quantity !== null && Math.abs(g.line.quantity) > 0 && g.line.product !== null,
    );
    return group.map((g) => {
      const full = byQuantity ? Math.abs(g.line.quantity as number) : Math.abs(g.line.amount);
      measureOf[g.index] = full;
      // A purchase enters a later stage with what the earlier one left of it.
      const measure = g.line.isReturn ? full : (leftMeasure[g.index] ?? full);
      return { index: g.index, line: g.line, measure };
    });
  };
  const purchaseOrders = new Set(
    lines.filter((l) => !l.isReturn && l.order !== null).map((l) => `${l.customer}\u0000${l.order}`),
  );
  // The order a return names: its own order id if the customer bought under it, else that id without a "C".
  const namedOrder = (l: ReferenceLine): string | null => {
    if (l.order === null) return null;
    if (purchaseOrders.has(`${l.customer}\u0000${l.order}`)) return l.order;
    const bare = l.order.startsWith('C') ? l.order.slice(1) : null;
    return bare !== null && purchaseOrders.has(`${l.customer}\u0000${bare}`) ? bare : null;
  };
  const returnOrder = new Map<number, string>();
  lines.forEach((l, i) => {
    const named = l.isReturn ? namedOrder(l) : null;
    if (named !== null) returnOrder.set(i, named);
  });
  const namedOrders = new Set([...returnOrder].map(([i, order]) => `${lines[i]?.customer}\u0000${order}`));
  // Stage 1: returns naming an order, within that order and product.
  const stage1Key = (l: ReferenceLine, i: number) => {
    const order = l.isReturn ? (returnOrder.get(i) ?? null) : l.order;
    return order !== null && namedOrders.has(`${l.customer}\u0000${order}`)
      ? `${l.customer}\u0000${order}\u0000${l.product}`
      : null;
  };
  for (const group of groups(stage1Key, () => true)) {
    const lines1 = measured(group);
    // Values are scaled by what is left, so a second stage sees the part the first left.
    replay(lines1, leftMeasure, residual);
  }
  // Stage 2: the other returns, within the customer and product.
  const pending = new Set(lines.flatMap((l, i) => (l.isReturn && !returnOrder.has(i) ? [i] : [])));
  const pendingKeys = new Set([...pending].map((i) => `${lines[i]?.customer}\u0000${lines[i]?.product}`));
  for (const group of groups(
    (l) => (pendingKeys.has(`${l.customer}\u0000${l.product}`) ? `${l.customer}\u0000${l.product}` : null),
    (l, i) => (l.isReturn ? pending.has(i) : true),
  )) {
    const lines2 = measured(group).map((g) => ({
      ...g,
      // Money values per unit stay those of the whole line; a purchase's measure is what stage 1 left.
      line: g.line.isReturn
        ? g.line
        : { ...g.line, amount: g.line.amount * (g.measure / Math.max(measureOf[g.index] ?? 0, 1e-300)) },
    }));
    replay(lines2, leftMeasure, residual);
  }
  const net = lines.map((l, i) => {
    if (l.isReturn) return -(residual[i] ?? 0);
    const full = measureOf[i];
    if (full === undefined) return l.amount;
    const kept = leftMeasure[i] ?? full;
    return full > 0 ? (l.amount * kept) / full : l.amount;
  });
  const bought = lines.map((l, i) => {
    if (l.isReturn) return false;
    const full = measureOf[i];
    return full === undefined || (leftMeasure[i] ?? full) > 1e-9 || l.amount === 0;
  });
  return { net, bought };
}

/** A purchases row as the replay needs it, with what the replay made of it. */
export interface ReplayedLine {
  customer_id: string;
  order_id: string | null;
  /** 'YYYY-MM-DD HH:MM:SS'. */
  at: string;
  amount: number;
  net: number;
  bought: boolean;
}

/**
 * Every row of an import-made `purchases` table, replayed by netLinesReference: the independent check
 * of what Lantern's SQL makes of the same rows (the product is the product id, else the category).
 */
export async function replayStoredPurchases(conn: {
  query<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
}): Promise<ReplayedLine[]> {
  const rows = await conn.query<{
    customer_id: string;
    product: string | null;
    order_id: string | null;
    at: string;
    is_return: boolean;
    amount: number;
    quantity: number | null;
    source_row: number;
  }>(
    `SELECT customer_id, coalesce(CAST(product_id AS VARCHAR), 'category: ' || category) AS product, order_id,
       strftime(purchase_date, '%Y-%m-%d %H:%M:%S') AS at, is_return, amount, quantity, source_row FROM purchases`,
  );
  const replayed = netLinesReference(
    rows.map((r) => ({
      customer: r.customer_id,
      product: r.product,
      order: r.order_id,
      at: r.at,
      isReturn: Boolean(r.is_return),
      amount: Number(r.amount),
      quantity: r.quantity === null ? null : Number(r.quantity),
      row: Number(r.source_row),
    })),
  );
  return rows.map((r, i) => ({
    customer_id: r.customer_id,
    order_id: r.order_id,
    at: r.at,
    amount: Number(r.amount),
    net: replayed.net[i] ?? NaN,
    bought: replayed.bought[i] ?? false,
  }));
}
