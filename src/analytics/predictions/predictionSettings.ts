// What the user sets for the prediction models, the defaults, and the seed's mapping of churn risk
// levels and lifetime-value tiers to actions ("Prediction Model Flow": Retention / Engagement / Upsell
// campaign; VIP treatment / Standard service / Cost optimisation).

import { BUYING_MODEL_KINDS, type BuyingModelKind } from '../clv/buyingModels';

export type TimeUnit = 'days' | 'weeks';

/** Which buying model to use: the one the holdout supports ('auto'), or one the user picked. */
export type ModelChoice = 'auto' | BuyingModelKind;

export interface PredictionSettings {
  /** The models' time unit; parameters are shown in it. */
  unit: TimeUnit;
  /** "Expected purchases in the next N days". */
  horizonDays: number;
  /** Lifetime value horizon in months of 30 days. */
  clvMonths: number;
  /** Monthly discount rate for lifetime value (0.01 = 1 %). */
  monthlyDiscountRate: number;
  /** The buying model: chosen on the holdout by default. */
  model: ModelChoice;
  /** Churn probability (no purchase in the next `horizonDays`) at or above `high` is High risk, at or above `medium` Medium, else Low. */
  riskThresholds: { high: number; medium: number };
  /** The top `high` share of customers by lifetime value are High, the bottom `low` share Low. */
  ltvTierShares: { high: number; low: number };
  /** Last day of the calibration period for the holdout validation; null = two thirds of the way through. */
  calibrationEnd: string | null;
}

export const DEFAULT_PREDICTION_SETTINGS: PredictionSettings = {
  unit: 'weeks',
  model: 'auto',
  horizonDays: 90,
  clvMonths: 12,
  monthlyDiscountRate: 0.01,
  riskThresholds: { high: 0.5, medium: 0.2 },
  ltvTierShares: { high: 0.2, low: 0.3 },
  calibrationEnd: null,
};

/** Days in one unit. */
export const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7 };

export const RISK_LEVELS = ['Low', 'Medium', 'High'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The seed's action for each churn risk level. */
export const RISK_ACTIONS: Record<RiskLevel, { action: string; detail: string }> = {
  High: { action: 'Retention campaign', detail: 'win-back offer or personal outreach before they are gone' },
  Medium: { action: 'Engagement campaign', detail: 'reminders, new arrivals and content to bring them back' },
  Low: { action: 'Upsell campaign', detail: 'they are active: recommend more or premium items' },
};

export const LTV_TIERS = ['Low', 'Medium', 'High'] as const;
export type LtvTier = (typeof LTV_TIERS)[number];

/** The seed's action for each lifetime-value tier. */
export const LTV_ACTIONS: Record<LtvTier, { action: string; detail: string }> = {
  High: { action: 'VIP treatment', detail: 'early access, free shipping, a personal contact' },
  Medium: { action: 'Standard service', detail: 'regular programme and newsletters' },
  Low: { action: 'Cost optimisation', detail: 'low-cost channels only (email), no paid retargeting' },
};

/** Index into RISK_LEVELS for a churn probability. */
export function riskLevelCode(churnProbability: number, thresholds: PredictionSettings['riskThresholds']): number {
  if (churnProbability >= thresholds.high) return 2;
  if (churnProbability >= thresholds.medium) return 1;
  return 0;
}

/** Settings checked: a clear message for each value out of range (the form shows it). */
export function checkPredictionSettings(settings: PredictionSettings): string[] {
  const problems: string[] = [];
  const { high, medium } = settings.riskThresholds;
  if (!(settings.horizonDays >= 1 && settings.horizonDays <= 3650))
    problems.push('The horizon must be 1 to 3,650 days.');
  if (!(settings.clvMonths >= 1 && settings.clvMonths <= 120))
    problems.push('The lifetime-value horizon must be 1 to 120 months.');
  if (!(settings.monthlyDiscountRate >= 0 && settings.monthlyDiscountRate < 1))
    problems.push('The monthly discount rate must be at least 0 % and below 100 %.');
  if (!(medium > 0 && medium < high && high < 1))
    problems.push('Risk thresholds must satisfy 0 < Medium < High < 1 (as churn probabilities).');
  const shares = settings.ltvTierShares;
  if (!(shares.high > 0 && shares.low > 0 && shares.high + shares.low < 1))
    problems.push('The High and Low lifetime-value shares must be above 0 and add up to less than 100 %.');
  if (settings.model !== 'auto' && !BUYING_MODEL_KINDS.includes(settings.model))
    problems.push(`"${String(settings.model)}" is not a model Lantern fits.`);
  if (settings.calibrationEnd !== null && !/^\d{4}-\d{2}-\d{2}$/.test(settings.calibrationEnd))
    problems.push(`"${settings.calibrationEnd}" is not a date (YYYY-MM-DD).`);
  return problems;
}
