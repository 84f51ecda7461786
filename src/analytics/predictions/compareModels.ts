// The model is chosen on the holdout, not assumed: BG/NBD, MBG/NBD and Pareto/NBD are each fitted on
// the calibration period and asked to predict the holdout, then judged on what happened: each
// customer's holdout purchases, the mean per calibration-frequency group, and the chance of no purchase
// (how well it ranks customers, AUC, and how close it is per decile, calibration). A degenerate fit
// is set aside; the best of the rest is used unless the user picks another.

import { areaUnderRoc, riskDeciles, type RiskGroup } from '../churn/auc';
import {
  BUYING_MODEL_INFO,
  BUYING_MODEL_KINDS,
  conditionalExpectedPurchases,
  probabilityNoPurchaseWithin,
  type BuyingModelKind,
} from '../clv/buyingModels';
import { fitBuyingModelGrouped, type BuyingModelFit, type FitOptions } from '../clv/fitBuyingModel';
import { groupSummary } from '../clv/repeatSummary';
import type { ValidationInput } from './predictionInput';

export const FREQUENCY_BUCKETS = 8;

export interface FrequencyBucket {
  /** Calibration repeat purchases; the last bucket is "7 or more". */
  x: number;
  customers: number;
  actual: number;
  predicted: number;
}

/** One model fitted on the calibration period and judged on the holdout. */
export interface ModelHoldoutCheck {
  kind: BuyingModelKind;
  calibrationFit: BuyingModelFit;
  buckets: FrequencyBucket[];
  totals: { actual: number; predicted: number };
  /** Mean over customers of |holdout purchases − predicted|. */
  meanAbsoluteError: number;
  /** Mean over customers of |bucket's actual mean − its predicted mean|: the error by frequency group. */
  bucketError: number;
  /** AUC of P(no purchase in the holdout) for "bought nothing in the holdout". */
  noPurchaseAuc: number;
  /** Per decile of that probability: mean predicted against the share that bought nothing. */
  deciles: RiskGroup[];
  /** Mean over deciles of |predicted − realised| no-purchase rate, and the largest gap. */
  calibrationError: number;
  maxCalibrationGap: number;
  /**
   * The same for the churn risk as Lantern shows it: the chance of no purchase in the next `riskHorizonDays`
   * (the churn horizon, or the holdout when shorter) against who bought nothing in those days.
   */
  riskCalibrationError: number;
  maxRiskCalibrationGap: number;
}

/** Fits `kind` on the calibration summary and compares its holdout forecasts with what happened. */
/** Mean and largest |predicted − realised| over the deciles of a score. */
function calibrationGaps(deciles: RiskGroup[]): { mean: number; max: number } {
  const gaps = deciles.map((d) => Math.abs(d.meanScore - d.eventRate));
  return { mean: gaps.reduce((s, g) => s + g, 0) / Math.max(gaps.length, 1), max: Math.max(0, ...gaps) };
}

