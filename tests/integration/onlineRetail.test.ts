// The real retailer's export (UCI Online Retail, ../shared/data/online-retail: 541,909 invoice lines,
// cancellations, wholesalers, rows without a customer) through Lantern's own import, netting, features and
// models in Node: the figures in the data README to the cent; customer 16446, who bought 80,995 units and
// cancelled them the same day, is no VIP; every customer's model spend equals their net spend replayed
// independently; churn risk that means something (levels, ranking, calibration, degenerate fits said); the
// same export added again adds nothing.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictCustomers, type PredictionResult } from '../../src/analytics/predictions/predictCustomers';
import { DEFAULT_PREDICTION_SETTINGS } from '../../src/analytics/predictions/predictionSettings';
import { computeCustomerFeatures } from '../../src/data/features/computeCustomerFeatures';
import { TRANSACTION_DAYS_TABLE } from '../../src/data/predictions/predictionInputsSql';
import { writePredictionTables } from '../../src/data/predictions/predictionTables';
import { readPredictionInput } from '../../src/data/predictions/readPredictionInput';
import type { SqlRow, SqlStore } from '../../src/data/sql';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { replayStoredPurchases } from '../support/netLinesReference';
import { suiteDuckDb } from '../support/nodeDuckDb';

const PARQUET = path.resolve(import.meta.dirname, '../../../shared/data/online-retail/online_retail.parquet');
const LAST_DAY = '2011-12-09';
const db = suiteDuckDb();
let result: PredictionResult;

const one = async <T extends SqlRow>(sql: string) => (await db.query<T>(sql))[0] as T;

beforeAll(async () => {
  const [report] = await importWithProposal(db, [fileFrom(PARQUET)], undefined, undefined, 'app');
  expect(report).toMatchObject({ rowsRead: 541_909, accepted: 406_829, rejected: 135_080 });
  await computeCustomerFeatures(db);
  const input = await readPredictionInput(db, DEFAULT_PREDICTION_SETTINGS, LAST_DAY);
  result = predictCustomers(input);
  await writePredictionTables(db, result, input.current);
}, 300_000);

