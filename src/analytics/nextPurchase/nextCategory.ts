// Most likely next purchase category. Three sources of evidence, each smoothed towards the broader one:
//   global popularity   Pg(c) = (g_c + α) / (N + α·C)              (additive, so no category gets 0)
//   transition from the customer's last category a:
//                       Pt(c) = (t_ac + Kt·Pg(c)) / (n_a + Kt)      (= Pg when a was never followed)
//   the customer's own history:
//                       Pc(c) = (m_c + Kc·Pg(c)) / (m + Kc)         (= Pg for a customer with no history)
//   P(c) = w·Pt(c) + (1 − w)·Pc(c)
// t_ac counts a → c over consecutive occasions of all customers, n_a = Σ_c t_ac, m_c is the customer's
// own occasions in c and m = Σ m_c. As an interpolation P = λt·P(c | a) + λc·P(c | customer) + λg·Pg,
// with the raw frequencies P(c | a) = t_ac/n_a and P(c | customer) = m_c/m, the weights are
//   λt = w · n_a/(n_a + Kt),   λc = (1 − w) · m/(m + Kc),   λg = 1 − λt − λc,
// so each source's weight grows with its evidence (Kt and Kc are prior sizes in occasions, the
// Dirichlet / "n/(n + K)" rule), and λg > 0 always. w (population sequence against the customer's own
// habits), Kt and Kc are not knowable from counts alone, so they are fitted to maximise the likelihood
// of every customer's last occasion predicted from everything else (leave-one-out): the app shows
// P(top) as a confidence, so the numbers behind it are judged on purchases the model did not see.
// With fewer than MIN_HELD_OUT such customers the defaults w = ½, Kt = Kc = 1 stand instead.

import { nelderMead } from '../optimize/nelderMead';

export interface PurchaseSequences {
  /** Length customers + 1 (CSR): customer i's occasions are categories[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  /** Category code (0 .. categoryCount − 1) per purchase occasion, in date order within each customer. */
  categories: Int32Array;
}

export interface CategoryModelOptions {
  /** Fix w in [0, 1] instead of fitting it. */
  transitionWeight?: number;
  /** Fix Kt > 0, the transition source's prior size in occasions, instead of fitting it. */
  transitionPrior?: number;
  /** Fix Kc > 0, the customer source's prior size in occasions, instead of fitting it. */
  customerPrior?: number;
  /** α, the pseudo-count every category gets in global popularity; default 1 (Laplace). Never fitted. */
  globalSmoothing?: number;
}

export type FittedParameter = 'transitionWeight' | 'transitionPrior' | 'customerPrior';

export interface CategoryModel {
  categoryCount: number;
  /** t_ac, row-major: transitionCounts[a · categoryCount + c]. */
  transitionCounts: Uint32Array;
  /** n_a: transitions out of a. */
  transitionTotals: Uint32Array;
  /** g_c: occasions per category over all customers. */
  globalCounts: Uint32Array;
  /** Pg(c), already smoothed. */
  globalProbability: Float64Array;
  /** w: share of the transition source against the customer's own history. */
  transitionWeight: number;
  /** Kt. */
  transitionPrior: number;
  /** Kc. */
  customerPrior: number;
  globalSmoothing: number;
  /** Which of w, Kt, Kc were fitted (the others were given, or defaulted for lack of held-out customers). */
  fitted: FittedParameter[];
  /** Whether the optimiser met its tolerance (true when nothing was fitted). */
  fitConverged: boolean;
  /** Customers with two or more occasions, whose last occasion is held out. */
  heldOutCustomers: number;
  /** Mean log-probability of those held-out occasions under the chosen parameters; NaN when there are none. */
  heldOutLogLikelihood: number;
}

/** Held-out customers needed before w, Kt and Kc are fitted rather than defaulted: three numbers need some data. */
export const MIN_HELD_OUT = 20;

