// Scores customers with fitted models: P(alive), expected purchases and purchase probability over the
// horizon, the churn probability (no purchase in the horizon) and its risk level, the next purchase's timing, expected spend and lifetime value. The fit scores
// everyone with it; live events score again only the customers whose purchases changed, with the same
// fitted parameters (no refit), so both give identical numbers for the same summary.

import {
  conditionalExpectedPurchases,
  medianWaitIfAlive,
  probabilityAlive,
  probabilityNoPurchaseWithin,
  type BuyingModel,
} from '../clv/buyingModels';
import { expectedAverageSpend, type GammaGammaParameters } from '../clv/gammaGamma';
import { customerLifetimeValue } from '../clv/lifetimeValue';
import type { CustomerSummaryColumns } from './predictionInput';
import { riskLevelCode, UNIT_DAYS, type PredictionSettings } from './predictionSettings';

/** What scoring needs from a fit (all of it is kept with the stored run). */
export interface ScoringModel {
  buying: BuyingModel;
  gammaGamma: { parameters: GammaGammaParameters; populationMeanSpend: number | null } | null;
  settings: PredictionSettings;
  /** Lifetime-value tier cut-offs; null while fitting (the fit sets them from the scores). */
  ltvThresholds?: { high: number; low: number } | null;
}

/** Per-customer predictions, in the summary's customer order (typed arrays cross to the page by transfer). */
export interface CustomerPredictions {
  probabilityAlive: Float64Array;
  /** P(no transaction in the next `horizonDays`): the churn risk, on one scale for one-time and repeat buyers. */
  churnProbability: Float64Array;
  /** Expected transactions in the next `horizonDays`. */
  expectedPurchases: Float64Array;
  /** P(at least one transaction in the next `horizonDays`). */
  purchaseProbability: Float64Array;
  /** Expected value of one future transaction (Gamma-Gamma). */
  expectedSpend: Float64Array;
  lifetimeValue: Float64Array;
  /** 1/(1 + CV) of the spend estimate: higher with more transactions seen. */
  lifetimeValueConfidence: Float64Array;
  /** Index into RISK_LEVELS. */
  riskLevel: Uint8Array;
  /** Index into LTV_TIERS. */
  ltvTier: Uint8Array;
  /** Days from the analysis date to the expected next purchase (median wait if still a customer). */
  nextPurchaseDays: Float64Array;
  /** P(the next purchase falls between half and one and a half times that wait). */
  nextPurchaseConfidence: Float64Array;
  /** Category code (−1 = none). */
  nextCategory: Int32Array;
  nextCategoryConfidence: Float64Array;
}

export type ScoringSummary = Pick<CustomerSummaryColumns, 'x' | 'tx' | 'T' | 'mean_repeat_spend' | 'mean_spend'>;

/**
 * Expected spend per transaction: Gamma-Gamma's posterior from the repeat purchases; without any, the
 * population mean, or when that is infinite (q ≤ 1) the posterior given the one purchase seen.
 */
function expectedSpend(
  gammaGamma: NonNullable<ScoringModel['gammaGamma']>,
  x: number,
  meanRepeatSpend: number,
  meanSpend: number,
): { spend: number; evidence: number } {
  if (x >= 1 && meanRepeatSpend > 0 && Number.isFinite(meanRepeatSpend)) {
    return { spend: expectedAverageSpend(gammaGamma.parameters, x, meanRepeatSpend), evidence: x };
  }
  if (gammaGamma.populationMeanSpend !== null) return { spend: gammaGamma.populationMeanSpend, evidence: 0 };
  if (meanSpend > 0 && Number.isFinite(meanSpend) && gammaGamma.parameters.p + gammaGamma.parameters.q > 1) {
    return { spend: expectedAverageSpend(gammaGamma.parameters, 1, meanSpend), evidence: 1 };
  }
  return { spend: NaN, evidence: 0 };
}

export interface ScoredCustomers {
  predictions: CustomerPredictions;
  riskCounts: [low: number, medium: number, high: number];
}

