// Validation on a holdout period (FHL 2005, section 5): fit on the calibration period, predict what
// happened after it, and compare with what did: repeat purchases per calibration-frequency bucket,
// cumulative repeat purchases over time, no-purchase rate by risk decile with AUC beside a supervised
// logistic baseline, and next-category accuracy beside a "most frequent category" baseline.

import { areaUnderRoc, riskDeciles } from '../churn/auc';
import { featureImportance, fitLogisticRegression, predictProbability } from '../churn/logisticRegression';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  probabilityPurchaseWithin,
  type BgNbdFit,
} from '../clv/bgNbd';
import {
  fitCategoryModel,
  mostFrequentCategoryBaseline,
  predictNextCategory,
  topKAccuracy,
} from '../nextPurchase/nextCategory';
import {
  checkSummaryFits,
  PredictionInputError,
  type CustomerSummaryColumns,
  type ValidationInput,
} from './predictionInput';
import { RISK_LEVELS, riskLevelCode, type PredictionSettings, type RiskLevel } from './predictionSettings';

export const FREQUENCY_BUCKETS = 8;

export interface FrequencyBucket {
  /** Calibration repeat purchases; the last bucket is "7 or more". */
  x: number;
  customers: number;
  actual: number;
  predicted: number;
}

export interface TrackingPoint {
  /** Days since the data's first day. */
  offsetDays: number;
  actual: number;
  predicted: number;
}

export interface ChurnBaseline {
  /** AUC for "no purchase in the holdout" of BG/NBD's P(no purchase in the holdout). */
  bgNbdAuc: number;
  /** AUC of the churn probability 1 − P(alive) itself (one-time buyers all score 0: BG/NBD counts them alive). */
  churnProbabilityAuc: number;
  logisticAuc: number | null;
  logisticNote: string | null;
  importance: { feature: string; coefficient: number; share: number; direction: string }[];
  trainingCustomers: number;
  testCustomers: number;
}

export interface CategoryAccuracy {
  customers: number;
  model: { top1: number; top3: number };
  baseline: { top1: number; top3: number };
}

/** How the churn risk levels users act on fared: customers per level at the calibration end and the share that did not buy in the holdout. */
export interface RiskLevelCheck {
  level: RiskLevel;
  customers: number;
  /** Of them, those with a repeat purchase in the calibration period (one-time buyers are always Low: P(alive) = 1). */
  repeatCustomers: number;
  meanChurnProbability: number;
  noPurchaseRate: number;
}

export interface HoldoutValidation {
  calibrationEnd: string;
  holdoutDays: number;
  calibrationFit: BgNbdFit;
  customers: number;
  buckets: FrequencyBucket[];
  tracking: TrackingPoint[];
  calibrationEndOffsetDays: number;
  totals: { actual: number; predicted: number };
  /** By BG/NBD's P(no purchase in the holdout), lowest first, with the share that indeed did not buy. */
  deciles: { decile: number; customers: number; meanScore: number; eventRate: number }[];
  riskLevels: RiskLevelCheck[];
  churn: ChurnBaseline;
  category: CategoryAccuracy | null;
}

/** The logistic baseline's features: the RFM summary (recency, frequency, spend) plus tenure, in days. */
export const LOGISTIC_FEATURES = [
  'days since last purchase',
  'purchases (log)',
  'average spend (log)',
  'days since first purchase',
];

function logisticFeatures(s: CustomerSummaryColumns, unitDays: number): Float64Array[] {
  const n = s.x.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const spend = new Float64Array(n);
  const tenure = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = s.recency_days[i] ?? 0;
    frequency[i] = Math.log1p((s.x[i] ?? 0) + 1);
    // log1p of a net-negative mean is undefined: such a customer counts as spending nothing.
    spend[i] = Math.log1p(Math.max(0, s.mean_spend[i] ?? 0));
    tenure[i] = (s.T[i] ?? 0) * unitDays;
  }
  return [recency, frequency, spend, tenure];
}

const noHoldoutPurchase = (s: CustomerSummaryColumns) =>
  Uint8Array.from(s.holdout_transactions, (h) => (h > 0 ? 0 : 1));

function churnBaseline(
  v: ValidationInput,
  unitDays: number,
  noPurchaseScore: Float64Array,
  churnScore: Float64Array,
): ChurnBaseline {
  const test = v.calibration;
  const label = noHoldoutPurchase(test);
  const base: ChurnBaseline = {
    bgNbdAuc: areaUnderRoc(noPurchaseScore, label),
    churnProbabilityAuc: areaUnderRoc(churnScore, label),
    logisticAuc: null,
    logisticNote: null,
    importance: [],
    trainingCustomers: v.training?.x.length ?? 0,
    testCustomers: test.x.length,
  };
  if (!v.training)
    return {
      ...base,
      logisticNote:
        'The calibration period is shorter than the holdout, so there is no earlier window to train the baseline on.',
    };
  try {
    const model = fitLogisticRegression(logisticFeatures(v.training, unitDays), noHoldoutPurchase(v.training));
    const scores = predictProbability(model, logisticFeatures(test, unitDays));
    return {
      ...base,
      logisticAuc: areaUnderRoc(scores, label),
      importance: featureImportance(model, LOGISTIC_FEATURES),
      logisticNote: model.converged
        ? null
        : `The logistic fit stopped after ${model.iterations} iterations without converging.`,
    };
  } catch (error) {
    return { ...base, logisticNote: `No logistic baseline: ${(error as Error).message}` };
  }
}

