// The whole prediction job: BG/NBD for repeat buying (churn risk, expected purchases, next purchase
// timing), Gamma-Gamma for spend, discounted lifetime value, the next category, risk levels and value
// tiers with the seed's actions, and the holdout validation. Pure: the same input gives the same
// answer in the ML worker and in Node.

import { fitBgNbd, type BgNbdFit } from '../clv/bgNbd';
import { fitGammaGamma, type GammaGammaParameters } from '../clv/gammaGamma';
import { fitCategoryModel, predictNextCategory } from '../nextPurchase/nextCategory';
import {
  modelFeatureBins,
  modelFeatureDrift,
  type FeatureBins,
  type FeatureDrift,
} from '../monitoring/populationStability';
import { pearsonCorrelation } from '../stats';
import { validateOnHoldout, type HoldoutValidation } from './holdoutValidation';
import { checkSummaryFits, PredictionInputError, type DataCounts, type PredictionInput } from './predictionInput';
import { UNIT_DAYS, type PredictionSettings } from './predictionSettings';
import { applyLtvTiers, scoreCustomers, type CustomerPredictions } from './scoreCustomers';

export type PredictionPhase = 'fitting' | 'scoring' | 'validating' | 'saving';

export interface PredictionProgress {
  phase: PredictionPhase;
  fraction: number;
  detail: string;
}

export interface GammaGammaSummary {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Customers the spend model was fitted on: a repeat purchase and a positive mean repeat spend. */
  customers: number;
  /** Pearson correlation of repeat purchases and mean repeat spend among them (the model assumes ≈ 0). */
  frequencySpendCorrelation: number;
  /** Expected spend per transaction of a customer with no repeat history: pγ/(q − 1). */
  populationMeanSpend: number;
}

export type { CustomerPredictions } from './scoreCustomers';

export interface PredictionResult {
  customers: number;
  settings: PredictionSettings;
  analysisDate: string;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaSummary | null;
  /** Lifetime-value cut-offs of the tiers (High at or above `high`, Low below `low`). */
  ltvThresholds: { high: number; low: number } | null;
  riskCounts: [low: number, medium: number, high: number];
  categoryNames: string[];
  validation: HoldoutValidation | null;
  validationNote: string | null;
  notes: string[];
  dataCounts: DataCounts | null;
  /** The fitted features' distributions (deciles), for drift checks against later data and fits. */
  featureBins: FeatureBins[];
  /** This fit's features against the previous fit's distributions (null without a previous fit). */
  driftFromPreviousFit: FeatureDrift[] | null;
  predictions: CustomerPredictions;
  timings: { fitMs: number; scoreMs: number; validateMs: number };
}

/** A model that did not converge: nothing is saved and the last good model stays. */
export class ModelDidNotConvergeError extends Error {
  override name = 'ModelDidNotConvergeError';
}

/** Lifetime-value tier cut-offs from the requested shares, by rank. */
function tierThresholds(values: Float64Array, shares: PredictionSettings['ltvTierShares']) {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))] ?? 0;
  return { high: at(1 - shares.high), low: at(shares.low) };
}

function fitSpend(input: PredictionInput, notes: string[]): GammaGammaSummary | null {
  const { x, mean_repeat_spend: spend } = input.current;
  const fx: number[] = [];
  const fm: number[] = [];
  let nonPositive = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    const mi = spend[i] ?? NaN;
    if (xi < 1) continue;
    if (!(mi > 0) || !Number.isFinite(mi)) {
      nonPositive++;
      continue;
    }
    fx.push(xi);
    fm.push(mi);
  }
  if (nonPositive > 0) {
    notes.push(
      `${nonPositive} repeat customer${nonPositive === 1 ? '' : 's'} with zero or negative repeat spend left out of the spend model (it needs positive amounts); they get the population's expected spend.`,
    );
  }
  if (fx.length < 10) {
    notes.push(
      `Lifetime value needs the spend model, which needs at least 10 repeat customers with positive spend (there are ${fx.length}); lifetime value is not computed.`,
    );
    return null;
  }
  const fit = fitGammaGamma(
    fx,
    fm,
    input.maxIterations === undefined ? undefined : { maxIterations: input.maxIterations },
  );
  if (!fit.converged) {
    throw new ModelDidNotConvergeError(
      `The spend (Gamma-Gamma) fit did not converge after ${fit.iterations} iterations (${input.maxIterations ?? 10_000} per Nelder–Mead run); the last good model is kept.`,
    );
  }
  const { p, q, gamma } = fit.parameters;
  if (!(q > 1)) {
    notes.push(
      `Spend per purchase is too heavy-tailed for the spend model to have a finite mean (q = ${q.toFixed(3)} ≤ 1); lifetime value is not computed.`,
    );
    return null;
  }
  const correlation = pearsonCorrelation(fx, fm);
  if (Math.abs(correlation) >= 0.3) {
    notes.push(
      `Repeat purchases and spend per purchase are correlated (r = ${correlation.toFixed(2)}): the spend model assumes they are independent, so treat lifetime values with caution.`,
    );
  }
  return {
    parameters: fit.parameters,
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    customers: fit.customers,
    frequencySpendCorrelation: correlation,
    populationMeanSpend: (p * gamma) / (q - 1),
  };
}

