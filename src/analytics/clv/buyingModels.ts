// The three customer-base ("buy till you die") models Lantern fits, behind one shape: BG/NBD (drop-out
// only after a repeat purchase), MBG/NBD (also right after the first) and Pareto/NBD (at any moment).
// Each is a kind and its parameters; the functions here dispatch to the model's own formulas, so the
// scoring, the holdout check and live rescoring work with whichever model the holdout chose.

import {
  bgNbdCustomerLogLikelihood,
  bgNbdGroupedLogLikelihood,
  conditionalExpectedPurchases as bgNbdConditionalExpectedPurchases,
  expectedPurchases as bgNbdExpectedPurchases,
  probabilityAlive as bgNbdProbabilityAlive,
  type BgNbdParameters,
} from './bgNbd';
import {
  mbgNbdConditionalExpectedPurchases,
  mbgNbdCustomerLogLikelihood,
  mbgNbdExpectedPurchases,
  mbgNbdGroupedLogLikelihood,
  mbgNbdProbabilityAlive,
} from './mbgNbd';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdCustomerLogLikelihood,
  paretoNbdExpectedPurchases,
  paretoNbdGroupedLogLikelihood,
  paretoNbdProbabilityAlive,
  type ParetoNbdParameters,
} from './paretoNbd';
import { checkCustomerSummary, type GroupedSummary } from './repeatSummary';

export type BuyingModelKind = 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd';

export const BUYING_MODEL_KINDS: readonly BuyingModelKind[] = ['bg-nbd', 'mbg-nbd', 'pareto-nbd'];

/** A fitted model: its kind and parameters (rates and scales in the model's time unit). */
export type BuyingModel =
  | { kind: 'bg-nbd'; parameters: BgNbdParameters }
  | { kind: 'mbg-nbd'; parameters: BgNbdParameters }
  | { kind: 'pareto-nbd'; parameters: ParetoNbdParameters };

export type { BgNbdParameters } from './bgNbd';
export type { ParetoNbdParameters } from './paretoNbd';

/** What each model is called and the drop-out story it tells, in plain words. */
export const BUYING_MODEL_INFO: Record<BuyingModelKind, { name: string; dropout: string; reference: string }> = {
  'bg-nbd': {
    name: 'BG/NBD',
    dropout: 'customers can stop only right after a repeat purchase, so one-time buyers all count as still active',
    reference: 'Fader, Hardie & Lee 2005',
  },
  'mbg-nbd': {
    name: 'MBG/NBD',
    dropout: 'customers can stop right after any purchase, the first included',
    reference: 'Batislam, Denizel & Filiztekin 2007',
  },
  'pareto-nbd': {
    name: 'Pareto/NBD',
    dropout: 'customers can stop at any moment, whether or not they bought',
    reference: 'Schmittlein, Morrison & Colombo 1987',
  },
};

/** Parameter names in the order the fit uses them. */
export const PARAMETER_NAMES: Record<BuyingModelKind, readonly string[]> = {
  'bg-nbd': ['r', 'alpha', 'a', 'b'],
  'mbg-nbd': ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
};

/** A model of `kind` from its parameters in PARAMETER_NAMES order. */
export function buyingModelFromValues(kind: BuyingModelKind, [p0, p1, p2, p3]: readonly number[]): BuyingModel {
  const [r, alpha] = [p0 ?? NaN, p1 ?? NaN];
  if (kind === 'pareto-nbd') return { kind, parameters: { r, alpha, s: p2 ?? NaN, beta: p3 ?? NaN } };
  return { kind, parameters: { r, alpha, a: p2 ?? NaN, b: p3 ?? NaN } };
}

/** The parameters in PARAMETER_NAMES order. */
export function parameterValues(model: BuyingModel): number[] {
  const p = model.parameters as unknown as Record<string, number>;
  return PARAMETER_NAMES[model.kind].map((name) => p[name] ?? NaN);
}