/** The category table is categoryCount² counts; this keeps it within 64 MiB and catches codes passed as ids. */
export const MAX_CATEGORIES = 4096;

// Fitted priors stay within these. The floor is half an occasion (the Jeffreys / Krichevsky–Trofimov
// prior): when every held-out purchase happened to be foreseen, the likelihood alone would drive a prior
// to 0 and the confidence shown to 100 %. Priors given in the options are taken as they are.
const PRIOR_RANGE = [0.5, 1e4] as const;

/** Checks the CSR layout and the codes once, so the loops below can trust them. */
function validateSequences(sequences: PurchaseSequences, categoryCount: number): void {
  if (!Number.isInteger(categoryCount) || categoryCount < 1 || categoryCount > MAX_CATEGORIES) {
    throw new Error(`categoryCount must be a whole number from 1 to ${MAX_CATEGORIES}; got ${categoryCount}.`);
  }
  const { offsets, categories } = sequences;
  if (offsets.length < 1 || offsets[0] !== 0) throw new Error('offsets must start with 0 (length customers + 1).');
  for (let i = 1; i < offsets.length; i++) {
    if ((offsets[i] as number) < (offsets[i - 1] as number)) {
      throw new Error(`offsets must not decrease; customer ${i - 1} ends before it starts.`);
    }
  }
  if (offsets[offsets.length - 1] !== categories.length) {
    throw new Error(`The last offset must equal the number of occasions (${categories.length}).`);
  }
  for (let k = 0; k < categories.length; k++) {
    const c = categories[k] as number;
    if (c < 0 || c >= categoryCount) {
      throw new Error(`Occasion ${k} has category ${c}, outside 0 .. ${categoryCount - 1}.`);
    }
  }
}

const customersIn = (sequences: PurchaseSequences) => sequences.offsets.length - 1;

const checkPrior = (name: string, value: number | undefined) => {
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new Error(`${name} must be a finite number > 0; got ${value}.`);
  }
};

/** Counts behind each held-out last occasion, with that occasion removed from every count. */
interface HeldOut {
  /** Pg of the target with the target removed. */
  global: Float64Array;
  /** t(previous → target) − 1 and n(previous) − 1. */
  pair: Float64Array;
  fromPrevious: Float64Array;
  /** The customer's earlier occasions in the target category, and all their earlier occasions. */
  own: Float64Array;
  history: Float64Array;
}

/** Mean log P(target) of the held-out occasions at (w, Kt, Kc). */
function heldOutLogLikelihood(h: HeldOut, w: number, kt: number, kc: number): number {
  const count = h.global.length;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const g = h.global[i] as number;
    const pt = ((h.pair[i] as number) + kt * g) / ((h.fromPrevious[i] as number) + kt);
    const pc = ((h.own[i] as number) + kc * g) / ((h.history[i] as number) + kc);
    total += Math.log(w * pt + (1 - w) * pc);
  }
  return total / count;
}

/**
 * Counts transitions and popularity over all customers and fits w, Kt and Kc. The customers' own counts
 * are not stored (customers × categories would dwarf the rest); they are read from the sequences given
 * to prediction, which also lets a model fitted on yesterday's history score today's.
 */
