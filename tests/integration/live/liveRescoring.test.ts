// Live rescoring on the demo in Node's DuckDB: after live purchases in random batches, some on the fit's
// last day and some on the next days, the prediction tables equal a full scoring of every customer from
// scratch with the same fit as of the new day; only the batch's customers are scored within a day, and
// everyone once the day moves.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveAggregator } from '../../../src/analytics/live/liveAggregator';
import { EventSimulator } from '../../../src/analytics/live/simulateEvents';
import { predictCustomers, type PredictionResult } from '../../../src/analytics/predictions/predictCustomers';
import { DEFAULT_PREDICTION_SETTINGS, UNIT_DAYS } from '../../../src/analytics/predictions/predictionSettings';
import { scoreCustomers } from '../../../src/analytics/predictions/scoreCustomers';
import { mulberry32 } from '../../../src/analytics/random';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import { readFeatureSources } from '../../../src/data/features/computeCustomerFeatures';
import { encodeLiveBatch } from '../../../src/data/ingestion/liveBatchArrow';
import { applyLiveBatch, rebuildCustomerMetrics } from '../../../src/data/live/applyLiveBatch';
import { DROP_TRANSACTION_DAYS_SQL, summaryFromPurchasesSql } from '../../../src/data/predictions/predictionInputsSql';
import { writePredictionTables } from '../../../src/data/predictions/predictionTables';
import { readPredictionInput } from '../../../src/data/predictions/readPredictionInput';
import { rescorePredictions, scoringModel, type Scorer } from '../../../src/data/predictions/rescorePredictions';
import type { PredictionRun } from '../../../src/data/store/workspaceManifest';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

let db: Awaited<ReturnType<typeof openNodeDuckDb>>;
let result: PredictionResult;
let run: PredictionRun;
let lastDay: string;
const settings = { ...DEFAULT_PREDICTION_SETTINGS, unit: 'weeks' as const };
const score: Scorer = (model, summary) => Promise.resolve(scoreCustomers(model, summary));
const DAY_MS = 86_400_000;
const dayAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles({ customers: 1000 }).map((f) => fileFrom(f.name, f.text)),
  );
  await rebuildCustomerMetrics(db);
  const [row] = await db.query<{ d: string }>(
    `SELECT strftime(max(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS d FROM purchases`,
  );
  lastDay = row!.d;
  const input = await readPredictionInput(db, settings, lastDay);
  result = predictCustomers(input);
  await writePredictionTables(db, result, input.current);
  await db.query(DROP_TRANSACTION_DAYS_SQL);
  const { predictions, ...summary } = result;
  void predictions;
  run = {
    ...summary,
    createdAt: 'fit',
    durationMs: 0,
    basedOnImports: [],
    previousFit: null,
    trigger: 'user',
    rescored: null,
  };
}, 180_000);
afterAll(() => db?.close());

type Row = {
  customer_id: string;
  probability_alive: number;
  churn_probability: number;
  expected_purchases: number;
  lifetime_value: number | null;
  risk_level: string;
  next_purchase_date: string | null;
  repeat_purchases: number;
  recency_days: number;
};

const tableRows = () =>
  db.query<Row>(
    `SELECT customer_id, probability_alive, churn_probability, expected_purchases, lifetime_value, risk_level,
       strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date, repeat_purchases, recency_days
     FROM customer_predictions ORDER BY customer_id`,
  );