function trackingCurve(v: ValidationInput, fit: BgNbdFit, unitDays: number): TrackingPoint[] {
  const days = Math.max(0, Math.round(v.analysisOffsetDays));
  // Customers grouped by the day they first bought: each group's expected repeats depend only on its age.
  const newcomers = new Float64Array(days + 1);
  for (const s of v.calibration.first_offset_days) if (s >= 0 && s <= days) newcomers[s] = (newcomers[s] ?? 0) + 1;
  const expectedByAge = Float64Array.from({ length: days + 1 }, (_, age) =>
    expectedPurchases(fit.parameters, age / unitDays),
  );
  const actualByDay = new Float64Array(days + 1);
  v.cohortRepeats.offset_days.forEach((d, i) => {
    if (d >= 0 && d <= days) actualByDay[d] = (actualByDay[d] ?? 0) + (v.cohortRepeats.repeats[i] ?? 0);
  });
  const points: TrackingPoint[] = [];
  let actual = 0;
  // A point a week keeps the chart light; the last day is always included.
  const step = days > 120 ? 7 : 1;
  for (let t = 0; t <= days; t++) {
    actual += actualByDay[t] ?? 0;
    if (t % step !== 0 && t !== days) continue;
    let predicted = 0;
    for (let s = 0; s <= t; s++) {
      const n = newcomers[s] ?? 0;
      if (n > 0) predicted += n * (expectedByAge[t - s] ?? 0);
    }
    points.push({ offsetDays: t, actual, predicted });
  }
  return points;
}

/** Fits BG/NBD on the calibration period and compares its holdout predictions with what happened. */
export function validateOnHoldout(
  v: ValidationInput,
  riskThresholds: PredictionSettings['riskThresholds'],
  categoryCount: number,
  unitDays: number,
  unitName: string,
  maxIterations?: number,
): HoldoutValidation {
  const cal = v.calibration;
  checkSummaryFits(cal, `The calibration period (to ${v.calibrationEnd})`, unitName);
  const fit = fitBgNbd(cal, maxIterations === undefined ? undefined : { maxIterations });
  if (!fit.converged)
    throw new PredictionInputError(`The calibration fit did not converge after ${fit.iterations} iterations.`);
  const p = fit.parameters;
  const horizon = v.holdoutDays / unitDays;
  const n = cal.x.length;
  const buckets: FrequencyBucket[] = Array.from({ length: FREQUENCY_BUCKETS }, (_, x) => ({
    x,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  const churnScore = new Float64Array(n);
  const noPurchaseScore = new Float64Array(n);
  const totals = { actual: 0, predicted: 0 };
  for (let i = 0; i < n; i++) {
    const x = cal.x[i] ?? 0;
    const predicted = conditionalExpectedPurchases(p, horizon, x, cal.tx[i] ?? 0, cal.T[i] ?? 0);
    const actual = cal.holdout_transactions[i] ?? 0;
    const bucket = buckets[Math.min(x, FREQUENCY_BUCKETS - 1)] as FrequencyBucket;
    bucket.customers++;
    bucket.actual += actual;
    bucket.predicted += predicted;
    totals.actual += actual;
    totals.predicted += predicted;
    churnScore[i] = 1 - probabilityAlive(p, x, cal.tx[i] ?? 0, cal.T[i] ?? 0);
    noPurchaseScore[i] = 1 - probabilityPurchaseWithin(p, horizon, x, cal.tx[i] ?? 0, cal.T[i] ?? 0);
  }
  const noPurchase = noHoldoutPurchase(cal);
  const riskLevels: RiskLevelCheck[] = RISK_LEVELS.map((level) => ({
    level,
    customers: 0,
    repeatCustomers: 0,
    meanChurnProbability: 0,
    noPurchaseRate: 0,
  }));
  churnScore.forEach((churn, i) => {
    const check = riskLevels[riskLevelCode(churn, riskThresholds)] as RiskLevelCheck;
    check.customers++;
    if ((cal.x[i] ?? 0) > 0) check.repeatCustomers++;
    check.meanChurnProbability += churn;
    check.noPurchaseRate += noPurchase[i] ?? 0;
  });
  for (const check of riskLevels) {
    check.meanChurnProbability = check.customers ? check.meanChurnProbability / check.customers : NaN;
    check.noPurchaseRate = check.customers ? check.noPurchaseRate / check.customers : NaN;
  }
  for (const b of buckets) {
    if (b.customers === 0) continue;
    b.actual /= b.customers;
    b.predicted /= b.customers;
  }
  let category: CategoryAccuracy | null = null;
  if (v.calibrationSequences && v.holdoutFirstCategory && categoryCount > 0) {
    const model = fitCategoryModel(v.calibrationSequences, categoryCount);
    const predicted = predictNextCategory(model, v.calibrationSequences);
    const baseline = mostFrequentCategoryBaseline(v.calibrationSequences, categoryCount);
    const m = topKAccuracy(predicted.top3, v.holdoutFirstCategory);
    const b = topKAccuracy(baseline.top3, v.holdoutFirstCategory);
    if (m.customers > 0)
      category = {
        customers: m.customers,
        model: { top1: m.top1, top3: m.top3 },
        baseline: { top1: b.top1, top3: b.top3 },
      };
  }
  return {
    calibrationEnd: v.calibrationEnd,
    holdoutDays: v.holdoutDays,
    calibrationFit: fit,
    customers: n,
    buckets,
    tracking: trackingCurve(v, fit, unitDays),
    calibrationEndOffsetDays: v.calibrationEndOffsetDays,
    totals,
    // Deciles of the model's risk of no purchase in the holdout: 1 − P(alive) alone ties every one-time buyer at 0.
    deciles: riskDeciles(noPurchaseScore, noPurchase),
    riskLevels,
    churn: churnBaseline(v, unitDays, noPurchaseScore, churnScore),
    category,
  };
}
