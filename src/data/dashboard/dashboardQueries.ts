// Reads behind the Dashboard, all in DuckDB: the KPIs for a period beside the period before, revenue
// over time, monthly cohort retention, and the campaigns with the best ROAS. Revenue is net of returns
// (a return line counts as minus its amount); orders, active customers and order value use sales only.

import { sqlString, tableExists, type SqlConnection } from '../sql';
import { CUSTOMER_PREDICTIONS_TABLE } from '../predictions/predictionTables';
import { PERFORMANCE_TABLE } from '../campaigns/campaignQueries';

export interface Period {
  /** First and last day, inclusive, ISO dates. */
  from: string;
  to: string;
}

export interface PeriodKpis {
  revenue: number;
  orders: number;
  activeCustomers: number;
  /** Sales revenue ÷ orders; null without orders. */
  averageOrderValue: number | null;
  /** Share of active customers with two or more orders in the period; null without customers. */
  repeatRate: number | null;
  /** Revenue ÷ cost of campaign performance in the period; null without performance or cost. */
  blendedRoas: number | null;
}

export interface DashboardKpis {
  current: PeriodKpis;
  previous: PeriodKpis;
  /** From the stored predictions (as of their analysis date): null without a prediction run. */
  predictedRevenue: number | null;
  highRiskCustomers: number | null;
}

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The `days` ending on `end`, and the same length just before. */
export function periodsEndingOn(end: string, days: number): { current: Period; previous: Period } {
  return {
    current: { from: shift(end, -(days - 1)), to: end },
    previous: { from: shift(end, -(2 * days - 1)), to: shift(end, -days) },
  };
}

// An order is its order id when the file has one, else the purchase line.
const ORDER = 'coalesce(order_id, id)';
const inPeriod = (p: Period) =>
  `purchase_date >= TIMESTAMP ${sqlString(p.from)} AND purchase_date < TIMESTAMP ${sqlString(p.to)} + INTERVAL 1 DAY`;

async function periodKpis(conn: SqlConnection, p: Period, hasPerformance: boolean): Promise<PeriodKpis> {
  const [row] = await conn.query<{
    revenue: number | null;
    sales: number | null;
    orders: number;
    customers: number;
    repeaters: number;
  }>(
    `WITH lines AS (SELECT * FROM purchases WHERE ${inPeriod(p)}),
     per_customer AS (SELECT customer_id, count(DISTINCT ${ORDER}) AS orders FROM lines WHERE NOT is_return GROUP BY 1)
     SELECT (SELECT sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) FROM lines) AS revenue,
       (SELECT sum(amount) FROM lines WHERE NOT is_return) AS sales,
       (SELECT count(DISTINCT ${ORDER}) FROM lines WHERE NOT is_return) AS orders,
       (SELECT count(*) FROM per_customer) AS customers,
       (SELECT count(*) FROM per_customer WHERE orders >= 2) AS repeaters`,
  );
  const orders = Number(row?.orders ?? 0);
  const customers = Number(row?.customers ?? 0);
  let blendedRoas: number | null = null;
  if (hasPerformance) {
    const [perf] = await conn.query<{ revenue: number | null; cost: number | null }>(
      `SELECT sum(revenue) AS revenue, sum(cost) AS cost FROM ${PERFORMANCE_TABLE}
       WHERE date BETWEEN DATE ${sqlString(p.from)} AND DATE ${sqlString(p.to)}`,
    );
    const cost = Number(perf?.cost ?? 0);
    blendedRoas = cost > 0 && perf?.revenue != null ? Number(perf.revenue) / cost : null;
  }
  return {
    revenue: Number(row?.revenue ?? 0),
    orders,
    activeCustomers: customers,
    averageOrderValue: orders > 0 ? Number(row?.sales ?? 0) / orders : null,
    repeatRate: customers > 0 ? Number(row?.repeaters ?? 0) / customers : null,
    blendedRoas,
  };
}

/** The KPIs of the `days` ending on `end` beside the period before. */
export async function readDashboardKpis(conn: SqlConnection, end: string, days: number): Promise<DashboardKpis> {
  const { current, previous } = periodsEndingOn(end, days);
  const hasPerformance = await tableExists(conn, PERFORMANCE_TABLE);
  let predictedRevenue: number | null = null;
  let highRiskCustomers: number | null = null;
  if (await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE)) {
    const [p] = await conn.query<{ value: number | null; high: number }>(
      `SELECT sum(lifetime_value) AS value, count(*) FILTER (WHERE risk_level = 'High') AS high FROM ${CUSTOMER_PREDICTIONS_TABLE}`,
    );
    predictedRevenue = p?.value == null ? null : Number(p.value);
    highRiskCustomers = Number(p?.high ?? 0);
  }
  return {
    current: await periodKpis(conn, current, hasPerformance),
    previous: await periodKpis(conn, previous, hasPerformance),
    predictedRevenue,
    highRiskCustomers,
  };
}

export type RevenueGrain = 'day' | 'week' | 'month';

