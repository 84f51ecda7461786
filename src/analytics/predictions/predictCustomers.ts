// The whole prediction job: the buying model chosen on the holdout among BG/NBD, MBG/NBD and Pareto/NBD
// (churn risk as the chance of no purchase in the horizon, expected purchases, next purchase timing),
// Gamma-Gamma for spend, discounted lifetime value, the next category, risk levels and value tiers with
// the seed's actions, and the holdout validation. Pure: the same input gives the same answer in the ML
// worker and in Node.

import { BUYING_MODEL_INFO, BUYING_MODEL_KINDS, type BuyingModelKind } from '../clv/buyingModels';
import { fitBuyingModelGrouped, type BuyingModelFit } from '../clv/fitBuyingModel';
import { fitGammaGamma, type GammaGammaParameters } from '../clv/gammaGamma';
import { groupSummary } from '../clv/repeatSummary';
import { fitCategoryModel, predictNextCategory } from '../nextPurchase/nextCategory';
import {
  modelFeatureBins,
  modelFeatureDrift,
  type FeatureBins,
  type FeatureDrift,
} from '../monitoring/populationStability';
import { pearsonCorrelation } from '../stats';
import {
  checkModelsOnHoldout,
  holdoutReason,
  isSound,
  rankOnHoldout,
  rankOnLikelihood,
  type ModelHoldoutCheck,
} from './compareModels';
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
  /**
   * Expected spend per transaction of a customer with no repeat history: pγ/(q − 1); null when q ≤ 1
   * (spend so heavy-tailed that the population's mean is infinite), and such customers' one purchase is
   * taken as the spend model's evidence instead.
   */
  populationMeanSpend: number | null;
}

export type { CustomerPredictions } from './scoreCustomers';

/** Which buying model the predictions use and why. */
export interface ModelSelection {
  chosen: BuyingModelKind;
  /** 'holdout': best on the holdout; 'likelihood': no holdout, highest likelihood; 'user': picked in the settings. */
  by: 'holdout' | 'likelihood' | 'user';
  /** Why, in plain words, including any model set aside as degenerate. */
  reason: string;
  /** Models best first (the holdout's or the likelihood's order). */
  ranking: BuyingModelKind[];
}

export interface PredictionResult {
  customers: number;
  settings: PredictionSettings;
  analysisDate: string;
  /** The chosen buying model fitted on every customer. */
  model: BuyingModelFit;
  /** Every model fitted on every customer this run (the chosen one, and those tried or compared). */
  fits: BuyingModelFit[];
  selection: ModelSelection;
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

/** Beyond this Gamma-Gamma's shape p is said to have run off rather than been estimated. */
const MAX_SPEND_SHAPE = 1e5;

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
      `Spend per purchase varies so much between customers (some spend thousands a purchase) that the spend model's population mean is infinite (q = ${q.toFixed(3)} ≤ 1). A repeat customer's expected spend comes from their own purchases as usual; a one-time buyer's from their one purchase, taken as the spend model's evidence.`,
    );
  }
  // p → ∞ is the limit where a customer's purchases all cost the same: it has no maximum, only a direction.
  if (p > MAX_SPEND_SHAPE) {
    notes.push(
      `The spend model ran off to p = ${p.toExponential(1)}: spend per purchase barely varies within a customer beside the differences between customers, so each repeat customer is expected to spend their own average.`,
    );
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
    populationMeanSpend: q > 1 ? (p * gamma) / (q - 1) : null,
  };
}

/** The models judged on the holdout, or null with the reason when the calibration period cannot be fitted. */
function holdoutChecks(
  input: PredictionInput,
  unitDays: number,
  onProgress: (p: PredictionProgress) => void,
): { checks: ModelHoldoutCheck[] | null; note: string | null } {
  if (!input.validation) {
    return {
      checks: null,
      note: 'No holdout validation: the calibration end must fall after the first purchase and before the analysis date.',
    };
  }
  try {
    checkSummaryFits(
      input.validation.calibration,
      `The calibration period (to ${input.validation.calibrationEnd})`,
      input.settings.unit,
    );
    const checks = checkModelsOnHoldout(
      input.validation,
      unitDays,
      input.settings.horizonDays,
      fitOptions(input),
      (kind, i) =>
        onProgress({
          phase: 'fitting',
          fraction: 0.05 + 0.1 * i,
          detail: `fitting ${BUYING_MODEL_INFO[kind].name} on the calibration period`,
        }),
    );
    return { checks, note: null };
  } catch (error) {
    if (!(error instanceof PredictionInputError)) throw error;
    return { checks: null, note: `No holdout validation: ${error.message}` };
  }
}

const modelName = (kind: BuyingModelKind) => BUYING_MODEL_INFO[kind].name;
const fitOptions = (input: PredictionInput) =>
  input.maxIterations === undefined ? {} : { maxIterations: input.maxIterations };

/**
 * Fits the models on every customer in the order given and returns the first sound one (converged,
 * not degenerate, and sound on the calibration period too when it was checked there), with every fit
 * tried and a sentence per model set aside. When none is sound the first that did not run out of
 * iterations is used (its problems are said); when every one ran out, none.
 */