describe('Online Retail imported', () => {
  it('has the data README’s figures: rows, cancellations, customers and net revenue to the cent', async () => {
    const figures = await one<{ rows: number; cancellations: number; customers: number; revenue: number }>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE starts_with(order_id, 'C')) AS cancellations,
         count(DISTINCT customer_id) AS customers, round(sum(amount), 2) AS revenue FROM purchases`,
    );
    expect(figures).toEqual({ rows: 406_829, cancellations: 8_905, customers: 4_372, revenue: 8_300_065.81 });
  });
});

describe('cancellations cancel on Online Retail', () => {
  it('customer 16446: 80,995 units bought and cancelled the same day are no purchase, and no VIP', async () => {
    const features = await one<{ frequency: number; monetary_total: number; recency_days: number }>(
      `SELECT frequency, monetary_total, recency_days FROM customer_features WHERE customer_id = '16446'`,
    );
    // Left: one order of 18 May 2011 (1.65 + 1.25), 205 days before the last purchase day.
    expect(features).toEqual({ frequency: 1, monetary_total: 2.9, recency_days: 205 });
    const prediction = await one<{ repeat_purchases: number; ltv_tier: string; lifetime_value: number; rank: number }>(
      `SELECT repeat_purchases, ltv_tier, lifetime_value, rank FROM (
         SELECT *, rank() OVER (ORDER BY lifetime_value DESC) AS rank FROM customer_predictions
       ) WHERE customer_id = '16446'`,
    );
    expect(prediction.repeat_purchases).toBe(0);
    expect(prediction.ltv_tier).not.toBe('High');
    expect(Number(prediction.rank)).toBeGreaterThan(1000);
  });

  it('every customer’s model spend and purchase days equal their net lines replayed independently', async () => {
    const lines = await replayStoredPurchases(db);
    // A purchase day is a day with a line left after cancellations; its spend is the day's net amounts.
    const days = new Map<string, { spend: number; bought: boolean }>();
    lines.forEach((l) => {
      const key = `${l.customer_id}|${l.at.slice(0, 10)}`;
      const day = days.get(key) ?? { spend: 0, bought: false };
      day.spend += l.net;
      day.bought ||= l.bought;
      days.set(key, day);
    });
    const expected = new Map<string, { days: number; spend: number }>();
    for (const [key, day] of days) {
      if (!day.bought) continue;
      const customer = key.split('|')[0] ?? '';
      const total = expected.get(customer) ?? { days: 0, spend: 0 };
      total.days += 1;
      total.spend += day.spend;
      expected.set(customer, total);
    }
    const model = await db.query<{ customer_id: string; days: number; spend: number }>(
      `SELECT customer_id, count(*) AS days, sum(value) AS spend FROM ${TRANSACTION_DAYS_TABLE} GROUP BY 1`,
    );
    expect(model.length).toBe(expected.size);
    let worst = 0;
    for (const row of model) {
      const want = expected.get(row.customer_id);
      expect(Number(row.days)).toBe(want?.days);
      worst = Math.max(worst, Math.abs(Number(row.spend) - (want?.spend ?? NaN)));
    }
    expect(worst).toBeLessThan(1e-6);
    // 4,372 customers, of whom those whose every purchase was cancelled have no transaction.
    expect(4_372 - expected.size).toBeGreaterThan(0);
  });
});

describe('churn risk on Online Retail (default holdout: the last third)', () => {
  it('says plainly that every model finds almost no drop-out, and calls none of those fits converged', () => {
    const v = result.validation;
    expect(v?.models.map((m) => m.kind)).toEqual(['bg-nbd', 'mbg-nbd', 'pareto-nbd']);
    for (const m of v?.models ?? []) {
      expect(m.calibrationFit.degenerate.join(' ')).toMatch(/almost nothing|edge of its range/);
      if (m.calibrationFit.degenerate.some((d) => /edge of its range/.test(d))) {
        expect(m.calibrationFit.converged).toBe(false);
      }
    }
    expect(result.selection.reason).toMatch(/No model gave a sound fit/);
    expect(result.model.degenerate.length).toBeGreaterThan(0);
  });

  it('has customers at every risk level, and the realised no-purchase rates rise from Low to High', () => {
    expect(result.riskCounts.every((n) => n > 0)).toBe(true);
    const levels = result.validation?.riskLevels ?? [];
    expect(levels.map((l) => l.level)).toEqual(['Low', 'Medium', 'High']);
    expect(levels.every((l) => l.customers > 0)).toBe(true);
    const rates = levels.map((l) => l.noPurchaseRate);
    expect(rates[0]).toBeLessThan(rates[1] ?? 0);
    expect(rates[1]).toBeLessThan(rates[2] ?? 0);
  });

  it('ranks who will not buy within 0.02 of the logistic baseline’s AUC', () => {
    const churn = result.validation?.churn;
    expect(churn?.logisticAuc).not.toBeNull();
    expect(churn?.modelAuc ?? 0).toBeGreaterThanOrEqual((churn?.logisticAuc ?? 1) - 0.02);
  });

  it('is calibrated per decile within 11 points, and says the holdout bought faster than the calibration pace', () => {
    const v = result.validation;
    // The holdout (10 Aug – 9 Dec 2011) is the Christmas trade: customers bought about a fifth more than
    // their pace before, which no model fitted on the months before can know; predicted no-purchase rates
    // run high by 2–11 points per decile.
    for (const d of v?.riskDeciles ?? []) expect(Math.abs(d.meanScore - d.eventRate)).toBeLessThan(0.11);
    expect(v?.paceNote).toMatch(/more repeat purchases than .* expected .*seasonal peak/);
  });

  it('with a calibration end before the Christmas trade (1 July 2011), every decile is within 10 points', async () => {
    const input = await readPredictionInput(
      db,
      { ...DEFAULT_PREDICTION_SETTINGS, calibrationEnd: '2011-07-01' },
      LAST_DAY,
    );
    const early = predictCustomers(input).validation;
    for (const d of early?.riskDeciles ?? []) expect(Math.abs(d.meanScore - d.eventRate)).toBeLessThan(0.1);
    expect(early?.churn.modelAuc ?? 0).toBeGreaterThanOrEqual((early?.churn.logisticAuc ?? 1) - 0.02);
  }, 120_000);
});

/** The connection, timing the statement that marks rows already in the table. */
function timingMarks(): { conn: SqlStore; markMs: () => number } {
  let ms = 0;
  const conn: SqlStore = {
    ...db,
    async query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]> {
      const started = performance.now();
      const rows = await db.query<T>(sql);
      if (sql.includes('SET already_present = true')) ms += performance.now() - started;
      return rows;
    },
  };
  return { conn, markMs: () => ms };
}

describe('Online Retail added twice', () => {
  it(
    'adds nothing the second time: every row with a customer is already in the table',
    { timeout: 300_000 },
    async () => {
      const timed = timingMarks();
      const [second] = await importWithProposal(
        timed.conn,
        [fileFrom(PARQUET)],
        () => ({ mode: 'append' }),
        undefined,
        'app',
      );
      expect(second).toMatchObject({ rowsRead: 541_909, accepted: 0, rejected: 135_080, alreadyPresent: 406_829 });
      const twice = await one<{ rows: number; revenue: number }>(
        'SELECT count(*) AS rows, round(sum(amount), 2) AS revenue FROM purchases',
      );
      expect(twice).toEqual({ rows: 406_829, revenue: 8_300_065.81 });
      console.info(
        `Online Retail appended again: finding the rows already present took ${timed.markMs().toFixed(0)} ms`,
      );
    },
  );
});