/** Net revenue per day, week or month over the whole data. */
export async function readRevenueSeries(
  conn: SqlConnection,
  grain: RevenueGrain,
): Promise<{ period: string; revenue: number; orders: number }[]> {
  const rows = await conn.query<{ period: string; revenue: number; orders: number }>(
    `SELECT strftime(date_trunc(${sqlString(grain)}, purchase_date), '%Y-%m-%d') AS period,
       sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) AS revenue,
       count(DISTINCT ${ORDER}) FILTER (WHERE NOT is_return) AS orders
     FROM purchases GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ period: r.period, revenue: Number(r.revenue), orders: Number(r.orders) }));
}

export interface CohortRow {
  /** First purchase month, 'YYYY-MM'. */
  cohort: string;
  customers: number;
  /** Share of the cohort buying in month 0, 1, 2, … after their first (month 0 is 1 by definition). */
  retention: (number | null)[];
}

/** Monthly cohorts by first purchase: the share of each cohort that bought again in each later month. */
export async function readCohortRetention(conn: SqlConnection, months = 12, cohorts = 12): Promise<CohortRow[]> {
  const rows = await conn.query<{ cohort: string; month_offset: number; customers: number; cohort_size: number }>(
    `WITH sales AS (SELECT customer_id, date_trunc('month', purchase_date) AS month FROM purchases WHERE NOT is_return),
     firsts AS (SELECT customer_id, min(month) AS cohort FROM sales GROUP BY 1),
     recent AS (SELECT cohort FROM firsts GROUP BY 1 ORDER BY 1 DESC LIMIT ${cohorts}),
     sizes AS (SELECT cohort, count(*) AS cohort_size FROM firsts WHERE cohort IN (SELECT cohort FROM recent) GROUP BY 1),
     active AS (
       SELECT f.cohort, date_diff('month', f.cohort, s.month) AS month_offset, count(DISTINCT s.customer_id) AS customers
       FROM sales s JOIN firsts f USING (customer_id)
       WHERE f.cohort IN (SELECT cohort FROM recent) AND date_diff('month', f.cohort, s.month) < ${months}
       GROUP BY 1, 2)
     SELECT strftime(a.cohort, '%Y-%m') AS cohort, a.month_offset, a.customers, z.cohort_size
     FROM active a JOIN sizes z USING (cohort) ORDER BY 1, 2`,
  );
  const [last] = await conn.query<{ last: string | null }>(
    `SELECT strftime(max(date_trunc('month', purchase_date)), '%Y-%m') AS last FROM purchases`,
  );
  const lastMonth = last?.last ?? '';
  const byCohort = new Map<string, CohortRow>();
  for (const r of rows) {
    let row = byCohort.get(r.cohort);
    if (!row) {
      // Months after the data ends are unknown, not zero.
      const [y, m] = r.cohort.split('-').map(Number) as [number, number];
      const [ly, lm] = lastMonth.split('-').map(Number) as [number, number];
      const observed = Math.min(months, (ly - y) * 12 + (lm - m) + 1);
      row = {
        cohort: r.cohort,
        customers: Number(r.cohort_size),
        retention: Array.from({ length: months }, (_, i) => (i < observed ? 0 : null)),
      };
      byCohort.set(r.cohort, row);
    }
    row.retention[Number(r.month_offset)] = Number(r.customers) / Number(r.cohort_size);
  }
  return [...byCohort.values()];
}

export interface ActionFigures {
  /** Customers at high churn risk and their predicted lifetime value (null without predictions). */
  retain: { customers: number; value: number } | null;
  /** The top lifetime-value tier. */
  vip: { customers: number; value: number } | null;
  /** Potential Loyalists (RFM) and their average order value: the upsell audience. */
  upsell: { customers: number; averageOrderValue: number } | null;
}

/** The figures the action recommendations are ranked by. */
export async function readActionFigures(conn: SqlConnection): Promise<ActionFigures> {
  let retain: ActionFigures['retain'] = null;
  let vip: ActionFigures['vip'] = null;
  if (await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE)) {
    const [r] = await conn.query<{ rc: number; rv: number | null; vc: number; vv: number | null }>(
      `SELECT count(*) FILTER (WHERE risk_level = 'High') AS rc,
         sum(lifetime_value) FILTER (WHERE risk_level = 'High') AS rv,
         count(*) FILTER (WHERE ltv_tier = 'High') AS vc,
         sum(lifetime_value) FILTER (WHERE ltv_tier = 'High') AS vv
       FROM ${CUSTOMER_PREDICTIONS_TABLE}`,
    );
    retain = { customers: Number(r?.rc ?? 0), value: Number(r?.rv ?? 0) };
    vip = { customers: Number(r?.vc ?? 0), value: Number(r?.vv ?? 0) };
  }
  let upsell: ActionFigures['upsell'] = null;
  if (await tableExists(conn, 'customer_segments')) {
    const [u] = await conn.query<{ n: number; aov: number | null }>(
      // From purchases, not customer_features: the features are recomputed on demand, segments are stored.
      `SELECT count(*) AS n, avg(o.aov) AS aov
       FROM customer_segments s
       LEFT JOIN (SELECT customer_id, sum(amount) / count(DISTINCT ${ORDER}) AS aov FROM purchases WHERE NOT is_return GROUP BY 1) o
         USING (customer_id)
       WHERE s.rfm_segment = 'Potential Loyalist'`,
    );
    upsell = { customers: Number(u?.n ?? 0), averageOrderValue: Number(u?.aov ?? 0) };
  }
  return { retain, vip, upsell };
}

/** The last day with a purchase, ISO; null without purchases. */
export async function readLastPurchaseDay(conn: SqlConnection): Promise<string | null> {
  if (!(await tableExists(conn, 'purchases'))) return null;
  const [row] = await conn.query<{ day: string | null }>(
    `SELECT strftime(max(purchase_date), '%Y-%m-%d') AS day FROM purchases`,
  );
  return row?.day ?? null;
}