function checkModel(
  kind: BuyingModelKind,
  v: ValidationInput,
  grouped: ReturnType<typeof groupSummary>,
  unitDays: number,
  riskHorizonDays: number,
  options: FitOptions,
): ModelHoldoutCheck {
  const cal = v.calibration;
  const fit = fitBuyingModelGrouped(kind, grouped, options);
  const horizon = v.holdoutDays / unitDays;
  const riskHorizon = Math.min(riskHorizonDays, v.holdoutDays) / unitDays;
  const n = cal.x.length;
  const buckets: FrequencyBucket[] = Array.from({ length: FREQUENCY_BUCKETS }, (_, x) => ({
    x,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  const noPurchaseScore = new Float64Array(n);
  const noPurchase = new Uint8Array(n);
  const riskScore = new Float64Array(n);
  const riskOutcome = new Uint8Array(n);
  const totals = { actual: 0, predicted: 0 };
  let absoluteError = 0;
  for (let i = 0; i < n; i++) {
    const x = cal.x[i] ?? 0;
    const tx = cal.tx[i] ?? 0;
    const T = cal.T[i] ?? 0;
    const predicted = conditionalExpectedPurchases(fit.model, horizon, x, tx, T);
    const actual = cal.holdout_transactions[i] ?? 0;
    const bucket = buckets[Math.min(x, FREQUENCY_BUCKETS - 1)] as FrequencyBucket;
    bucket.customers++;
    bucket.actual += actual;
    bucket.predicted += predicted;
    totals.actual += actual;
    totals.predicted += predicted;
    absoluteError += Math.abs(actual - predicted);
    noPurchaseScore[i] = probabilityNoPurchaseWithin(fit.model, horizon, x, tx, T);
    noPurchase[i] = actual > 0 ? 0 : 1;
    riskScore[i] = probabilityNoPurchaseWithin(fit.model, riskHorizon, x, tx, T);
    riskOutcome[i] = (cal.horizon_transactions[i] ?? 0) > 0 ? 0 : 1;
  }
  let bucketError = 0;
  for (const b of buckets) {
    if (b.customers === 0) continue;
    bucketError += Math.abs(b.actual - b.predicted);
    b.actual /= b.customers;
    b.predicted /= b.customers;
  }
  const deciles = riskDeciles(noPurchaseScore, noPurchase);
  const holdoutGaps = calibrationGaps(deciles);
  const riskGaps = calibrationGaps(riskDeciles(riskScore, riskOutcome));
  return {
    kind,
    calibrationFit: fit,
    buckets,
    totals,
    meanAbsoluteError: absoluteError / Math.max(n, 1),
    bucketError: bucketError / Math.max(n, 1),
    noPurchaseAuc: areaUnderRoc(noPurchaseScore, noPurchase),
    deciles,
    calibrationError: holdoutGaps.mean,
    maxCalibrationGap: holdoutGaps.max,
    riskCalibrationError: riskGaps.mean,
    maxRiskCalibrationGap: riskGaps.max,
  };
}

/** Every model fitted on the calibration period and checked on the holdout. */
export function checkModelsOnHoldout(
  v: ValidationInput,
  unitDays: number,
  riskHorizonDays: number,
  options: FitOptions = {},
  onModel: (kind: BuyingModelKind, index: number) => void = () => undefined,
): ModelHoldoutCheck[] {
  const grouped = groupSummary(v.calibration);
  return BUYING_MODEL_KINDS.map((kind, i) => {
    onModel(kind, i);
    return checkModel(kind, v, grouped, unitDays, riskHorizonDays, options);
  });
}

// Errors below these are as good as each other: a ratio to a near-zero best would exaggerate tiny gaps.
const ERROR_FLOORS = { meanAbsoluteError: 0.01, bucketError: 0.01, calibrationError: 0.01, rankingError: 0.01 };

/** The churn calibration a check is judged on: the risk as shown (its horizon), and the holdout's. */
const churnCalibrationError = (c: ModelHoldoutCheck) => (c.riskCalibrationError + c.calibrationError) / 2;

/** The holdout score of each check: the sum of its errors each divided by the best model's (lower is better). */
export function holdoutScores(checks: readonly ModelHoldoutCheck[]): number[] {
  const errors = checks.map((c) => ({
    meanAbsoluteError: Math.max(c.meanAbsoluteError, ERROR_FLOORS.meanAbsoluteError),
    bucketError: Math.max(c.bucketError, ERROR_FLOORS.bucketError),
    calibrationError: Math.max(churnCalibrationError(c), ERROR_FLOORS.calibrationError),
    rankingError: Math.max(1 - (Number.isFinite(c.noPurchaseAuc) ? c.noPurchaseAuc : 0.5), ERROR_FLOORS.rankingError),
  }));
  const keys = Object.keys(ERROR_FLOORS) as (keyof typeof ERROR_FLOORS)[];
  const best = Object.fromEntries(keys.map((k) => [k, Math.min(...errors.map((e) => e[k]))])) as Record<
    keyof typeof ERROR_FLOORS,
    number
  >;
  return errors.map((e) => keys.reduce((sum, k) => sum + e[k] / best[k], 0) / keys.length);
}

/** The models best first by holdout score, degenerate calibration fits last. */
export function rankOnHoldout(checks: readonly ModelHoldoutCheck[]): BuyingModelKind[] {
  const scores = holdoutScores(checks);
  const order = checks.map((c, i) => ({
    kind: c.kind,
    score: scores[i] ?? Infinity,
    sound: isSound(c.calibrationFit),
  }));
  order.sort((p, q) => Number(q.sound) - Number(p.sound) || p.score - q.score);
  return order.map((o) => o.kind);
}

/** A fit the predictions can rest on: converged and not degenerate. */
export const isSound = (fit: BuyingModelFit) => fit.converged && fit.degenerate.length === 0;

/** The models best first by log-likelihood (all have four parameters), for data with no holdout. */
export function rankOnLikelihood(fits: readonly BuyingModelFit[]): BuyingModelKind[] {
  return [...fits]
    .sort((p, q) => Number(isSound(q)) - Number(isSound(p)) || q.logLikelihood - p.logLikelihood)
    .map((f) => f.model.kind);
}

/** One sentence on why the holdout ranked `chosen` first. */
export function holdoutReason(checks: readonly ModelHoldoutCheck[], chosen: BuyingModelKind): string {
  const c = checks.find((m) => m.kind === chosen);
  if (!c) return '';
  const name = (k: BuyingModelKind) => BUYING_MODEL_INFO[k].name;
  const points = (v: number) => `${(v * 100).toFixed(1)} points`;
  const figures = (m: ModelHoldoutCheck) =>
    `${m.meanAbsoluteError.toFixed(3)}, ${points(churnCalibrationError(m))}, AUC ${m.noPurchaseAuc.toFixed(3)}`;
  const against = checks
    .filter((m) => m.kind !== chosen)
    .map((m) => `${name(m.kind)} ${figures(m)}`)
    .join('; ');
  return `${name(chosen)} predicted the holdout best overall: mean error per customer ${c.meanAbsoluteError.toFixed(3)} purchases, chance of no purchase off by ${points(churnCalibrationError(c))} per decile on average, AUC ${c.noPurchaseAuc.toFixed(3)} (${against}).`;
}