describe('live rescoring', () => {
  it('equals scoring everyone from scratch with the same fit, whatever the batches', async () => {
    // Customers the fit scored (one whose every purchase was cancelled has no transaction, so no score).
    const customers = (
      await db.query<{ id: string }>('SELECT customer_id AS id FROM customer_predictions ORDER BY 1 LIMIT 400')
    ).map((r) => r.id);
    const simulator = new EventSimulator({ customerIds: customers, campaignIds: [], categories: ['books'], seed: 5 });
    const live = new LiveAggregator();
    const random = mulberry32(11);
    let scoredAsOf = lastDay;
    const outcomes: { everyone: boolean; customers: number; batchCustomers: number }[] = [];
    // three batches on the fit's last day, then four spread over the next two days
    const days = [0, 0, 0, 1, 1, 2, 2];
    for (const offset of days) {
      const at = `${dayAfter(lastDay, offset)}T${String(10 + Math.floor(random() * 12)).padStart(2, '0')}:00:00.000Z`;
      live.push(simulator.next(50 + Math.floor(random() * 200), at));
      const batch = live.drain();
      await applyLiveBatch(db, encodeLiveBatch(batch));
      const batchCustomers = new Set(batch.purchases.customerId).size;
      const asOf = dayAfter(lastDay, offset);
      const outcome = await rescorePredictions(db, run, scoredAsOf, asOf, score);
      expect(outcome).not.toBeNull();
      outcomes.push({ everyone: outcome!.everyone, customers: outcome!.customers, batchCustomers });
      scoredAsOf = asOf;
    }
    // within a day only the batch's customers; the first batch of a new day everyone
    expect(outcomes.map((o) => o.everyone)).toEqual([false, false, false, true, false, true, false]);
    for (const o of outcomes.filter((o) => !o.everyone)) expect(o.customers).toBe(o.batchCustomers);
    for (const o of outcomes.filter((o) => o.everyone)) expect(o.customers).toBe(result.customers);

    // From scratch: every customer's summary as of the last day, scored with the same fit.
    const asOf = dayAfter(lastDay, 2);
    const unitDays = UNIT_DAYS[settings.unit];
    const sql = summaryFromPurchasesSql(asOf, unitDays, await readFeatureSources(db));
    const ids = (await db.query<{ customer_id: string }>(`SELECT customer_id FROM (${sql})`)).map((r) => r.customer_id);
    const columns = await db.queryNumericColumns(sql);
    const expected = scoreCustomers(scoringModel(run), {
      x: columns.x!,
      tx: columns.tx!,
      T: columns.T!,
      mean_repeat_spend: columns.mean_repeat_spend!,
      mean_spend: columns.mean_spend!,
    }).predictions;
    const rows = await tableRows();
    expect(rows.map((r) => r.customer_id)).toEqual(ids);
    const risk = ['Low', 'Medium', 'High'];
    let changed = 0;
    rows.forEach((r, i) => {
      expect(Number(r.probability_alive)).toBeCloseTo(expected.probabilityAlive[i]!, 12);
      expect(Number(r.churn_probability)).toBeCloseTo(expected.churnProbability[i]!, 12);
      expect(Number(r.expected_purchases)).toBeCloseTo(expected.expectedPurchases[i]!, 12);
      if (r.lifetime_value !== null) expect(Number(r.lifetime_value)).toBeCloseTo(expected.lifetimeValue[i]!, 9);
      expect(r.risk_level).toBe(risk[expected.riskLevel[i]!]);
      expect(Number(r.repeat_purchases)).toBe(columns.x![i]);
      expect(Number(r.recency_days)).toBe(columns.recency_days![i]);
      expect(r.next_purchase_date).toBe(
        Number.isFinite(expected.nextPurchaseDays[i]!) && expected.nextPurchaseDays[i]! < 36500
          ? dayAfter(asOf, Math.round(expected.nextPurchaseDays[i]!))
          : null,
      );
      if (Math.abs(Number(r.probability_alive) - result.predictions.probabilityAlive[i]!) > 1e-9) changed++;
    });
    // the live purchases and two more days did change customers' numbers
    expect(changed).toBeGreaterThan(100);
    // the seed's prediction rows follow: four kinds per customer at most, one churn row each
    const [counts] = await db.query<{ churn: number; customers: number }>(
      `SELECT count(*) FILTER (WHERE prediction_type = 'churn') AS churn, count(DISTINCT customer_id) AS customers FROM predictions`,
    );
    expect(Number(counts!.churn)).toBe(ids.length);
    expect(Number(counts!.customers)).toBe(ids.length);
    const [mismatch] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM predictions p JOIN customer_predictions c USING (customer_id)
       WHERE p.prediction_type = 'churn' AND p.probability <> c.churn_probability`,
    );
    expect(Number(mismatch!.n)).toBe(0);
  }, 120_000);

  it('does nothing when no purchase arrived since the last scoring', async () => {
    const [row] = await db.query<{ d: string }>(
      `SELECT strftime(max(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS d FROM purchases`,
    );
    expect(await rescorePredictions(db, run, row!.d, row!.d, score)).toBeNull();
  });
});