function fitInOrder(
  order: readonly BuyingModelKind[],
  grouped: ReturnType<typeof groupSummary>,
  checks: readonly ModelHoldoutCheck[] | null,
  input: PredictionInput,
  known: Map<BuyingModelKind, BuyingModelFit>,
  onProgress: (p: PredictionProgress) => void,
): { fit: BuyingModelFit | null; setAside: string[] } {
  const options = fitOptions(input);
  const setAside: string[] = [];
  let fallback: BuyingModelFit | null = null;
  for (const kind of order) {
    let fit = known.get(kind);
    if (!fit) {
      onProgress({ phase: 'fitting', fraction: 0.35, detail: `fitting ${modelName(kind)} on every customer` });
      fit = fitBuyingModelGrouped(kind, grouped, options);
      known.set(kind, fit);
    }
    const calibration = checks?.find((c) => c.kind === kind)?.calibrationFit;
    if (isSound(fit) && (!calibration || isSound(calibration))) return { fit, setAside };
    // A fit that ran out of iterations is never used; a degenerate one only when nothing better exists.
    if (!fit.stoppedEarly) fallback ??= fit;
    // The first problem names why; the page lists every one with the fit it belongs to.
    const [problem] = [...fit.degenerate, ...(calibration?.degenerate ?? [])];
    const why = fit.stoppedEarly
      ? `its fit did not converge after ${fit.iterations} iterations.`
      : problem !== undefined
        ? problem.replace(/^[^:]+: /, '')
        : `its fit on the calibration period did not converge after ${calibration?.iterations ?? 0} iterations.`;
    setAside.push(`${modelName(kind)} was set aside: ${why}`);
  }
  return { fit: fallback, setAside };
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
  checkSummaryFits(current, 'The data', settings.unit);
  const { checks, note } = holdoutChecks(input, unitDays, onProgress);
  const grouped = groupSummary(current);
  const known = new Map<BuyingModelKind, BuyingModelFit>();
  if (!checks) {
    // Without a holdout the models can only be compared on the likelihood of the same data.
    for (const kind of BUYING_MODEL_KINDS) {
      onProgress({ phase: 'fitting', fraction: 0.05, detail: `fitting ${modelName(kind)} on every customer` });
      known.set(kind, fitBuyingModelGrouped(kind, grouped, fitOptions(input)));
    }
  }
  const ranking = checks ? rankOnHoldout(checks) : rankOnLikelihood([...known.values()]);
  const by: ModelSelection['by'] = settings.model !== 'auto' ? 'user' : checks ? 'holdout' : 'likelihood';
  const order = settings.model === 'auto' ? ranking : [settings.model];
  const { fit: model, setAside } = fitInOrder(order, grouped, checks, input, known, onProgress);
  if (!model) {
    throw new ModelDidNotConvergeError(
      `The ${order.map(modelName).join(', ')} fit${order.length > 1 ? 's' : ''} did not converge (at most ${input.maxIterations ?? 10_000} iterations per Nelder–Mead run); the last good model is kept.`,
    );
  }
  const chosen = model.model.kind;
  const best = ranking[0] as BuyingModelKind;
  const reason = [
    by === 'user'
      ? `${modelName(chosen)}, as picked in the settings${best !== chosen ? ` (the ${checks ? 'holdout' : 'likelihood'} favours ${modelName(best)})` : ''}.`
      : checks
        ? holdoutReason(checks, chosen)
        : `No holdout to judge on: ${modelName(chosen)} has the highest likelihood of the sound fits.`,
    ...setAside,
    ...(isSound(model)
      ? []
      : [`No model gave a sound fit: ${modelName(chosen)} is used, but read its churn figures with caution.`]),
  ].join(' ');
  notes.push(...model.degenerate);
  onProgress({ phase: 'fitting', fraction: 0.45, detail: 'fitting the spend model' });
  const gammaGamma = fitSpend(input, notes);
  const fitMs = performance.now() - started;

  onProgress({
    phase: 'scoring',
    fraction: 0.5,
    detail: `scoring ${current.x.length.toLocaleString('en')} customers`,
  });
  const scoreStarted = performance.now();
  const scored = scoreCustomers({ buying: model.model, gammaGamma, settings }, current, (i, n) => {
    if (i % 20_000 === 19_999) {
      onProgress({
        phase: 'scoring',
        fraction: 0.5 + (0.3 * i) / n,
        detail: `scored ${(i + 1).toLocaleString('en')} customers`,
      });
    }
  });
  const { predictions: out, riskCounts } = scored;
  const n = current.x.length;
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

  onProgress({ phase: 'validating', fraction: 0.85, detail: 'checking the chosen model on the holdout' });
  const validateStarted = performance.now();
  const validation: HoldoutValidation | null =
    checks && input.validation
      ? validateOnHoldout(input.validation, checks, chosen, settings, input.categoryNames.length, unitDays)
      : null;
  return {
    customers: n,
    settings,
    analysisDate: input.analysisDate,
    model,
    fits: BUYING_MODEL_KINDS.flatMap((kind) => known.get(kind) ?? []),
    selection: { chosen, by, reason, ranking },
    gammaGamma,
    ltvThresholds,
    riskCounts,
    categoryNames: input.categoryNames,
    validation,
    validationNote: note,
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