export function fitCategoryModel(
  sequences: PurchaseSequences,
  categoryCount: number,
  options: CategoryModelOptions = {},
): CategoryModel {
  validateSequences(sequences, categoryCount);
  const alpha = options.globalSmoothing ?? 1;
  checkPrior('globalSmoothing', alpha);
  checkPrior('transitionPrior', options.transitionPrior);
  checkPrior('customerPrior', options.customerPrior);
  const fixedWeight = options.transitionWeight;
  if (fixedWeight !== undefined && !(fixedWeight >= 0 && fixedWeight <= 1)) {
    throw new Error(`transitionWeight must be within [0, 1]; got ${fixedWeight}.`);
  }
  const C = categoryCount;
  const { offsets, categories } = sequences;
  const customers = customersIn(sequences);
  const transitionCounts = new Uint32Array(C * C);
  const transitionTotals = new Uint32Array(C);
  const globalCounts = new Uint32Array(C);
  for (let i = 0; i < customers; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    for (let k = start; k < end; k++) {
      const c = categories[k] as number;
      globalCounts[c] = (globalCounts[c] as number) + 1;
      if (k === start) continue;
      const a = categories[k - 1] as number;
      transitionCounts[a * C + c] = (transitionCounts[a * C + c] as number) + 1;
      transitionTotals[a] = (transitionTotals[a] as number) + 1;
    }
  }
  const total = categories.length;
  const globalProbability = new Float64Array(C);
  for (let c = 0; c < C; c++) globalProbability[c] = ((globalCounts[c] as number) + alpha) / (total + alpha * C);

  // Each customer with two or more occasions predicts their last from the rest, every count
  // excluding that last occasion, so the fit judges the parameters on genuinely unseen purchases.
  const heldOut = {
    global: [] as number[],
    pair: [] as number[],
    fromPrevious: [] as number[],
    own: [] as number[],
    history: [] as number[],
  };
  for (let i = 0; i < customers; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    if (end - start < 2) continue;
    const target = categories[end - 1] as number;
    const previous = categories[end - 2] as number;
    heldOut.global.push(((globalCounts[target] as number) - 1 + alpha) / (total - 1 + alpha * C));
    heldOut.pair.push((transitionCounts[previous * C + target] as number) - 1);
    heldOut.fromPrevious.push((transitionTotals[previous] as number) - 1);
    let own = 0;
    for (let k = start; k < end - 1; k++) if (categories[k] === target) own++;
    heldOut.own.push(own);
    heldOut.history.push(end - 1 - start);
  }
  const h: HeldOut = {
    global: Float64Array.from(heldOut.global),
    pair: Float64Array.from(heldOut.pair),
    fromPrevious: Float64Array.from(heldOut.fromPrevious),
    own: Float64Array.from(heldOut.own),
    history: Float64Array.from(heldOut.history),
  };
  const heldOutCustomers = h.global.length;

  let transitionWeight = fixedWeight ?? 0.5;
  let transitionPrior = options.transitionPrior ?? 1;
  let customerPrior = options.customerPrior ?? 1;
  const fitted: FittedParameter[] = [];
  let fitConverged = true;
  if (heldOutCustomers >= MIN_HELD_OUT) {
    if (fixedWeight === undefined) fitted.push('transitionWeight');
    if (options.transitionPrior === undefined) fitted.push('transitionPrior');
    if (options.customerPrior === undefined) fitted.push('customerPrior');
  }
  if (fitted.length > 0) {
    // Unconstrained coordinates: logit w (clamped so w stays a proper mixture) and log K (clamped to PRIOR_RANGE).
    const clampPrior = (v: number) => Math.min(PRIOR_RANGE[1], Math.max(PRIOR_RANGE[0], Math.exp(v)));
    const weightOf = (u: number) => 1 / (1 + Math.exp(-Math.min(30, Math.max(-30, u))));
    const unpack = (x: readonly number[]) => {
      let k = 0;
      const w = fitted.includes('transitionWeight') ? weightOf(x[k++] ?? 0) : transitionWeight;
      const kt = fitted.includes('transitionPrior') ? clampPrior(x[k++] ?? 0) : transitionPrior;
      const kc = fitted.includes('customerPrior') ? clampPrior(x[k++] ?? 0) : customerPrior;
      return { w, kt, kc };
    };
    const result = nelderMead(
      (x) => {
        const { w, kt, kc } = unpack(x);
        return -heldOutLogLikelihood(h, w, kt, kc);
      },
      fitted.map(() => 0),
      { tolerance: 1e-12, maxIterations: 2000, initialStep: 1 },
    );
    ({ w: transitionWeight, kt: transitionPrior, kc: customerPrior } = unpack(result.x));
    fitConverged = result.converged;
  }

  return {
    categoryCount: C,
    transitionCounts,
    transitionTotals,
    globalCounts,
    globalProbability,
    transitionWeight,
    transitionPrior,
    customerPrior,
    globalSmoothing: alpha,
    fitted,
    fitConverged,
    heldOutCustomers,
    heldOutLogLikelihood:
      heldOutCustomers > 0 ? heldOutLogLikelihood(h, transitionWeight, transitionPrior, customerPrior) : NaN,
  };
}

