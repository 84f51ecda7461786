// Whether the fitted models still describe the data: the feature drift of the data now against the
// fit (PSI), and the holdout accuracy of the last fit against the one before. A major drift means the
// data moved away from what the models learned; a drop in accuracy matters only when there is new data
// a refit could learn from (refitting on the same data gives the same model).

import { PSI_MAJOR, type FeatureDrift } from './populationStability';

/** A churn AUC this much lower than the previous fit's counts as a drop. */
export const AUC_DROP = 0.05;
/** The holdout's repeat-purchase error (|predicted / actual − 1|) this much higher counts as a drop. */
export const HOLDOUT_ERROR_RISE = 0.1;

export interface FitAccuracy {
  createdAt: string;
  /** |predicted / actual − 1| of the holdout's repeat purchases; null without a holdout. */
  holdoutError: number | null;
  /** AUC of P(no purchase in the holdout); null without a holdout. */
  churnAuc: number | null;
}

export interface ModelHealthInput {
  fit: FitAccuracy;
  previous: FitAccuracy | null;
  /** The data now against the fit's recorded distributions. */
  dataDrift: readonly FeatureDrift[];
  /** Whether purchases were added or changed since the fit. */
  dataChangedSinceFit: boolean;
}

export interface ModelHealth {
  refitDue: boolean;
  /** Why a refit is due (or, when it is not, what was noticed), one sentence each. */
  reasons: string[];
  accuracyDropped: boolean;
  majorDrift: FeatureDrift[];
}

/** Differences of decimals (0.15 − 0.05) land a hair under the threshold they equal. */
const EPSILON = 1e-9;
const two = (v: number) => v.toFixed(2);
const pct = (v: number) => `${Math.round(v * 100)} %`;

/** The accuracy drops between two fits, as sentences. */
export function accuracyDrops(fit: FitAccuracy, previous: FitAccuracy | null): string[] {
  if (!previous) return [];
  const drops: string[] = [];
  if (fit.churnAuc !== null && previous.churnAuc !== null && previous.churnAuc - fit.churnAuc >= AUC_DROP - EPSILON) {
    drops.push(
      `The churn AUC on the holdout fell from ${two(previous.churnAuc)} to ${two(fit.churnAuc)} since the fit before (a drop of ${AUC_DROP} or more).`,
    );
  }
  if (
    fit.holdoutError !== null &&
    previous.holdoutError !== null &&
    fit.holdoutError - previous.holdoutError >= HOLDOUT_ERROR_RISE - EPSILON
  ) {
    drops.push(
      `Predicted holdout repeat purchases were ${pct(fit.holdoutError)} off, against ${pct(previous.holdoutError)} for the fit before (${pct(HOLDOUT_ERROR_RISE)} worse or more).`,
    );
  }
  return drops;
}

export function judgeModelHealth(input: ModelHealthInput): ModelHealth {
  const majorDrift = input.dataDrift.filter((d) => d.psi >= PSI_MAJOR);
  const drops = accuracyDrops(input.fit, input.previous);
  const reasons = majorDrift.map(
    (d) => `The ${d.feature} of customers moved away from the fit's (PSI ${two(d.psi)}, ${PSI_MAJOR} or more).`,
  );
  const accuracyDropped = drops.length > 0;
  reasons.push(...drops);
  if (accuracyDropped && !input.dataChangedSinceFit && majorDrift.length === 0) {
    reasons.push(
      'No data arrived since the fit, so a refit would give the same model: check the calibration end and the time unit instead.',
    );
  }
  return {
    refitDue: majorDrift.length > 0 || (accuracyDropped && input.dataChangedSinceFit),
    reasons,
    accuracyDropped,
    majorDrift,
  };
}

/** The accuracy figures of a fit's holdout validation. */
export function fitAccuracy(
  createdAt: string,
  validation: { totals: { predicted: number; actual: number }; churn: { modelAuc: number } } | null,
): FitAccuracy {
  if (!validation) return { createdAt, holdoutError: null, churnAuc: null };
  const { predicted, actual } = validation.totals;
  return {
    createdAt,
    holdoutError: actual > 0 ? Math.abs(predicted / actual - 1) : null,
    churnAuc: Number.isFinite(validation.churn.modelAuc) ? validation.churn.modelAuc : null,
  };
}
