// Reads behind the Dashboard, all in DuckDB: the span of the data, the KPIs for a period beside the
// period before (when the data covers it), revenue over time with partial first and last buckets marked,
// and the action figures. Revenue is net of returns (a return line counts as minus its amount); orders,
// active customers and order value count what was bought and not cancelled in full, order value net of
// cancellations (see dashboardSql.ts). Cohort retention is in cohortRetention.ts.

import { sqlString, tableExists, type SqlConnection } from '../sql';
import { CUSTOMER_PREDICTIONS_TABLE } from '../predictions/predictionTables';
import { PERFORMANCE_TABLE } from '../campaigns/campaignQueries';
import { NET_AMOUNT, ORDER, PURCHASES } from './dashboardSql';
import {
  choosePeriod,
  partialCoverage,
  type Comparison,
  type DataSpan,
  type Grain,
  type Period,
  type PeriodChoice,
} from './periods';

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
  /** The days the figures are for. */
  period: Period;
  /** The previous period, and whether the data covers all of it. */
  comparison: Comparison;
  current: PeriodKpis;
  /** The previous period's figures; null unless the data covers all of it (a change would mislead). */
  previous: PeriodKpis | null;
  /** From the stored predictions (as of their analysis date): null without a prediction run. */
  predictedRevenue: number | null;
  highRiskCustomers: number | null;
}

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
    `WITH lines AS (SELECT * FROM ${PURCHASES} WHERE ${inPeriod(p)}),
     per_customer AS (SELECT customer_id, count(DISTINCT ${ORDER}) AS orders FROM lines WHERE bought GROUP BY 1)
     SELECT (SELECT sum(${NET_AMOUNT}) FROM lines) AS revenue,
       (SELECT sum(net_amount) FROM lines WHERE bought) AS sales,
       (SELECT count(DISTINCT ${ORDER}) FROM lines WHERE bought) AS orders,
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

/** The first and last purchase day; null without purchases. */
export async function readPurchaseSpan(conn: SqlConnection): Promise<DataSpan | null> {
  if (!(await tableExists(conn, 'purchases'))) return null;
  // What the data covers is every stored line, whichever relation the figures are read from.
  const [row] = await conn.query<{ first: string | null; last: string | null }>(
    `SELECT strftime(min(purchase_date), '%Y-%m-%d') AS first, strftime(max(purchase_date), '%Y-%m-%d') AS last
     FROM purchases`,
  );
  return row?.first && row.last ? { firstDay: row.first, lastDay: row.last } : null;
}

/**
 * The KPIs of the chosen period ending on `end`, and of the period before when the data covers all of it
 * (the first purchase day is on or before that period's first day); "All data" has no period before it.
 */
export async function readDashboardKpis(
  conn: SqlConnection,
  end: string,
  choice: PeriodChoice,
): Promise<DashboardKpis> {
  const span = await readPurchaseSpan(conn);
  const { current, comparison } = choosePeriod(choice, end, span?.firstDay ?? end);
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
    period: current,
    comparison,
    current: await periodKpis(conn, current, hasPerformance),
    previous: comparison.kind === 'full' ? await periodKpis(conn, comparison.previous, hasPerformance) : null,
    predictedRevenue,
    highRiskCustomers,
  };
}

export type RevenueGrain = Grain;

export interface RevenuePoint {
  /** The bucket's first day, ISO. */
  period: string;
  revenue: number;
  orders: number;
  /** The days of the bucket the data covers, when that is not all of them (the first and last buckets). */
  partial: Period | null;
}

/** Net revenue per day, week or month over the whole data, the partly covered first and last buckets marked. */
export async function readRevenueSeries(conn: SqlConnection, grain: RevenueGrain): Promise<RevenuePoint[]> {
  const span = await readPurchaseSpan(conn);
  if (!span) return [];
  const rows = await conn.query<{ period: string; revenue: number; orders: number }>(
    `SELECT strftime(date_trunc(${sqlString(grain)}, purchase_date), '%Y-%m-%d') AS period,
       sum(${NET_AMOUNT}) AS revenue,
       count(DISTINCT ${ORDER}) FILTER (WHERE bought) AS orders
     FROM ${PURCHASES} GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({
    period: r.period,
    revenue: Number(r.revenue),
    orders: Number(r.orders),
    partial: partialCoverage(r.period, grain, span),
  }));
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
       LEFT JOIN (SELECT customer_id, sum(net_amount) / count(DISTINCT ${ORDER}) AS aov FROM ${PURCHASES} WHERE bought GROUP BY 1) o
         USING (customer_id)
       WHERE s.rfm_segment = 'Potential Loyalist'`,
    );
    upsell = { customers: Number(u?.n ?? 0), averageOrderValue: Number(u?.aov ?? 0) };
  }
  return { retain, vip, upsell };
}

/** The last day with a purchase, ISO; null without purchases. */
export async function readLastPurchaseDay(conn: SqlConnection): Promise<string | null> {
  return (await readPurchaseSpan(conn))?.lastDay ?? null;
}
