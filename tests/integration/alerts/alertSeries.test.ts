// The series alert rules watch, read from the demo in Node's DuckDB, checked against direct SQL, and
// a rule judged on them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../src/analytics/alerts/alertRules';
import { readAlertChoices, readMetricSeries } from '../../../src/data/alerts/alertSeries';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import { emptyManifest } from '../../../src/data/store/workspaceManifest';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

let db: Awaited<ReturnType<typeof openNodeDuckDb>>;
const manifest = emptyManifest();

beforeAll(async () => {
  db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
}, 120_000);
afterAll(() => db?.close());

describe('alert series', () => {
  it('gives daily revenue for every day from the first purchase to the last, 0 on days without one', async () => {
    const points = await readMetricSeries(db, manifest, { kind: 'daily-revenue' });
    const [span] = await db.query<{ first: string; last: string; days: number; total: number }>(
      `SELECT strftime(min(purchase_date)::DATE, '%Y-%m-%d') AS first, strftime(max(purchase_date)::DATE, '%Y-%m-%d') AS last,
         date_diff('day', min(purchase_date)::DATE, max(purchase_date)::DATE) + 1 AS days,
         sum(CASE WHEN is_return THEN -abs(amount) ELSE amount END) AS total FROM purchases`,
    );
    expect(points.length).toBe(Number(span!.days));
    expect(points[0]!.at).toBe(span!.first);
    expect(points.at(-1)!.at).toBe(span!.last);
    expect(points.every((p, i) => i === 0 || p.at > points[i - 1]!.at)).toBe(true);
    expect(points.reduce((s, p) => s + (p.value ?? 0), 0)).toBeCloseTo(Number(span!.total), 4);
  });

  it("gives a campaign's ROAS per day as revenue ÷ cost of that day", async () => {
    const { campaigns } = await readAlertChoices(db, manifest);
    expect(campaigns.length).toBeGreaterThan(1);
    const id = campaigns[0]!.id;
    const points = await readMetricSeries(db, manifest, { kind: 'campaign-roas', campaignId: id });
    const [day] = await db.query<{ at: string; revenue: number; cost: number }>(
      `SELECT strftime(date, '%Y-%m-%d') AS at, revenue, cost FROM campaign_performance
       WHERE campaign_id = '${id}' AND cost > 0 ORDER BY date DESC LIMIT 1`,
    );
    const point = points.find((p) => p.at === day!.at)!;
    expect(point.value).toBeCloseTo(Number(day!.revenue) / Number(day!.cost), 9);
  });

  it('lets a rule judge the whole history: one alert per stretch below its threshold', async () => {
    const { campaigns } = await readAlertChoices(db, manifest);
    const points = await readMetricSeries(db, manifest, { kind: 'daily-revenue' });
    const rule = {
      id: 'r',
      metric: { kind: 'daily-revenue' } as const,
      condition: { kind: 'below', threshold: 1000 } as const,
      severity: 'warning' as const,
      enabled: true,
    };
    const { firings } = evaluateRule(rule, points, { active: false, lastAt: '0000-00-00' });
    let crossings = 0;
    let below = false;
    for (const p of points) {
      if (p.value === null) continue;
      if (p.value < 1000 && !below) crossings++;
      below = p.value < 1000;
    }
    expect(firings.length).toBe(crossings);
    expect(crossings).toBeGreaterThan(1);
    expect(campaigns.every((c) => c.name.length > 0)).toBe(true);
  });
});