/** Writes customer i's full next-category distribution into `out`; `own` is zeroed scratch, left zeroed. */
function distributionInto(
  model: CategoryModel,
  sequences: PurchaseSequences,
  i: number,
  out: Float64Array,
  own: Uint32Array,
): void {
  const C = model.categoryCount;
  const start = sequences.offsets[i] as number;
  const end = sequences.offsets[i + 1] as number;
  const pg = model.globalProbability;
  if (end === start) {
    out.set(pg);
    return;
  }
  for (let k = start; k < end; k++) {
    const c = sequences.categories[k] as number;
    own[c] = (own[c] as number) + 1;
  }
  const m = end - start;
  const last = sequences.categories[end - 1] as number;
  const n = model.transitionTotals[last] as number;
  const { transitionWeight: w, transitionPrior: kt, customerPrior: kc } = model;
  const row = last * C;
  for (let c = 0; c < C; c++) {
    const g = pg[c] as number;
    const transition = ((model.transitionCounts[row + c] as number) + kt * g) / (n + kt);
    const customer = ((own[c] as number) + kc * g) / (m + kc);
    out[c] = w * transition + (1 - w) * customer;
  }
  for (let k = start; k < end; k++) own[sequences.categories[k] as number] = 0;
}

const checkAgainstModel = (model: CategoryModel, sequences: PurchaseSequences) =>
  validateSequences(sequences, model.categoryCount);

/** Customer i's probability for every category (sums to 1), for inspection and explanations. */
export function categoryDistribution(
  model: CategoryModel,
  sequences: PurchaseSequences,
  customerIndex: number,
): Float64Array {
  checkAgainstModel(model, sequences);
  const customers = customersIn(sequences);
  if (!Number.isInteger(customerIndex) || customerIndex < 0 || customerIndex >= customers) {
    throw new Error(`Customer ${customerIndex} is outside 0 .. ${customers - 1}.`);
  }
  const out = new Float64Array(model.categoryCount);
  distributionInto(model, sequences, customerIndex, out, new Uint32Array(model.categoryCount));
  return out;
}

/** Up to three categories in order; better = higher score, then more globally popular, then lower code. */
function topThree(score: ArrayLike<number>, popularity: ArrayLike<number>, into: Int32Array, at: number): void {
  const better = (a: number, b: number) =>
    (score[a] as number) > (score[b] as number) ||
    (score[a] === score[b] &&
      ((popularity[a] as number) > (popularity[b] as number) || (popularity[a] === popularity[b] && a < b)));
  let first = -1;
  let second = -1;
  let third = -1;
  for (let c = 0; c < score.length; c++) {
    if (first < 0 || better(c, first)) {
      third = second;
      second = first;
      first = c;
    } else if (second < 0 || better(c, second)) {
      third = second;
      second = c;
    } else if (third < 0 || better(c, third)) {
      third = c;
    }
  }
  into[at] = first;
  into[at + 1] = second;
  into[at + 2] = third;
}

export interface NextCategoryPrediction {
  /** Most likely next category per customer. */
  top: Int32Array;
  /** Its probability: the confidence the app shows. */
  topProbability: Float64Array;
  /** Three per customer, most likely first; −1 where there are fewer than three categories. */
  top3: Int32Array;
}

