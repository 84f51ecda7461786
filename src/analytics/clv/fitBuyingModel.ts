// Fits a customer-base model by maximum likelihood, with standard errors, and says in plain words when
// the fit is degenerate: a parameter that ran to the edge of its range, a drop-out probability or rate
// estimated at almost nothing (the model then cannot see churn at all), or a flat likelihood direction
// the data cannot pin down. Such a fit is never reported as converged.

import { maximiseLikelihood } from '../optimize/maximumLikelihood';
import {
  BUYING_MODEL_INFO,
  PARAMETER_NAMES,
  buyingModelFromValues,
  groupedLogLikelihood,
  type BuyingModel,
  type BuyingModelKind,
} from './buyingModels';
import { groupSummary, type GroupedSummary, type RepeatSummary } from './repeatSummary';

export interface BuyingModelFit {
  model: BuyingModel;
  logLikelihood: number;
  iterations: number;
  /** The optimiser met its likelihood and parameter tolerances and no parameter ran to a bound. */
  converged: boolean;
  /** The optimiser ran out of iterations: the parameters are where it stopped, not an optimum. */
  stoppedEarly: boolean;
  customers: number;
  /** Standard error of each parameter (NaN where the likelihood gives none). */
  standardErrors: Record<string, number>;
  /** What is wrong with the fit, in plain words; empty for a sound fit. */
  degenerate: string[];
}

export interface FitOptions {
  /** Cap on each of the two Nelder–Mead runs (default 10,000), so a caller can bound the work. */
  maxIterations?: number;
}

// Below these the model says (almost) nobody ever stops buying: churn risk would be meaningless.
const MIN_MEAN_DROPOUT_PROBABILITY = 1e-3;
const MIN_DROPOUT_SHAPE = 0.02;
const MIN_DROPOUT_SHARE_OVER_DATA = 0.01;
/** A log-parameter known only to ± this (a factor of e^2.3 = 10 either way) is not estimated. */
const MAX_LOG_STANDARD_ERROR = 2.3;
const MIN_INFORMATION_RATIO = 1e-10;

const DISPLAY_NAMES: Record<string, string> = { r: 'r', alpha: 'α', a: 'a', b: 'b', s: 's', beta: 'β' };
const compact = (v: number) => (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(4));

/** Plain-words problems of a fitted model on data spanning `span` time units. */
export function degeneracyWarnings(
  model: BuyingModel,
  result: { atBound: number[]; logStandardErrors: number[]; informationRatio: number },
  span: number,
): string[] {
  const names = PARAMETER_NAMES[model.kind];
  const { name } = BUYING_MODEL_INFO[model.kind];
  const values = names.map((n) => (model.parameters as unknown as Record<string, number>)[n] ?? NaN);
  const warnings: string[] = [];
  for (const i of result.atBound) {
    const label = DISPLAY_NAMES[names[i] ?? ''] ?? names[i];
    const value = values[i] ?? NaN;
    warnings.push(
      `${name}: ${label} ran to the edge of its range (${compact(value)}) and the likelihood was still rising, so the fit has no proper maximum.`,
    );
  }
  if (model.kind === 'pareto-nbd') {
    const { s, beta } = model.parameters;
    const dropoutShare = -Math.expm1(-s * Math.log1p(span / beta));
    if (s < MIN_DROPOUT_SHAPE || dropoutShare < MIN_DROPOUT_SHARE_OVER_DATA) {
      warnings.push(
        `${name}: drop-out is estimated at almost nothing (${(dropoutShare * 100).toFixed(2)} % of customers would stop within the data's span), so it cannot tell who is leaving.`,
      );
    }
  } else {
    const { a, b } = model.parameters;
    const meanDropout = a / (a + b);
    if (meanDropout < MIN_MEAN_DROPOUT_PROBABILITY || a < MIN_DROPOUT_SHAPE) {
      warnings.push(
        `${name}: the chance of stopping after a purchase is estimated at almost nothing for nearly everyone (a = ${compact(a)}, b = ${compact(b)}; mean ${(meanDropout * 100).toFixed(2)} %), so it cannot tell who is leaving.`,
      );
    }
  }
  const poorlyKnown = result.logStandardErrors.flatMap((se, i) =>
    !result.atBound.includes(i) && !(se <= MAX_LOG_STANDARD_ERROR) ? [DISPLAY_NAMES[names[i] ?? ''] ?? names[i]] : [],
  );
  if (!(result.informationRatio > MIN_INFORMATION_RATIO) || poorlyKnown.length > 0) {
    warnings.push(
      `${name}: the likelihood is flat along some direction${poorlyKnown.length ? ` (${poorlyKnown.join(', ')} not pinned down: uncertain by more than a factor of 10)` : ''}, so the data cannot settle its parameters.`,
    );
  }
  return warnings;
}

/** Fits `kind` on a grouped summary (group once, fit several models). */
export function fitBuyingModelGrouped(
  kind: BuyingModelKind,
  grouped: GroupedSummary,
  options: FitOptions = {},
): BuyingModelFit {
  const result = maximiseLikelihood(
    (values) => groupedLogLikelihood(buyingModelFromValues(kind, values), grouped),
    4,
    grouped.customers,
    options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations },
  );
  const model = buyingModelFromValues(kind, result.parameters);
  let span = 0;
  for (const t of grouped.T) span = Math.max(span, t);
  return {
    model,
    logLikelihood: result.logLikelihood,
    iterations: result.iterations,
    converged: result.converged && result.atBound.length === 0,
    stoppedEarly: !result.converged,
    customers: grouped.customers,
    standardErrors: Object.fromEntries(PARAMETER_NAMES[kind].map((n, i) => [n, result.standardErrors[i] ?? NaN])),
    degenerate: degeneracyWarnings(model, result, span),
  };
}

/** Maximum-likelihood fit of `kind` on the per-customer summary. */
export function fitBuyingModel(kind: BuyingModelKind, data: RepeatSummary, options: FitOptions = {}): BuyingModelFit {
  return fitBuyingModelGrouped(kind, groupSummary(data), options);
}
