// The Dashboard's figures from DuckDB against the same figures computed directly from the generated
// demo rows in TypeScript: net revenue, orders, active customers, order value, repeat rate, ROAS, for
// the last 90 days and for all the data, revenue by month and cohort retention (every cohort). Orders,
// customers and order value count what was bought and not cancelled: the demo's cancellations are
// replayed by the independent tests/support/netLinesReference.ts.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src/data/demo/generateDemo';
import { demoToCsvFiles } from '../../../src/data/demo/toCsv';
import { readCohortRetention } from '../../../src/data/dashboard/cohortRetention';
import { readDashboardKpis, readPurchaseSpan, readRevenueSeries } from '../../../src/data/dashboard/dashboardQueries';
import { periodsEndingOn } from '../../../src/data/dashboard/periods';
import { ensureAllPurchaseNet } from '../../../src/data/purchases/purchaseNet';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { netLinesReference } from '../../support/netLinesReference';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();
const demo = generateDemo({ customers: 400 });
const END = demo.options.endDate;

beforeAll(async () => {
  await importWithProposal(
    db,
    demoToCsvFiles(demo).map((f) => fileFrom(f.name, f.text)),
  );
  // What the Dashboard's hooks do before reading: build the net lines.
  await ensureAllPurchaseNet(db);
  // The import took over a minute while the two cores were shared with other suites.
}, 180_000);

const net = netLinesReference(
  demo.purchases.map((p, row) => ({
    customer: p.customer_id,
    product: p.product_id ?? (p.category === null ? null : `category: ${p.category}`),
    order: p.order_id,
    at: p.purchase_date,
    isReturn: p.is_return === 'true',
    amount: p.amount,
    quantity: p.quantity,
    row,
  })),
);
const netLines = demo.purchases.map((p, i) => ({ ...p, net: net.net[i] ?? NaN, bought: net.bought[i] ?? false }));

function expected(from: string, to: string) {
  const lines = netLines.filter((p) => p.purchase_date.slice(0, 10) >= from && p.purchase_date.slice(0, 10) <= to);
  const sales = lines.filter((p) => p.bought);
  const ordersByCustomer = new Map<string, Set<string>>();
  for (const p of sales)
    ordersByCustomer.set(p.customer_id, (ordersByCustomer.get(p.customer_id) ?? new Set()).add(p.order_id));
  const orders = new Set(sales.map((p) => p.order_id)).size;
  const perf = demo.performance.filter((r) => r.date >= from && r.date <= to);
  return {
    revenue: lines.reduce((s, p) => s + (p.is_return === 'true' ? -Math.abs(p.amount) : p.amount), 0),
    orders,
    activeCustomers: ordersByCustomer.size,
    averageOrderValue: sales.reduce((s, p) => s + p.net, 0) / orders,
    repeatRate: [...ordersByCustomer.values()].filter((o) => o.size >= 2).length / ordersByCustomer.size,
    blendedRoas: perf.reduce((s, r) => s + r.revenue, 0) / perf.reduce((s, r) => s + r.cost, 0),
  };
}

describe('dashboard figures in DuckDB', () => {
  it('gives the KPIs of the last 90 days and the 90 before, as computed from the rows', async () => {
    const kpis = await readDashboardKpis(db, END, 90);
    const { current, previous } = periodsEndingOn(END, 90);
    expect(current.to).toBe(END);
    expect(previous.to < current.from).toBe(true);
    // Two years of demo data cover the previous 90 days.
    expect(kpis.period).toEqual(current);
    expect(kpis.comparison).toEqual({ kind: 'full', previous });
    for (const [got, period] of [
      [kpis.current, current],
      [kpis.previous!, previous],
    ] as const) {
      const want = expected(period.from, period.to);
      expect(got.revenue).toBeCloseTo(want.revenue, 4);
      expect(got.orders).toBe(want.orders);
      expect(got.activeCustomers).toBe(want.activeCustomers);
      expect(got.averageOrderValue!).toBeCloseTo(want.averageOrderValue, 6);
      expect(got.repeatRate!).toBeCloseTo(want.repeatRate, 9);
      expect(got.blendedRoas!).toBeCloseTo(want.blendedRoas, 9);
    }
    expect(kpis.predictedRevenue).toBeNull();
  });

  it('gives the KPIs of all the data from the first purchase day, with no previous period', async () => {
    const span = await readPurchaseSpan(db);
    const days = demo.purchases.map((p) => p.purchase_date.slice(0, 10)).sort();
    const first = days[0]!;
    expect(span).toEqual({ firstDay: first, lastDay: days.at(-1) });
    const kpis = await readDashboardKpis(db, END, 'all');
    expect(kpis.period).toEqual({ from: first, to: END });
    expect(kpis.comparison).toEqual({ kind: 'all-data' });
    expect(kpis.previous).toBeNull();
    const want = expected('0000', '9999');
    expect(kpis.current.revenue).toBeCloseTo(want.revenue, 4);
    expect(kpis.current.orders).toBe(want.orders);
    expect(kpis.current.activeCustomers).toBe(want.activeCustomers);
  });

  it('sums revenue by month to the total', async () => {
    const months = await readRevenueSeries(db, 'month');
    const total = demo.purchases.reduce((s, p) => s + (p.is_return === 'true' ? -Math.abs(p.amount) : p.amount), 0);
    expect(months.reduce((s, m) => s + m.revenue, 0)).toBeCloseTo(total, 4);
    expect(months[0]!.period.endsWith('-01')).toBe(true);
  });

  it('builds cohort retention from first purchase months, every cohort', async () => {
    const { rows: cohorts } = await readCohortRetention(db);
    const sales = netLines.filter((p) => p.bought);
    expect(cohorts.map((c) => c.cohort)).toEqual(
      [...new Set(sales.map((p) => p.purchase_date.slice(0, 7)))].sort().filter((m) => m <= cohorts.at(-1)!.cohort),
    );
    expect(cohorts.reduce((n, c) => n + c.customers, 0)).toBe(new Set(sales.map((p) => p.customer_id)).size);
    const oldest = cohorts[0]!;
    // recompute the oldest shown cohort's month-1 retention from the rows
    const first = new Map<string, string>();
    for (const p of sales) {
      const m = p.purchase_date.slice(0, 7);
      if (!first.has(p.customer_id) || m < first.get(p.customer_id)!) first.set(p.customer_id, m);
    }
    const members = [...first].filter(([, m]) => m === oldest.cohort).map(([c]) => c);
    const [y, mo] = oldest.cohort.split('-').map(Number) as [number, number];
    const next = `${mo === 12 ? y + 1 : y}-${String(mo === 12 ? 1 : mo + 1).padStart(2, '0')}`;
    const back = new Set(sales.filter((p) => p.purchase_date.slice(0, 7) === next).map((p) => p.customer_id));
    expect(oldest.customers).toBe(members.length);
    expect(oldest.retention[0]).toBe(1);
    expect(oldest.retention[1]!).toBeCloseTo(members.filter((c) => back.has(c)).length / members.length, 12);
    // the newest cohort has only month 0 observed
    expect(
      cohorts
        .at(-1)!
        .retention.slice(1)
        .every((v) => v === null),
    ).toBe(true);
  });
});
