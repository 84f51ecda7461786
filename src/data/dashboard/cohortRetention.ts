// Monthly cohort retention in DuckDB: every first-purchase cohort, the share of it buying in each month
// after, months after the data ends left unknown, and the cells of months the data only partly covers
// (a first month that starts late, a last month that ends early) marked, since they read low.

import type { SqlConnection } from '../sql';
import { PURCHASES } from './dashboardSql';
import { readPurchaseSpan } from './dashboardQueries';
import { partialCoverage, type Period } from './periods';

export interface CohortRow {
  /** First purchase month, 'YYYY-MM'. */
  cohort: string;
  customers: number;
  /** Share of the cohort buying in month 0, 1, 2, … after their first (month 0 is 1 by definition); null after the data ends. */
  retention: (number | null)[];
  /** Months since the first whose calendar month the data covers only in part. */
  partialMonths: number[];
}

export interface CohortRetention {
  rows: CohortRow[];
  /** The calendar months the data covers only in part, 'YYYY-MM', with the days it covers. */
  partial: { month: string; covered: Period }[];
}

const monthIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};

/** Every monthly cohort by first purchase, with the share of it buying in each later month (at most `maxMonths`). */
export async function readCohortRetention(conn: SqlConnection, maxMonths = 36): Promise<CohortRetention> {
  const span = await readPurchaseSpan(conn);
  if (!span) return { rows: [], partial: [] };
  const months = Math.min(maxMonths, monthIndex(span.lastDay.slice(0, 7)) - monthIndex(span.firstDay.slice(0, 7)) + 1);
  const rows = await conn.query<{ cohort: string; month_offset: number; customers: number; cohort_size: number }>(
    `WITH sales AS (SELECT customer_id, date_trunc('month', purchase_date) AS month FROM ${PURCHASES} WHERE bought),
     firsts AS (SELECT customer_id, min(month) AS cohort FROM sales GROUP BY 1),
     sizes AS (SELECT cohort, count(*) AS cohort_size FROM firsts GROUP BY 1),
     active AS (
       SELECT f.cohort, date_diff('month', f.cohort, s.month) AS month_offset, count(DISTINCT s.customer_id) AS customers
       FROM sales s JOIN firsts f USING (customer_id)
       WHERE date_diff('month', f.cohort, s.month) < ${months}
       GROUP BY 1, 2)
     SELECT strftime(a.cohort, '%Y-%m') AS cohort, a.month_offset, a.customers, z.cohort_size
     FROM active a JOIN sizes z USING (cohort) ORDER BY 1, 2`,
  );
  const lastMonth = monthIndex(span.lastDay.slice(0, 7));
  const partial = [...new Set([span.firstDay.slice(0, 7), span.lastDay.slice(0, 7)])].flatMap((month) => {
    const covered = partialCoverage(`${month}-01`, 'month', span);
    return covered ? [{ month, covered }] : [];
  });
  const partialIndexes = partial.map((p) => monthIndex(p.month));
  const byCohort = new Map<string, CohortRow>();
  for (const r of rows) {
    let row = byCohort.get(r.cohort);
    if (!row) {
      const first = monthIndex(r.cohort);
      // Months after the data ends are unknown, not zero.
      const observed = Math.min(months, lastMonth - first + 1);
      row = {
        cohort: r.cohort,
        customers: Number(r.cohort_size),
        retention: Array.from({ length: months }, (_, i) => (i < observed ? 0 : null)),
        partialMonths: partialIndexes.map((m) => m - first).filter((offset) => offset >= 0 && offset < observed),
      };
      byCohort.set(r.cohort, row);
    }
    row.retention[Number(r.month_offset)] = Number(r.customers) / Number(r.cohort_size);
  }
  return { rows: [...byCohort.values()], partial };
}
