import { describe, expect, it } from 'vitest';
import {
  demoColumns,
  demoTables,
  generateDemo,
  generateDemoStream,
  type DemoData,
  type DemoPerformance,
  type DemoPurchase,
} from '../../../../src/data/demo/generateDemo';
import {
  LIFETIME_SHARE_OF_REPEAT,
  ONE_TIME_SHARE,
  WHOLESALE_SHARE,
  type BuyerKind,
} from '../../../../src/data/demo/buyerKinds';
import {
  campaignCsvLine,
  csvField,
  csvLine,
  customerCsvLine,
  demoCsvStreams,
  demoToCsvFiles,
  performanceCsvLine,
  purchaseCsvLine,
} from '../../../../src/data/demo/toCsv';
import { TABLE_KINDS, TABLE_SPECS } from '../../../../src/data/schema';

// One default data set (5000 customers, ~35k purchase lines) shared by the read-only checks below.
const data: DemoData = generateDemo();
const customerById = new Map(data.customers.map((customer) => [customer.customer_id, customer]));
const sales = data.purchases.filter((row) => row.is_return === 'false');
/** Returns, cancellations and credits: every line with a negative quantity. */
const returns = data.purchases.filter((row) => row.is_return === 'true');

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function conversionRate(rows: readonly DemoPerformance[]): number {
  return sum(rows.map((row) => row.conversions)) / sum(rows.map((row) => row.clicks));
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('generateDemo: determinism', () => {
  it('gives identical data and CSV for the same options', () => {
    const first = generateDemo({ seed: 7, customers: 400 });
    const second = generateDemo({ seed: 7, customers: 400 });
    expect(second).toEqual(first);
    expect(demoToCsvFiles(second)).toEqual(demoToCsvFiles(first));
  });

  it('gives different data for a different seed', () => {
    const first = generateDemo({ seed: 7, customers: 400 });
    const other = generateDemo({ seed: 8, customers: 400 });
    expect(other.customers).not.toEqual(first.customers);
    expect(other.purchases).not.toEqual(first.purchases);
    expect(other.performance).not.toEqual(first.performance);
  });

  it('streams exactly the rows that generateDemo returns', () => {
    const options = { seed: 3, customers: 300 };
    const streamed: DemoPurchase[] = [];
    for (const batch of generateDemoStream(options).purchaseBatches(97)) streamed.push(...batch);
    expect(streamed).toEqual(generateDemo(options).purchases);
  });
});

describe('generateDemo: shape and sizes', () => {
  it('uses the defaults and a two-year window ending on the end date', () => {
    expect(data.options).toEqual({
      seed: 42,
      customers: 5000,
      purchases: null,
      startDate: '2024-11-01',
      endDate: '2026-10-31',
    });
  });

  it('creates exactly the requested number of customers, with unique ids and example.com emails', () => {
    expect(data.customers).toHaveLength(5000);
    expect(customerById.size).toBe(5000);
    expect(new Set(data.customers.map((c) => c.email)).size).toBe(5000);
    const malformed = data.customers.filter(
      (customer) =>
        !/^C\d{6}$/.test(customer.customer_id) ||
        !/^[a-z.]+\d+@example\.com$/.test(customer.email) ||
        !(customer.age >= 18 && customer.age <= 85) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(customer.registration_date),
    );
    expect(malformed).toEqual([]);
  });

  it('gives every table exactly the canonical columns of schema.ts', () => {
    const tables = demoTables(data);
    expect(tables.map((table) => table.kind)).toEqual(TABLE_KINDS);
    for (const table of tables) {
      const canonical = TABLE_SPECS[table.kind].fields.map((field) => field.name);
      expect(table.columns).toEqual(canonical);
      expect(table.table).toBe(TABLE_SPECS[table.kind].table);
      for (const row of table.rows.slice(0, 50)) expect(Object.keys(row).sort()).toEqual([...canonical].sort());
    }
  });

  it.each([
    { customers: 500, purchases: 5_000 },
    { customers: 1_000, purchases: 20_000 },
    { customers: 2_000, purchases: 100_000 },
    { customers: 3_000, purchases: 3_000 },
  ])('lands within ±5 % of a target of $purchases purchase rows for $customers customers', (options) => {
    const stream = generateDemoStream({ seed: 11, ...options });
    let rows = 0;
    for (const batch of stream.purchaseBatches()) rows += batch.length;
    expect(stream.customers).toHaveLength(options.customers);
    expect(Math.abs(rows / options.purchases - 1)).toBeLessThan(0.05);
    expect(Math.abs(rows / stream.expectedPurchaseRows - 1)).toBeLessThan(0.05);
  });

  it('rejects malformed options', () => {
    expect(() => generateDemo({ endDate: '31.10.2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemo({ endDate: '2026-02-30' })).toThrow(/calendar date/);
    expect(() => generateDemo({ customers: 0 })).toThrow(/customers/);
    expect(() => generateDemo({ seed: 1.5 })).toThrow(/seed/);
  });
});

describe('generateDemo: purchases', () => {
  it('only references existing customers and has unique line ids', () => {
    expect(data.purchases.filter((row) => !customerById.has(row.customer_id))).toEqual([]);
    expect(new Set(data.purchases.map((row) => row.id)).size).toBe(data.purchases.length);
  });

  it('keeps every purchase inside the two-year window and on or after the customer registered', () => {
    const windows = [
      { data, start: '2024-11-01', end: '2026-10-31' },
      // a leap year and a year-end boundary
      { data: generateDemo({ customers: 300, endDate: '2024-12-31' }), start: '2023-01-01', end: '2024-12-31' },
    ];
    for (const window of windows) {
      expect(window.data.options.startDate).toBe(window.start);
      const registered = new Map(window.data.customers.map((c) => [c.customer_id, c.registration_date]));
      const outside = window.data.purchases.filter(
        (row) =>
          !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row.purchase_date) ||
          row.purchase_date < `${window.start} 00:00:00` ||
          row.purchase_date > `${window.end} 23:59:59` ||
          row.purchase_date.slice(0, 10) < (registered.get(row.customer_id) ?? '9999'),
      );
      expect(outside).toEqual([]);
    }
  });

  it('has amount = quantity × unit price with two decimals, negative exactly for returns', () => {
    const wrong = data.purchases.filter(
      (row) =>
        Math.abs(row.amount - row.quantity * row.unit_price) > 0.005 + 1e-9 ||
        Math.round(row.amount * 100) / 100 !== row.amount ||
        !(row.unit_price > 0) ||
        !Number.isInteger(row.quantity) ||
        row.amount < 0 !== (row.is_return === 'true') ||
        row.quantity < 0 !== (row.is_return === 'true'),
    );
    expect(wrong).toEqual([]);
  });

  it('has 6–8 categories at different price levels and several channels', () => {
    const pricesByCategory = new Map<string, number[]>();
    for (const row of sales) {
      const category = row.category ?? 'none';
      pricesByCategory.set(category, [...(pricesByCategory.get(category) ?? []), row.unit_price]);
    }
    expect(pricesByCategory.size).toBeGreaterThanOrEqual(6);
    expect(pricesByCategory.size).toBeLessThanOrEqual(8);
    const meanPrices = [...pricesByCategory.values()].map((prices) => sum(prices) / prices.length);
    expect(Math.max(...meanPrices) / Math.min(...meanPrices)).toBeGreaterThan(5);
    expect(new Set(data.purchases.map((row) => row.channel))).toEqual(
      new Set(['web', 'mobile app', 'store', 'marketplace']),
    );
  });

  it('gives customers preferred categories', () => {
    const categoriesByCustomer = new Map<string, Map<string, number>>();
    for (const row of sales) {
      const counts = categoriesByCustomer.get(row.customer_id) ?? new Map<string, number>();
      const category = row.category ?? 'none';
      counts.set(category, (counts.get(category) ?? 0) + 1);
      categoriesByCustomer.set(row.customer_id, counts);
    }
    const topShares = [...categoriesByCustomer.values()]
      .filter((counts) => sum(counts.values()) >= 10)
      .map((counts) => Math.max(...counts.values()) / sum(counts.values()));
    expect(topShares.length).toBeGreaterThan(200);
    // without preferences the top category would hold little more than the largest global share (20 %)
    expect(sum(topShares) / topShares.length).toBeGreaterThan(0.45);
  });

  it('has heavy-tailed spend: the top 1 % of customers bring over 20 % of revenue, the top 10 % over half', () => {
    const revenueByCustomer = new Map<string, number>();
    for (const row of data.purchases) {
      revenueByCustomer.set(row.customer_id, (revenueByCustomer.get(row.customer_id) ?? 0) + row.amount);
    }
    const revenues = data.customers.map((c) => revenueByCustomer.get(c.customer_id) ?? 0).sort((a, b) => b - a);
    // UCI Online Retail: 32 % and 61 %
    const topShare = (share: number) => sum(revenues.slice(0, revenues.length * share)) / sum(revenues);
    expect(topShare(0.01)).toBeGreaterThan(0.2);
    expect(topShare(0.1)).toBeGreaterThan(0.5);
  });

  it('has a November–December peak: revenue per day above the average day', () => {
    const revenueByDay = new Map<string, number>();
    for (const row of data.purchases) {
      const day = row.purchase_date.slice(0, 10);
      revenueByDay.set(day, (revenueByDay.get(day) ?? 0) + row.amount);
    }
    const windowDays = 730;
    const averagePerDay = sum(revenueByDay.values()) / windowDays;
    const holidayDays = [...revenueByDay].filter(([day]) => ['11', '12'].includes(day.slice(5, 7)));
    const holidayPerDay = sum(holidayDays.map(([, revenue]) => revenue)) / (2 * 61);
    expect(holidayPerDay / averagePerDay).toBeGreaterThan(1.1);
  });

  it('names a product and a category on every sale line', () => {
    expect(sales.filter((row) => row.product_id === null || row.category === null)).toEqual([]);
  });
});

describe('generateDemo: one-time buyers and how customers stop', () => {
  const ordersByCustomer = new Map<string, Set<string>>();
  for (const row of sales) {
    const orders = ordersByCustomer.get(row.customer_id) ?? new Set<string>();
    orders.add(row.order_id);
    ordersByCustomer.set(row.customer_id, orders);
  }

  it('has every buyer kind in about its planned share of customers', () => {
    const shareOf = (kind: BuyerKind) => data.buyerKinds.filter((k) => k === kind).length / data.customers.length;
    expect(data.buyerKinds).toHaveLength(data.customers.length);
    // 5000 Bernoulli draws: a standard error of about 0.6 points at 25 %, 0.2 at 2 %
    expect(Math.abs(shareOf('one-time') - ONE_TIME_SHARE)).toBeLessThan(0.02);
    expect(Math.abs(shareOf('wholesale') - WHOLESALE_SHARE)).toBeLessThan(0.008);
    const repeatShare = 1 - ONE_TIME_SHARE - WHOLESALE_SHARE;
    expect(Math.abs(shareOf('lifetime') - repeatShare * LIFETIME_SHARE_OF_REPEAT)).toBeLessThan(0.03);
    expect(Math.abs(shareOf('repeat-dropout') - repeatShare * (1 - LIFETIME_SHARE_OF_REPEAT))).toBeLessThan(0.03);
  });

  it('has 30–50 % of buyers with a single order, as real exports do (UCI Online Retail: 34 %)', () => {
    const counts = [...ordersByCustomer.values()].map((orders) => orders.size);
    const oneOff = counts.filter((count) => count === 1).length / counts.length;
    expect(oneOff).toBeGreaterThan(0.3);
    expect(oneOff).toBeLessThan(0.5);
    expect(Math.max(...counts)).toBeGreaterThan(20);
  });

  it.each([
    { customers: 1_000, purchases: undefined },
    // a high row target speeds everyone else up, but dropout at time zero stays final
    { customers: 1_000, purchases: 40_000 },
  ])('never gives a one-time buyer a second order ($purchases rows for $customers customers)', (options) => {
    const demo = generateDemo({ seed: 19, ...options });
    const oneTime = new Set(
      demo.customers.filter((_, i) => demo.buyerKinds[i] === 'one-time').map((c) => c.customer_id),
    );
    const ordersOf = new Map<string, Set<string>>();
    for (const row of demo.purchases) {
      if (row.is_return === 'true' || !oneTime.has(row.customer_id)) continue;
      ordersOf.set(row.customer_id, (ordersOf.get(row.customer_id) ?? new Set()).add(row.order_id));
    }
    expect([...ordersOf.values()].filter((orders) => orders.size > 1)).toEqual([]);
    expect(ordersOf.size).toBeGreaterThan(100);
  });
});

describe('generateDemo: returns, cancellations and credits', () => {
  const negative = returns;
  const saleOrderIds = new Set(sales.map((row) => row.order_id));
  const saleById = new Map(sales.map((row) => [row.id, row]));
  // a return names the order it undoes; a cancellation is an invoice of its own; a credit names no product
  const productReturns = negative.filter((row) => saleOrderIds.has(row.order_id.slice(1)));
  const credits = negative.filter((row) => row.product_id === null);
  const cancellations = negative.filter((row) => row.product_id !== null && !saleOrderIds.has(row.order_id.slice(1)));
  const salesByCustomerProduct = new Map<string, DemoPurchase[]>();
  for (const row of sales) {
    const key = `${row.customer_id} ${row.product_id ?? ''}`;
    salesByCustomerProduct.set(key, [...(salesByCustomerProduct.get(key) ?? []), row]);
  }
  const earlierSales = (row: DemoPurchase) =>
    (salesByCustomerProduct.get(`${row.customer_id} ${row.product_id ?? ''}`) ?? []).filter(
      (sale) => sale.purchase_date < row.purchase_date,
    );

  it('has 1.5–3.5 % negative lines (UCI Online Retail: 2.2 %), all on invoices the import reads as cancellations', () => {
    const share = negative.length / data.purchases.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.035);
    expect(negative.filter((row) => !row.order_id.startsWith('C') || row.quantity >= 0 || row.amount >= 0)).toEqual([]);
    expect(sales.filter((row) => row.order_id.startsWith('C'))).toEqual([]);
  });

  it('cancels 0.5–2 % of order lines on invoices of their own, a good part on the same day', () => {
    const share = cancellations.length / sales.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.02);
    const sameDay = cancellations.filter((row) =>
      earlierSales(row).some((sale) => sale.purchase_date.slice(0, 10) === row.purchase_date.slice(0, 10)),
    );
    expect(sameDay.length / cancellations.length).toBeGreaterThan(0.25);
    expect(sameDay.length / cancellations.length).toBeLessThan(0.7);
    // within a few weeks of a sale of the product
    const late = cancellations.filter(
      (row) => !earlierSales(row).some((sale) => addDays(sale.purchase_date.slice(0, 10), 42) >= row.purchase_date),
    );
    expect(late).toEqual([]);
  });

  it('matches every line with a product to an earlier sale of that customer and product with at least its units', () => {
    expect(productReturns.length).toBeGreaterThan(200);
    expect(cancellations.length).toBeGreaterThan(200);
    const unmatched = [...productReturns, ...cancellations].filter(
      (row) => !earlierSales(row).some((sale) => sale.quantity >= -row.quantity && sale.unit_price === row.unit_price),
    );
    expect(unmatched).toEqual([]);
    for (const ret of productReturns) {
      const original = saleById.get(ret.id.slice(1));
      expect(original?.product_id).toBe(ret.product_id);
      expect(original?.customer_id).toBe(ret.customer_id);
    }
  });

  it('never takes back more units of a product than the customer had bought by then', () => {
    const events = new Map<string, DemoPurchase[]>();
    for (const row of data.purchases) {
      if (row.product_id === null) continue;
      const key = `${row.customer_id} ${row.product_id}`;
      events.set(key, [...(events.get(key) ?? []), row]);
    }
    const overdrawn: string[] = [];
    for (const [key, rows] of events) {
      let held = 0;
      for (const row of [...rows].sort((a, b) => (a.purchase_date < b.purchase_date ? -1 : 1))) {
        held += row.quantity;
        if (held < 0) overdrawn.push(`${key} ${row.id}`);
      }
    }
    expect(overdrawn).toEqual([]);
  });

  it('takes back only part of a multi-unit line now and then', () => {
    const partial = cancellations.filter((row) => earlierSales(row).every((sale) => sale.quantity > -row.quantity));
    expect(partial.length).toBeGreaterThan(5);
  });

  it('adds a few credits that match no product: one negative unit priced at the credit', () => {
    expect(credits.length).toBeGreaterThanOrEqual(5);
    expect(credits.length / data.purchases.length).toBeLessThan(0.003);
    expect(
      credits.filter((row) => row.quantity !== -1 || row.category !== null || row.amount !== -row.unit_price),
    ).toEqual([]);
  });
});

describe('generateDemo: wholesale buyers', () => {
  const kindById = new Map(data.customers.map((customer, i) => [customer.customer_id, data.buyerKinds[i]]));
  const orderValues = new Map<string, { customerId: string; value: number }>();
  for (const row of sales) {
    const order = orderValues.get(row.order_id) ?? { customerId: row.customer_id, value: 0 };
    order.value += row.amount;
    orderValues.set(row.order_id, order);
  }
  const perCustomer = new Map<string, { orders: number; value: number }>();
  for (const { customerId, value } of orderValues.values()) {
    const entry = perCustomer.get(customerId) ?? { orders: 0, value: 0 };
    entry.orders++;
    entry.value += value;
    perCustomer.set(customerId, entry);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const consumerOrderValues = [...orderValues.values()]
    .filter(({ customerId }) => kindById.get(customerId) !== 'wholesale')
    .map(({ value }) => value);
  const typicalOrder = median(consumerOrderValues);
  const wholesale = [...perCustomer].filter(([id]) => kindById.get(id) === 'wholesale').map(([, entry]) => entry);
  const consumers = [...perCustomer].filter(([id]) => kindById.get(id) !== 'wholesale').map(([, entry]) => entry);

  it('gives 1–4 % of buyers orders worth 10–50 times the typical order', () => {
    expect(wholesale.length / perCustomer.size).toBeGreaterThan(0.01);
    expect(wholesale.length / perCustomer.size).toBeLessThan(0.04);
    const ratio = median(wholesale.map((entry) => entry.value / entry.orders)) / typicalOrder;
    expect(ratio).toBeGreaterThan(10);
    expect(ratio).toBeLessThan(50);
    // seen from the data alone: buyers whose mean order is 10× the median order are a few percent
    const allOrders = median([...orderValues.values()].map(({ value }) => value));
    const big = [...perCustomer.values()].filter((entry) => entry.value / entry.orders >= 10 * allOrders);
    expect(big.length / perCustomer.size).toBeGreaterThan(0.01);
    expect(big.length / perCustomer.size).toBeLessThan(0.05);
  });

  it('has them buy more often than consumers and bring 25–55 % of revenue', () => {
    const meanOrders = (entries: { orders: number }[]) => sum(entries.map((e) => e.orders)) / entries.length;
    expect(meanOrders(wholesale) / meanOrders(consumers)).toBeGreaterThan(1.3);
    const revenue = (entries: { value: number }[]) => sum(entries.map((e) => e.value));
    const share = revenue(wholesale) / (revenue(wholesale) + revenue(consumers));
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.55);
  });
});

describe('generateDemo: campaigns and daily performance', () => {
  const campaignById = new Map(data.campaigns.map((campaign) => [campaign.campaign_id, campaign]));

  it('has at least 12 campaigns over several types, segments and statuses', () => {
    expect(data.campaigns.length).toBeGreaterThanOrEqual(12);
    expect(campaignById.size).toBe(data.campaigns.length);
    expect(new Set(data.campaigns.map((c) => c.type)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(data.campaigns.map((c) => c.target_segment)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(data.campaigns.map((c) => c.status))).toEqual(new Set(['active', 'paused', 'completed']));
    for (const campaign of data.campaigns) {
      expect(campaign.start_date <= campaign.end_date).toBe(true);
      expect(campaign.budget).toBeGreaterThan(0);
      expect(campaign.status === 'completed').toBe(campaign.end_date < data.options.endDate);
    }
  });

  it('only reports days of existing campaigns, inside their run and before the end date', () => {
    const wrong = data.performance.filter((row) => {
      const campaign = campaignById.get(row.campaign_id);
      return (
        !campaign ||
        row.date < campaign.start_date ||
        row.date > campaign.end_date ||
        row.date > data.options.endDate ||
        row.clicks > row.impressions ||
        row.conversions > row.clicks ||
        [row.impressions, row.clicks, row.conversions, row.revenue, row.cost].some((value) => !(value >= 0))
      );
    });
    expect(wrong).toEqual([]);
    const days = new Set(data.performance.map((row) => `${row.campaign_id} ${row.date}`));
    expect(days.size).toBe(data.performance.length);
  });

  it.each([
    { ratio: 'ctr', numerator: 'clicks', denominator: 'impressions' },
    { ratio: 'cpc', numerator: 'cost', denominator: 'clicks' },
    { ratio: 'roas', numerator: 'revenue', denominator: 'cost' },
  ] as const)('has $ratio = $numerator / $denominator to 4 decimals, empty when the denominator is 0', (check) => {
    const inconsistent = data.performance.filter((row) => {
      const value = row[check.ratio];
      if (row[check.denominator] === 0) return value !== null;
      // rounding to 4 decimals moves the value by at most half a unit in the 4th decimal
      return value === null || Math.abs(value - row[check.numerator] / row[check.denominator]) > 5e-5 + 1e-12;
    });
    expect(inconsistent).toEqual([]);
  });

  it('plants one conversion-rate drop of about half within the last 60 days', () => {
    const { plantedDrop } = data;
    const dropped = campaignById.get(plantedDrop.campaignId);
    expect(dropped?.name).toBe(plantedDrop.campaignName);
    expect(dropped?.status).toBe('active');
    expect(plantedDrop.date > addDays(data.options.endDate, -60)).toBe(true);
    expect(plantedDrop.date <= data.options.endDate).toBe(true);
    const rows = data.performance.filter((row) => row.campaign_id === plantedDrop.campaignId);
    const before = rows.filter((row) => row.date < plantedDrop.date && row.date >= addDays(plantedDrop.date, -60));
    const after = rows.filter((row) => row.date >= plantedDrop.date);
    expect(after.length).toBeGreaterThanOrEqual(14);
    const ratio = conversionRate(after) / conversionRate(before);
    expect(ratio).toBeLessThan(0.7);
    expect(ratio).toBeGreaterThan(0.3);
  });

  it('varies daily spend and shows diminishing returns (log revenue rises slower than log spend)', () => {
    // long-running campaigns with enough conversions a day that Poisson noise does not flatten the fitted slope
    const fittable = data.campaigns
      .map((campaign) =>
        data.performance.filter((row) => row.campaign_id === campaign.campaign_id && row.date < data.plantedDrop.date),
      )
      .filter((rows) => rows.length >= 300 && sum(rows.map((row) => row.conversions)) / rows.length >= 5);
    expect(fittable.length).toBeGreaterThanOrEqual(4);
    for (const campaignRows of fittable) {
      const rows = campaignRows.filter((row) => row.revenue > 0);
      const costs = rows.map((row) => row.cost).sort((a, b) => a - b);
      // the middle 90 % of days span at least a factor of 3 in spend, enough to fit a response curve
      expect(
        (costs[Math.floor(costs.length * 0.95)] ?? 0) / (costs[Math.floor(costs.length * 0.05)] ?? 1),
      ).toBeGreaterThan(3);
      const x = rows.map((row) => Math.log(row.cost));
      const y = rows.map((row) => Math.log(row.revenue));
      const meanX = sum(x) / x.length;
      const meanY = sum(y) / y.length;
      const slope = sum(x.map((xi, i) => (xi - meanX) * ((y[i] ?? 0) - meanY))) / sum(x.map((xi) => (xi - meanX) ** 2));
      expect(slope).toBeGreaterThan(0.3);
      expect(slope).toBeLessThan(0.95);
    }
  });
});

describe('demo CSV output', () => {
  it.each([
    { value: 'plain', csv: 'plain' },
    { value: 'a,b', csv: '"a,b"' },
    { value: 'say "hi"', csv: '"say ""hi"""' },
    { value: 'two\nlines', csv: '"two\nlines"' },
    { value: 12.5, csv: '12.5' },
    { value: -3, csv: '-3' },
    { value: null, csv: '' },
  ])('writes $value as $csv', ({ value, csv }) => {
    expect(csvField(value)).toBe(csv);
  });

  it('writes the four files with canonical headers and one line per row', () => {
    const small = generateDemo({ customers: 200 });
    const files = demoToCsvFiles(small);
    expect(files.map((file) => file.name)).toEqual([
      'customers.csv',
      'purchases.csv',
      'campaigns.csv',
      'campaign_performance.csv',
    ]);
    const rowCounts = [
      small.customers.length,
      small.purchases.length,
      small.campaigns.length,
      small.performance.length,
    ];
    files.forEach((file, i) => {
      const kind = TABLE_KINDS[i] ?? 'customers';
      const lines = file.text.split('\n');
      expect(lines[0]).toBe(demoColumns(kind).join(','));
      expect(lines.at(-1)).toBe(''); // ends with a line break
      expect(lines.length - 2).toBe(rowCounts[i]);
      expect(file.text).not.toContain('\r');
    });
  });

  it('has hand-written line formatters that agree with the canonical column order', () => {
    const checks = [
      ...data.customers.slice(0, 20).map((row) => [customerCsvLine(row), csvLine(row, demoColumns('customers'))]),
      ...data.purchases.slice(0, 20).map((row) => [purchaseCsvLine(row), csvLine(row, demoColumns('purchases'))]),
      ...returns.slice(0, 5).map((row) => [purchaseCsvLine(row), csvLine(row, demoColumns('purchases'))]),
      ...data.campaigns.map((row) => [campaignCsvLine(row), csvLine(row, demoColumns('campaigns'))]),
      ...data.performance
        .slice(0, 20)
        .map((row) => [performanceCsvLine(row), csvLine(row, demoColumns('performance'))]),
    ];
    for (const [handWritten, generic] of checks) expect(handWritten).toBe(generic);
    expect(campaignCsvLine({ ...(data.campaigns[0] ?? ({} as never)), name: 'Sale, "big"' })).toContain(
      '"Sale, ""big"""',
    );
  });

  it('streams the same files in chunks as it writes in one go', () => {
    const options = { seed: 5, customers: 300 };
    const whole = demoToCsvFiles(generateDemo(options));
    const streamed = demoCsvStreams(generateDemoStream(options), 250).map((file) => {
      let text = '';
      let rows = 0;
      for (const chunk of file.chunks()) {
        expect(chunk.text.endsWith('\n')).toBe(true);
        text += chunk.text;
        rows += chunk.rows;
      }
      return { name: file.name, text, rows };
    });
    expect(streamed.map(({ name, text }) => ({ name, text }))).toEqual(whole);
    for (const file of streamed) expect(file.rows).toBe(file.text.split('\n').length - 2);
  });
});
