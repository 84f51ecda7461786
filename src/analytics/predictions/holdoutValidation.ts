// Validation on a holdout period (FHL 2005, section 5), for the model the holdout chose: cumulative
// repeat purchases over time, the churn risk levels a marketer acts on against what then happened,
// the model's ranking of "no purchase in the holdout" beside a supervised logistic baseline, and
// next-category accuracy beside a "most frequent category" baseline. The per-model figures (buckets,
// errors, AUC, calibration) come from compareModels.ts.

import { featureImportance, fitLogisticRegression, predictProbability } from '../churn/logisticRegression';
import { areaUnderRoc, riskDeciles } from '../churn/auc';
import { BUYING_MODEL_INFO, expectedPurchasesOfNewCustomer, probabilityNoPurchaseWithin } from '../clv/buyingModels';
import type { BuyingModelFit } from '../clv/fitBuyingModel';
import {
  fitCategoryModel,
  mostFrequentCategoryBaseline,
  predictNextCategory,
  topKAccuracy,
} from '../nextPurchase/nextCategory';
import type { FrequencyBucket, ModelHoldoutCheck } from './compareModels';
import type { CustomerSummaryColumns, ValidationInput } from './predictionInput';
import { RISK_LEVELS, riskLevelCode, type PredictionSettings, type RiskLevel } from './predictionSettings';
import type { BuyingModelKind } from '../clv/buyingModels';
import type { RiskGroup } from '../churn/auc';

export type { FrequencyBucket } from './compareModels';

export interface TrackingPoint {
  /** Days since the data's first day. */
  offsetDays: number;
  actual: number;
  predicted: number;
}

