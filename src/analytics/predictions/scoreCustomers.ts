// Scores customers with fitted models: P(alive), expected purchases and purchase probability over the
// horizon, the risk level, the next purchase's timing, expected spend and lifetime value. The fit scores
// everyone with it; live events score again only the customers whose purchases changed, with the same
// fitted parameters (no refit), so both give identical numbers for the same summary.

import {
  conditionalExpectedPurchases,
  medianWaitIfAlive,
  probabilityAlive,
  probabilityPurchaseWithin,
  type BgNbdParameters,
} from '../clv/bgNbd';
import { expectedAverageSpend, type GammaGammaParameters } from '../clv/gammaGamma';
import { customerLifetimeValue } from '../clv/lifetimeValue';
import type { CustomerSummaryColumns } from './predictionInput';
import { riskLevelCode, UNIT_DAYS, type PredictionSettings } from './predictionSettings';

/** What scoring needs from a fit (all of it is kept with the stored run). */
export interface ScoringModel {
  bgNbd: BgNbdParameters;
  gammaGamma: { parameters: GammaGammaParameters; populationMeanSpend: number } | null;
  settings: PredictionSettings;
  /** Lifetime-value tier cut-offs; null while fitting (the fit sets them from the scores). */
  ltvThresholds?: { high: number; low: number } | null;
}

/** Per-customer predictions, in the summary's customer order (typed arrays cross to the page by transfer). */
export interface CustomerPredictions {
  probabilityAlive: Float64Array;
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

export type ScoringSummary = Pick<CustomerSummaryColumns, 'x' | 'tx' | 'T' | 'mean_repeat_spend'>;

export interface ScoredCustomers {
  predictions: CustomerPredictions;
  riskCounts: [low: number, medium: number, high: number];
  oneTimeBuyers: number;
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
  const p = model.bgNbd;
  const horizon = settings.horizonDays / unitDays;
  const out: CustomerPredictions = {
    probabilityAlive: new Float64Array(n),
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
  let oneTimeBuyers = 0;
  for (let i = 0; i < n; i++) {
    const x = summary.x[i] ?? 0;
    const tx = summary.tx[i] ?? 0;
    const T = summary.T[i] ?? 0;
    if (x === 0) oneTimeBuyers++;
    const alive = probabilityAlive(p, x, tx, T);
    out.probabilityAlive[i] = alive;
    out.expectedPurchases[i] = conditionalExpectedPurchases(p, horizon, x, tx, T);
    out.purchaseProbability[i] = probabilityPurchaseWithin(p, horizon, x, tx, T);
    const level = riskLevelCode(1 - alive, settings.riskThresholds);
    out.riskLevel[i] = level;
    riskCounts[level as 0 | 1 | 2]++;
    const wait = medianWaitIfAlive(p, x, T);
    out.nextPurchaseDays[i] = wait * unitDays;
    out.nextPurchaseConfidence[i] =
      probabilityPurchaseWithin(p, 1.5 * wait, x, tx, T) - probabilityPurchaseWithin(p, 0.5 * wait, x, tx, T);
    if (gammaGamma) {
      const m = summary.mean_repeat_spend[i] ?? NaN;
      const usable = x >= 1 && m > 0 && Number.isFinite(m);
      const spend = usable ? expectedAverageSpend(gammaGamma.parameters, x, m) : gammaGamma.populationMeanSpend;
      out.expectedSpend[i] = spend;
      out.lifetimeValue[i] = Number.isFinite(spend)
        ? customerLifetimeValue(p, spend, x, tx, T, {
            horizonMonths: settings.clvMonths,
            monthlyDiscountRate: settings.monthlyDiscountRate,
            periodsPerMonth: 30 / unitDays,
          })
        : NaN;
      // The customer's mean spend has an inverse-gamma posterior with shape px + q: CV = 1/√(px + q − 2).
      const shape = gammaGamma.parameters.p * (usable ? x : 0) + gammaGamma.parameters.q;
      out.lifetimeValueConfidence[i] = shape > 2 ? 1 / (1 + 1 / Math.sqrt(shape - 2)) : 0;
    } else {
      out.expectedSpend[i] = NaN;
      out.lifetimeValue[i] = NaN;
    }
    onCustomer(i, n);
  }
  if (model.ltvThresholds) applyLtvTiers(out, model.ltvThresholds);
  return { predictions: out, riskCounts, oneTimeBuyers };
}

/** Sets each customer's value tier from the cut-offs (High at or above `high`, Low below `low`). */
export function applyLtvTiers(out: CustomerPredictions, thresholds: { high: number; low: number }): void {
  for (let i = 0; i < out.lifetimeValue.length; i++) {
    const v = out.lifetimeValue[i] ?? 0;
    out.ltvTier[i] = v >= thresholds.high ? 2 : v < thresholds.low ? 0 : 1;
  }
}