/** The most likely next categories for every customer; a customer with no occasions gets global popularity. */
export function predictNextCategory(model: CategoryModel, sequences: PurchaseSequences): NextCategoryPrediction {
  checkAgainstModel(model, sequences);
  const customers = customersIn(sequences);
  const C = model.categoryCount;
  const top = new Int32Array(customers);
  const topProbability = new Float64Array(customers);
  const top3 = new Int32Array(customers * 3);
  const distribution = new Float64Array(C);
  const own = new Uint32Array(C);
  for (let i = 0; i < customers; i++) {
    distributionInto(model, sequences, i, distribution, own);
    topThree(distribution, model.globalCounts, top3, i * 3);
    const best = top3[i * 3] as number;
    top[i] = best;
    topProbability[i] = distribution[best] as number;
  }
  return { top, topProbability, top3 };
}

/**
 * The baseline the model must beat: each customer's own most frequent category (ties: the one bought
 * most recently), top3 filled up from global popularity; customers with no occasions get global
 * popularity (ties: lower code).
 */
export function mostFrequentCategoryBaseline(
  sequences: PurchaseSequences,
  categoryCount: number,
): { top: Int32Array; top3: Int32Array } {
  validateSequences(sequences, categoryCount);
  const C = categoryCount;
  const { offsets, categories } = sequences;
  const customers = customersIn(sequences);
  const globalCounts = new Float64Array(C);
  for (const c of categories) globalCounts[c] = (globalCounts[c] as number) + 1;
  const globalOrder = new Int32Array(3);
  // Ties on an equal global count fall to the lower code, which topThree does with an all-zero popularity.
  topThree(globalCounts, new Float64Array(C), globalOrder, 0);
  const top = new Int32Array(customers);
  const top3 = new Int32Array(customers * 3);
  const own = new Float64Array(C);
  const lastSeen = new Float64Array(C);
  const picked = new Int32Array(3);
  for (let i = 0; i < customers; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    for (let k = start; k < end; k++) {
      const c = categories[k] as number;
      own[c] = (own[c] as number) + 1;
      lastSeen[c] = k - start + 1;
    }
    // Customer's own categories by count, then recency; global popularity fills what is left.
    topThree(own, lastSeen, picked, 0);
    let slot = 0;
    for (; slot < 3 && (picked[slot] as number) >= 0 && (own[picked[slot] as number] as number) > 0; slot++) {
      top3[i * 3 + slot] = picked[slot] as number;
    }
    for (let g = 0; slot < 3 && g < 3; g++) {
      const c = globalOrder[g] as number;
      let taken = c < 0;
      for (let s = 0; s < slot; s++) if (top3[i * 3 + s] === c) taken = true;
      if (!taken) top3[i * 3 + slot++] = c;
    }
    while (slot < 3) top3[i * 3 + slot++] = -1;
    top[i] = top3[i * 3] as number;
    for (let k = start; k < end; k++) {
      own[categories[k] as number] = 0;
      lastSeen[categories[k] as number] = 0;
    }
  }
  return { top, top3 };
}

/**
 * Share of customers whose held-out purchase was the first guess (top1) or among the three (top3).
 * Customers with actual −1 have no held-out purchase and are skipped; rates are NaN when none remain.
 */
export function topKAccuracy(
  predTop3: Int32Array,
  actual: Int32Array,
): { customers: number; top1: number; top3: number } {
  if (predTop3.length !== actual.length * 3) {
    throw new Error(`predTop3 needs 3 entries per customer: ${actual.length * 3}, got ${predTop3.length}.`);
  }
  let customers = 0;
  let first = 0;
  let anyOfThree = 0;
  for (let i = 0; i < actual.length; i++) {
    const target = actual[i] as number;
    if (target < 0) continue;
    customers++;
    if (predTop3[i * 3] === target) first++;
    if (predTop3[i * 3] === target || predTop3[i * 3 + 1] === target || predTop3[i * 3 + 2] === target) anyOfThree++;
  }
  return { customers, top1: first / customers, top3: anyOfThree / customers };
}