/** Fits the models on the summary and scores every customer; validates on the holdout when one is given. */
export function predictCustomers(
  input: PredictionInput,
  onProgress: (p: PredictionProgress) => void = () => undefined,
): PredictionResult {
  const { settings, current } = input;
  const unitDays = UNIT_DAYS[settings.unit];
  const notes = [...input.dataNotes];
  const started = performance.now();
  onProgress({ phase: 'fitting', fraction: 0.05, detail: 'fitting BG/NBD on every customer' });
  checkSummaryFits(current, 'The data', settings.unit);
  const bgNbd = fitBgNbd(
    current,
    input.maxIterations === undefined ? undefined : { maxIterations: input.maxIterations },
  );
  if (!bgNbd.converged) {
    throw new ModelDidNotConvergeError(
      `The BG/NBD fit did not converge after ${bgNbd.iterations} iterations (${input.maxIterations ?? 10_000} per Nelder–Mead run); the last good model is kept.`,
    );
  }
  const parameters = Object.values(bgNbd.parameters);
  if (parameters.some((v) => !Number.isFinite(v) || v <= 0 || v > 1e8)) {
    throw new ModelDidNotConvergeError(
      'The BG/NBD fit ran off to extreme parameters (the data shows almost no drop-out or no repeat buying); the last good model is kept.',
    );
  }
  onProgress({ phase: 'fitting', fraction: 0.25, detail: 'fitting the spend model' });
  const gammaGamma = fitSpend(input, notes);
  const fitMs = performance.now() - started;

  onProgress({
    phase: 'scoring',
    fraction: 0.35,
    detail: `scoring ${current.x.length.toLocaleString('en')} customers`,
  });
  const scoreStarted = performance.now();
  const scored = scoreCustomers({ bgNbd: bgNbd.parameters, gammaGamma, settings }, current, (i, n) => {
    if (i % 20_000 === 19_999) {
      onProgress({
        phase: 'scoring',
        fraction: 0.35 + (0.3 * i) / n,
        detail: `scored ${(i + 1).toLocaleString('en')} customers`,
      });
    }
  });
  const { predictions: out, riskCounts, oneTimeBuyers } = scored;
  const n = current.x.length;
  if (oneTimeBuyers > 0) {
    notes.push(
      `${oneTimeBuyers.toLocaleString('en')} customer${oneTimeBuyers === 1 ? ' has' : 's have'} bought on one day only. BG/NBD lets customers drop out only after a repeat purchase, so their P(alive) is 1 and their churn risk Low; their expected purchases, which fall the longer ago they bought, are the better guide.`,
    );
  }
  let ltvThresholds: PredictionResult['ltvThresholds'] = null;
  if (gammaGamma) {
    ltvThresholds = tierThresholds(out.lifetimeValue, settings.ltvTierShares);
    applyLtvTiers(out, ltvThresholds);
  }
  if (input.currentSequences && input.categoryNames.length > 0) {
    const model = fitCategoryModel(input.currentSequences, input.categoryNames.length);
    const next = predictNextCategory(model, input.currentSequences);
    out.nextCategory.set(next.top);
    out.nextCategoryConfidence.set(next.topProbability);
  }
  const scoreMs = performance.now() - scoreStarted;

  onProgress({
    phase: 'validating',
    fraction: 0.7,
    detail: 'fitting on the calibration period and checking the holdout',
  });
  const validateStarted = performance.now();
  let validation: HoldoutValidation | null = null;
  let validationNote: string | null = null;
  if (input.validation) {
    try {
      validation = validateOnHoldout(
        input.validation,
        settings.riskThresholds,
        input.categoryNames.length,
        unitDays,
        settings.unit,
        input.maxIterations,
      );
    } catch (error) {
      if (!(error instanceof PredictionInputError)) throw error;
      validationNote = `No holdout validation: ${error.message}`;
    }
  } else {
    validationNote =
      'No holdout validation: the calibration end must fall after the first purchase and before the analysis date.';
  }
  return {
    customers: n,
    settings,
    analysisDate: input.analysisDate,
    bgNbd,
    gammaGamma,
    ltvThresholds,
    riskCounts,
    categoryNames: input.categoryNames,
    validation,
    validationNote,
    notes,
    dataCounts: input.dataCounts ?? null,
    featureBins: modelFeatureBins(current, unitDays),
    driftFromPreviousFit: input.previousFeatureBins?.length
      ? modelFeatureDrift(input.previousFeatureBins, current, unitDays)
      : null,
    predictions: out,
    timings: { fitMs, scoreMs, validateMs: performance.now() - validateStarted },
  };
}