/** One customer's log-likelihood under the model. */
export function customerLogLikelihood(model: BuyingModel, x: number, tx: number, T: number): number {
  switch (model.kind) {
    case 'bg-nbd':
      return bgNbdCustomerLogLikelihood(model.parameters, x, tx, T);
    case 'mbg-nbd':
      return mbgNbdCustomerLogLikelihood(model.parameters, x, tx, T);
    case 'pareto-nbd':
      return paretoNbdCustomerLogLikelihood(model.parameters, x, tx, T);
  }
}

/** The summed log-likelihood of a grouped summary under the model. */
export function groupedLogLikelihood(model: BuyingModel, g: GroupedSummary): number {
  switch (model.kind) {
    case 'bg-nbd':
      return bgNbdGroupedLogLikelihood(model.parameters, g);
    case 'mbg-nbd':
      return mbgNbdGroupedLogLikelihood(model.parameters, g);
    case 'pareto-nbd':
      return paretoNbdGroupedLogLikelihood(model.parameters, g);
  }
}

/** P(alive | x, t_x, T). */
export function probabilityAlive(model: BuyingModel, x: number, tx: number, T: number): number {
  switch (model.kind) {
    case 'bg-nbd':
      return bgNbdProbabilityAlive(model.parameters, x, tx, T);
    case 'mbg-nbd':
      return mbgNbdProbabilityAlive(model.parameters, x, tx, T);
    case 'pareto-nbd':
      return paretoNbdProbabilityAlive(model.parameters, x, tx, T);
  }
}

/** E[Y(t) | x, t_x, T]: purchases expected in the next t (model time units). */
export function conditionalExpectedPurchases(model: BuyingModel, t: number, x: number, tx: number, T: number): number {
  switch (model.kind) {
    case 'bg-nbd':
      return bgNbdConditionalExpectedPurchases(model.parameters, t, x, tx, T);
    case 'mbg-nbd':
      return mbgNbdConditionalExpectedPurchases(model.parameters, t, x, tx, T);
    case 'pareto-nbd':
      return paretoNbdConditionalExpectedPurchases(model.parameters, t, x, tx, T);
  }
}

/** E[X(t)]: purchases a new customer is expected to make in their first t after the first purchase. */
export function expectedPurchasesOfNewCustomer(model: BuyingModel, t: number): number {
  switch (model.kind) {
    case 'bg-nbd':
      return bgNbdExpectedPurchases(model.parameters, t);
    case 'mbg-nbd':
      return mbgNbdExpectedPurchases(model.parameters, t);
    case 'pareto-nbd':
      return paretoNbdExpectedPurchases(model.parameters, t);
  }
}

/**
 * P(no purchase in (T, T + t] | x, t_x, T): the churn risk a marketer means, on one scale for one-time
 * and repeat buyers alike. In the NBD models a customer's history "x purchases, the last at t_x, seen to
 * T + t" is the history to T plus no purchase after it, so the chance is L(x, t_x, T + t) / L(x, t_x, T).
 * The BG/NBD family has it in closed form: 1 − P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)), since an alive
 * customer's next purchase is never pre-empted by drop-out there.
 */
export function probabilityNoPurchaseWithin(model: BuyingModel, t: number, x: number, tx: number, T: number): number {
  checkCustomerSummary('Churn risk', t, x, tx, T);
  if (t === 0) return 1;
  if (model.kind === 'pareto-nbd') {
    const ratio = Math.exp(customerLogLikelihood(model, x, tx, T + t) - customerLogLikelihood(model, x, tx, T));
    return Math.min(1, Math.max(0, ratio));
  }
  const p = model.parameters;
  const purchaseIfAlive = -Math.expm1(-(p.r + x) * Math.log1p(t / (p.alpha + T)));
  return 1 - probabilityAlive(model, x, tx, T) * purchaseIfAlive;
}

/**
 * Median time from T to the next purchase if the customer is still active: the posterior purchase rate
 * is Gamma(r + x, α + T) in all three models, so the wait is Lomax and its median (α+T)(2^(1/(r+x)) − 1).
 */
export function medianWaitIfAlive(model: BuyingModel, x: number, T: number): number {
  checkCustomerSummary('Next purchase', 0, x, 0, T);
  const { r, alpha } = model.parameters;
  return (alpha + T) * Math.expm1(Math.LN2 / (r + x));
}