export interface ChurnBaseline {
  /** AUC for "no purchase in the holdout" of the chosen model's P(no purchase in the holdout). */
  modelAuc: number;
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

/** A churn risk level as set at the calibration end, and what its customers then did in the next days. */
export interface RiskLevelCheck {
  level: RiskLevel;
  customers: number;
  /** Of them, those with a repeat purchase in the calibration period. */
  repeatCustomers: number;
  /** Mean predicted chance of no purchase in the next `riskHorizonDays`. */
  meanChurnProbability: number;
  /** Share that indeed bought nothing in those days. */
  noPurchaseRate: number;
}

export interface HoldoutValidation {
  calibrationEnd: string;
  holdoutDays: number;
  customers: number;
  /** Every model fitted on the calibration period and judged on the holdout. */
  models: ModelHoldoutCheck[];
  /** The model the rest of this validation (and the predictions) use. */
  chosen: BuyingModelKind;
  calibrationFit: BuyingModelFit;
  /** The chosen model's figures, as in `models`. */
  buckets: FrequencyBucket[];
  totals: { actual: number; predicted: number };
  deciles: RiskGroup[];
  tracking: TrackingPoint[];
  calibrationEndOffsetDays: number;
  /** Days the risk levels were checked over: the churn horizon, or the holdout when it is shorter. */
  riskHorizonDays: number;
  riskLevels: RiskLevelCheck[];
  /** Per decile of the churn risk at the calibration end: its mean against the share that bought nothing in those days. */
  riskDeciles: RiskGroup[];
  churn: ChurnBaseline;
  category: CategoryAccuracy | null;
  /** When the holdout's pace of buying differed much from the calibration period's: what it means, in plain words. */
  paceNote: string | null;
}

/** Holdout purchases this far above or below the prediction are called out: beyond the models' steady-pace assumption. */
const PACE_TOLERANCE = 0.15;

/** A sentence when customers bought much more or less in the holdout than the model expected from their pace. */
export function paceNote(totals: { actual: number; predicted: number }, modelName: string): string | null {
  if (!(totals.predicted > 0)) return null;
  const change = totals.actual / totals.predicted - 1;
  const percent = `${Math.round(Math.abs(change) * 100)} %`;
  if (change > PACE_TOLERANCE) {
    return `In the holdout customers made ${percent} more repeat purchases than ${modelName} expected from their pace in the calibration period: a seasonal peak or growth the models cannot foresee (they take each customer's pace as steady). Its chances of no purchase run high there, so read the risk levels as cautious.`;
  }
  if (change < -PACE_TOLERANCE) {
    return `In the holdout customers made ${percent} fewer repeat purchases than ${modelName} expected from their pace in the calibration period: a seasonal low or a slowdown the models cannot foresee. Its chances of no purchase run low there: customers may be slipping away faster than the risk levels say.`;
  }
  return null;
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

/** 1 for a customer with no purchase in the holdout, 0 otherwise. */
export const noHoldoutPurchase = (s: CustomerSummaryColumns) =>
  Uint8Array.from(s.holdout_transactions, (h) => (h > 0 ? 0 : 1));

function churnBaseline(v: ValidationInput, unitDays: number, modelAuc: number): ChurnBaseline {
  const test = v.calibration;
  const base: ChurnBaseline = {
    modelAuc,
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
      logisticAuc: areaUnderRoc(scores, noHoldoutPurchase(test)),
      importance: featureImportance(model, LOGISTIC_FEATURES),
      logisticNote: model.converged
        ? null
        : `The logistic fit stopped after ${model.iterations} iterations without converging.`,
    };
  } catch (error) {
    return { ...base, logisticNote: `No logistic baseline: ${(error as Error).message}` };
  }
}

function trackingCurve(v: ValidationInput, fit: BuyingModelFit, unitDays: number): TrackingPoint[] {
  const days = Math.max(0, Math.round(v.analysisOffsetDays));
  // Customers grouped by the day they first bought: each group's expected repeats depend only on its age.
  const newcomers = new Float64Array(days + 1);
  for (const s of v.calibration.first_offset_days) if (s >= 0 && s <= days) newcomers[s] = (newcomers[s] ?? 0) + 1;
  const expectedByAge = Float64Array.from({ length: days + 1 }, (_, age) =>
    expectedPurchasesOfNewCustomer(fit.model, age / unitDays),
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

/**
 * The risk levels as Lantern would have set them at the calibration end (the chance of no purchase in
 * the next `horizonDays`), and the share of each level that indeed bought nothing in those days.
 */
function riskLevelCheck(
  v: ValidationInput,
  fit: BuyingModelFit,
  settings: Pick<PredictionSettings, 'riskThresholds' | 'horizonDays'>,
  unitDays: number,
): { riskHorizonDays: number; riskLevels: RiskLevelCheck[]; riskDeciles: RiskGroup[] } {
  const cal = v.calibration;
  const riskHorizonDays = Math.min(settings.horizonDays, v.holdoutDays);
  const riskLevels: RiskLevelCheck[] = RISK_LEVELS.map((level) => ({
    level,
    customers: 0,
    repeatCustomers: 0,
    meanChurnProbability: 0,
    noPurchaseRate: 0,
  }));
  const n = cal.x.length;
  const scores = new Float64Array(n);
  const outcomes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = cal.x[i] ?? 0;
    const churn = probabilityNoPurchaseWithin(fit.model, riskHorizonDays / unitDays, x, cal.tx[i] ?? 0, cal.T[i] ?? 0);
    const noPurchase = (cal.horizon_transactions[i] ?? 0) > 0 ? 0 : 1;
    scores[i] = churn;
    outcomes[i] = noPurchase;
    const check = riskLevels[riskLevelCode(churn, settings.riskThresholds)] as RiskLevelCheck;
    check.customers++;
    if (x > 0) check.repeatCustomers++;
    check.meanChurnProbability += churn;
    check.noPurchaseRate += noPurchase;
  }
  for (const check of riskLevels) {
    check.meanChurnProbability = check.customers ? check.meanChurnProbability / check.customers : NaN;
    check.noPurchaseRate = check.customers ? check.noPurchaseRate / check.customers : NaN;
  }
  return { riskHorizonDays, riskLevels, riskDeciles: riskDeciles(scores, outcomes) };
}

function categoryAccuracy(v: ValidationInput, categoryCount: number): CategoryAccuracy | null {
  if (!v.calibrationSequences || !v.holdoutFirstCategory || categoryCount === 0) return null;
  const model = fitCategoryModel(v.calibrationSequences, categoryCount);
  const predicted = predictNextCategory(model, v.calibrationSequences);
  const baseline = mostFrequentCategoryBaseline(v.calibrationSequences, categoryCount);
  const m = topKAccuracy(predicted.top3, v.holdoutFirstCategory);
  const b = topKAccuracy(baseline.top3, v.holdoutFirstCategory);
  return m.customers > 0
    ? { customers: m.customers, model: { top1: m.top1, top3: m.top3 }, baseline: { top1: b.top1, top3: b.top3 } }
    : null;
}

/** The holdout validation of the chosen model, with every model's figures beside it. */
export function validateOnHoldout(
  v: ValidationInput,
  models: ModelHoldoutCheck[],
  chosen: BuyingModelKind,
  settings: Pick<PredictionSettings, 'riskThresholds' | 'horizonDays'>,
  categoryCount: number,
  unitDays: number,
): HoldoutValidation {
  const check = models.find((m) => m.kind === chosen);
  if (!check) throw new Error(`No holdout check for ${chosen}.`);
  const fit = check.calibrationFit;
  return {
    calibrationEnd: v.calibrationEnd,
    holdoutDays: v.holdoutDays,
    customers: v.calibration.x.length,
    models,
    chosen,
    calibrationFit: fit,
    buckets: check.buckets,
    totals: check.totals,
    deciles: check.deciles,
    tracking: trackingCurve(v, fit, unitDays),
    calibrationEndOffsetDays: v.calibrationEndOffsetDays,
    ...riskLevelCheck(v, fit, settings, unitDays),
    churn: churnBaseline(v, unitDays, check.noPurchaseAuc),
    category: categoryAccuracy(v, categoryCount),
    paceNote: paceNote(check.totals, BUYING_MODEL_INFO[chosen].name),
  };
}