/** Scores every customer of the summary; `onCustomer` is called after each (for progress). */
export function scoreCustomers(
  model: ScoringModel,
  summary: ScoringSummary,
  onCustomer: (i: number, n: number) => void = () => undefined,
): ScoredCustomers {
  const { settings, gammaGamma } = model;
  const unitDays = UNIT_DAYS[settings.unit];
  const n = summary.x.length;
  const p = model.buying;
  const horizon = settings.horizonDays / unitDays;
  const out: CustomerPredictions = {
    probabilityAlive: new Float64Array(n),
    churnProbability: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    purchaseProbability: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    lifetimeValue: new Float64Array(n),
    lifetimeValueConfidence: new Float64Array(n),
    riskLevel: new Uint8Array(n),
    ltvTier: new Uint8Array(n),
    nextPurchaseDays: new Float64Array(n),
    nextPurchaseConfidence: new Float64Array(n),
    nextCategory: new Int32Array(n).fill(-1),
    nextCategoryConfidence: new Float64Array(n),
  };
  const riskCounts: [number, number, number] = [0, 0, 0];
  const noPurchaseWithin = (t: number, x: number, tx: number, T: number) => probabilityNoPurchaseWithin(p, t, x, tx, T);
  for (let i = 0; i < n; i++) {
    const x = summary.x[i] ?? 0;
    const tx = summary.tx[i] ?? 0;
    const T = summary.T[i] ?? 0;
    out.probabilityAlive[i] = probabilityAlive(p, x, tx, T);
    const churn = noPurchaseWithin(horizon, x, tx, T);
    out.churnProbability[i] = churn;
    out.expectedPurchases[i] = conditionalExpectedPurchases(p, horizon, x, tx, T);
    out.purchaseProbability[i] = 1 - churn;
    const level = riskLevelCode(churn, settings.riskThresholds);
    out.riskLevel[i] = level;
    riskCounts[level as 0 | 1 | 2]++;
    const wait = medianWaitIfAlive(p, x, T);
    out.nextPurchaseDays[i] = wait * unitDays;
    out.nextPurchaseConfidence[i] = noPurchaseWithin(0.5 * wait, x, tx, T) - noPurchaseWithin(1.5 * wait, x, tx, T);
    if (gammaGamma) {
      const { spend, evidence } = expectedSpend(
        gammaGamma,
        x,
        summary.mean_repeat_spend[i] ?? NaN,
        summary.mean_spend[i] ?? NaN,
      );
      out.expectedSpend[i] = spend;
      out.lifetimeValue[i] = Number.isFinite(spend)
        ? customerLifetimeValue(p, spend, x, tx, T, {
            horizonMonths: settings.clvMonths,
            monthlyDiscountRate: settings.monthlyDiscountRate,
            periodsPerMonth: 30 / unitDays,
          })
        : NaN;
      // The customer's mean spend has an inverse-gamma posterior with shape px + q: CV = 1/√(px + q − 2).
      const shape = gammaGamma.parameters.p * evidence + gammaGamma.parameters.q;
      out.lifetimeValueConfidence[i] = shape > 2 ? 1 / (1 + 1 / Math.sqrt(shape - 2)) : 0;
    } else {
      out.expectedSpend[i] = NaN;
      out.lifetimeValue[i] = NaN;
    }
    onCustomer(i, n);
  }
  if (model.ltvThresholds) applyLtvTiers(out, model.ltvThresholds);
  return { predictions: out, riskCounts };
}

/** Sets each customer's value tier from the cut-offs (High at or above `high`, Low below `low`). */
export function applyLtvTiers(out: CustomerPredictions, thresholds: { high: number; low: number }): void {
  for (let i = 0; i < out.lifetimeValue.length; i++) {
    const v = out.lifetimeValue[i] ?? 0;
    out.ltvTier[i] = v >= thresholds.high ? 2 : v < thresholds.low ? 0 : 1;
  }
}
