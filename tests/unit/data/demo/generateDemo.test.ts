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
  ])('lands within ±10 % of a target of $purchases purchase rows for $customers customers', (options) => {
    const stream = generateDemoStream({ seed: 11, ...options });
    let rows = 0;
    for (const batch of stream.purchaseBatches()) rows += batch.length;
    expect(stream.customers).toHaveLength(options.customers);
    expect(Math.abs(rows / options.purchases - 1)).toBeLessThan(0.1);
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

  it('has about 3 % returns, each undoing part or all of an earlier line of the same customer', () => {
    const share = returns.length / data.purchases.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
    const saleById = new Map(sales.map((row) => [row.id, row]));
    for (const ret of returns) {
      expect(ret.order_id).toMatch(/^C/);
      const original = saleById.get(ret.id.slice(1));
      expect(original).toBeDefined();
      if (!original) continue;
      expect(ret.order_id).toBe(`C${original.order_id}`);
      expect(ret.customer_id).toBe(original.customer_id);
      expect(ret.product_id).toBe(original.product_id);
      expect(ret.unit_price).toBe(original.unit_price);
      expect(-ret.quantity).toBeLessThanOrEqual(original.quantity);
      expect(ret.purchase_date > original.purchase_date).toBe(true);
    }
  });

  it('has 6–8 categories at different price levels and several channels', () => {
    const pricesByCategory = new Map<string, number[]>();
    for (const row of sales)
      pricesByCategory.set(row.category, [...(pricesByCategory.get(row.category) ?? []), row.unit_price]);
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
      counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
      categoriesByCustomer.set(row.customer_id, counts);
    }
    const topShares = [...categoriesByCustomer.values()]
      .filter((counts) => sum(counts.values()) >= 10)
      .map((counts) => Math.max(...counts.values()) / sum(counts.values()));
    expect(topShares.length).toBeGreaterThan(200);
    // without preferences the top category would hold little more than the largest global share (20 %)
    expect(sum(topShares) / topShares.length).toBeGreaterThan(0.45);
  });

  it('has heavy-tailed spend: the top 10 % of customers bring more than 30 % of revenue', () => {
    const revenueByCustomer = new Map<string, number>();
    for (const row of data.purchases) {
      revenueByCustomer.set(row.customer_id, (revenueByCustomer.get(row.customer_id) ?? 0) + row.amount);
    }
    const revenues = data.customers.map((c) => revenueByCustomer.get(c.customer_id) ?? 0).sort((a, b) => b - a);
    const topShare = sum(revenues.slice(0, revenues.length / 10)) / sum(revenues);
    expect(topShare).toBeGreaterThan(0.3);
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

  it('spreads customers between one-off buyers and frequent ones (BG/NBD-like)', () => {
    const ordersByCustomer = new Map<string, Set<string>>();
    for (const row of sales) {
      const orders = ordersByCustomer.get(row.customer_id) ?? new Set<string>();
      orders.add(row.order_id);
      ordersByCustomer.set(row.customer_id, orders);
    }
    const counts = [...ordersByCustomer.values()].map((orders) => orders.size);
    const oneOff = counts.filter((count) => count === 1).length / counts.length;
    expect(oneOff).toBeGreaterThan(0.1);
    expect(oneOff).toBeLessThan(0.6);
    expect(Math.max(...counts)).toBeGreaterThan(20);
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
