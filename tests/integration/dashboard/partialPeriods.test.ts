// The Dashboard's honest periods in DuckDB on purchases shaped like the UCI Online Retail export (the
// first purchase on 1 Dec 2010, the last on 9 Dec 2011, one new customer a month): the KPI period of
// each choice and when a change against the previous one is allowed, the partial first and last weeks
// and the partial last month, and a cohort heatmap with every cohort and its partial cells marked.

import { beforeAll, describe, expect, it } from 'vitest';
import { readCohortRetention } from '../../../src/data/dashboard/cohortRetention';
import { readDashboardKpis, readPurchaseSpan, readRevenueSeries } from '../../../src/data/dashboard/dashboardQueries';
import type { PeriodChoice } from '../../../src/data/dashboard/periods';
import { ensureAllPurchaseNet } from '../../../src/data/purchases/purchaseNet';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();
const END = '2011-12-09';

beforeAll(async () => {
  // Customer Ci buys 10 × (i + 1) in month i (Dec 2010 … Dec 2011); the even ones come back on 5 Dec 2011
  // for 1 each; C1 returns 4 in January.
  await db.query(`CREATE TABLE purchases AS
    SELECT 'L' || i AS id, 'O' || i AS order_id, 'C' || i AS customer_id,
      CASE i WHEN 0 THEN TIMESTAMP '2010-12-01 08:26:00' WHEN 12 THEN TIMESTAMP '2011-12-09 12:50:00'
        ELSE TIMESTAMP '2010-12-15 10:00:00' + to_months(CAST(i AS INTEGER)) END AS purchase_date,
      CAST(10 * (i + 1) AS DOUBLE) AS amount, false AS is_return
    FROM range(13) t(i)
    UNION ALL
    SELECT 'B' || i, 'P' || i, 'C' || i, TIMESTAMP '2011-12-05 09:00:00', CAST(1 AS DOUBLE), false FROM range(0, 12, 2) t(i)
    UNION ALL
    SELECT 'X1', 'CX1', 'C1', TIMESTAMP '2011-01-20 10:00:00', CAST(-4 AS DOUBLE), true`);
  // What the Dashboard's hooks do before reading: build the net lines.
  await ensureAllPurchaseNet(db);
});

describe('periods the data covers', () => {
  it('reads the span of the data', async () => {
    expect(await readPurchaseSpan(db)).toEqual({ firstDay: '2010-12-01', lastDay: END });
  });

  it.each<{ choice: PeriodChoice; from: string; revenue: number; kind: string; previousRevenue: number | null }>([
    // every line: 910 of sales + 6 come-backs − 4 returned
    { choice: 'all', from: '2010-12-01', revenue: 912, kind: 'all-data', previousRevenue: null },
    // without C0's 10 on 1 Dec 2010; the previous 365 days hold only 1–9 Dec 2010
    { choice: 365, from: '2010-12-10', revenue: 902, kind: 'partial', previousRevenue: null },
    // C9 … C12 and the come-backs; before: C6, C7 and C8
    { choice: 90, from: '2011-09-11', revenue: 466, kind: 'full', previousRevenue: 240 },
    // C11, C12 and the come-backs; before: C10
    { choice: 30, from: '2011-11-10', revenue: 256, kind: 'full', previousRevenue: 110 },
  ])('$choice: from $from, $kind comparison', async ({ choice, from, revenue, kind, previousRevenue }) => {
    const kpis = await readDashboardKpis(db, END, choice);
    expect(kpis.period).toEqual({ from, to: END });
    expect(kpis.comparison.kind).toBe(kind);
    expect(kpis.current.revenue).toBeCloseTo(revenue, 9);
    if (previousRevenue === null) expect(kpis.previous).toBeNull();
    else expect(kpis.previous?.revenue).toBeCloseTo(previousRevenue, 9);
  });

  it('says how much of the previous 365 days has data', async () => {
    const kpis = await readDashboardKpis(db, END, 365);
    expect(kpis.comparison).toEqual({
      kind: 'partial',
      previous: { from: '2009-12-10', to: '2010-12-09' },
      firstDay: '2010-12-01',
      coveredDays: 9,
      days: 365,
    });
  });

  it.each([
    { grain: 'month', buckets: 13, partial: { '2011-12-01': { from: '2011-12-01', to: END } } },
    {
      grain: 'week',
      buckets: 14,
      partial: {
        '2010-11-29': { from: '2010-12-01', to: '2010-12-05' },
        '2011-12-05': { from: '2011-12-05', to: END },
      },
    },
    { grain: 'day', buckets: 15, partial: {} },
  ] as const)('marks the partial buckets by $grain', async ({ grain, buckets, partial }) => {
    const series = await readRevenueSeries(db, grain);
    expect(series).toHaveLength(buckets);
    expect(Object.fromEntries(series.filter((p) => p.partial).map((p) => [p.period, p.partial]))).toEqual(partial);
    expect(series.reduce((s, p) => s + p.revenue, 0)).toBeCloseTo(912, 9);
  });
});

const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);
const unknown = (n: number): null[] => Array.from({ length: n }, () => null);

describe('cohort retention over the whole data', () => {
  it('shows every cohort, the first one included, with 13 months observed', async () => {
    const { rows, partial } = await readCohortRetention(db);
    expect(rows.map((r) => r.cohort)).toEqual([
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
      '2011-04',
      '2011-05',
      '2011-06',
      '2011-07',
      '2011-08',
      '2011-09',
      '2011-10',
      '2011-11',
      '2011-12',
    ]);
    expect(rows.every((r) => r.customers === 1 && r.retention.length === 13)).toBe(true);
    expect(partial).toEqual([{ month: '2011-12', covered: { from: '2011-12-01', to: END } }]);
  });

  it.each([
    // Dec 2010 comes back in the partial last month (month 12); Jan 2011 does not (a return is no purchase).
    { cohort: '2010-12', retention: [1, ...zeros(11), 1], partialMonths: [12] },
    { cohort: '2011-01', retention: [1, ...zeros(11), null], partialMonths: [11] },
    { cohort: '2011-10', retention: [1, 0, 1, ...unknown(10)], partialMonths: [2] },
    // The last cohort is its partial month alone; everything after the data ends is unknown.
    { cohort: '2011-12', retention: [1, ...unknown(12)], partialMonths: [0] },
  ])('$cohort', async ({ cohort, retention, partialMonths }) => {
    const row = (await readCohortRetention(db)).rows.find((r) => r.cohort === cohort);
    expect(row?.retention).toEqual(retention);
    expect(row?.partialMonths).toEqual(partialMonths);
  });
});
