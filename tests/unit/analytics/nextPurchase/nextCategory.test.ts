// Next purchase category: a distribution worked by hand, a deterministic transition the frequency
// baseline misses, back-off for empty customers, the fitted weight against a brute-force grid, and
// seeded simulations where transitions (or habits) drive purchases.

import { describe, expect, it } from 'vitest';
import {
  categoryDistribution,
  fitCategoryModel,
  mostFrequentCategoryBaseline,
  predictNextCategory,
  MIN_HELD_OUT,
  topKAccuracy,
  type PurchaseSequences,
} from '../../../../src/analytics/nextPurchase/nextCategory';
import { mulberry32 } from '../../../../src/analytics/random';

/** CSR sequences from one array of category codes per customer. */
function sequencesOf(customers: readonly (readonly number[])[]): PurchaseSequences {
  const offsets = new Int32Array(customers.length + 1);
  customers.forEach((c, i) => (offsets[i + 1] = (offsets[i] ?? 0) + c.length));
  return { offsets, categories: Int32Array.from(customers.flat()) };
}

/** Every customer's history without its last occasion, and that occasion (−1 when there is none). */
function holdOutLast(customers: readonly (readonly number[])[]) {
  return {
    training: sequencesOf(customers.map((c) => c.slice(0, -1))),
    actual: Int32Array.from(customers, (c) => (c.length > 0 ? (c[c.length - 1] ?? -1) : -1)),
  };
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('categoryDistribution, worked by hand', () => {
  // Customers [0, 1], [0, 1], [0]; 3 categories; α = 1, w = ½, Kt = Kc = 1.
  // N = 5, g = (3, 2, 0) → Pg = (4, 3, 1) / 8. Transitions: 0→1 twice, so n_0 = 2.
  // Customer 2 (last 0; m = 1, own = (1, 0, 0)):
  //   Pt = ((0 + ½) / 3, (2 + 3/8) / 3, (1/8) / 3) = (1/6, 19/24, 1/24)
  //   Pc = ((1 + ½) / 2, (3/8) / 2, (1/8) / 2)     = (3/4, 3/16, 1/16)
  //   P  = ½ (Pt + Pc)                               = (44, 47, 5) / 96
  const sequences = sequencesOf([[0, 1], [0, 1], [0]]);
  const model = fitCategoryModel(sequences, 3, { transitionWeight: 0.5, transitionPrior: 1, customerPrior: 1 });

  it('smooths global popularity additively and counts transitions', () => {
    expect(Array.from(model.globalProbability)).toEqual([0.5, 0.375, 0.125]);
    expect(Array.from(model.globalCounts)).toEqual([3, 2, 0]);
    expect(Array.from(model.transitionTotals)).toEqual([2, 0, 0]);
    expect(Array.from(model.transitionCounts)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(model.fitted).toEqual([]);
  });

  it('mixes the smoothed transition and customer sources', () => {
    const p = categoryDistribution(model, sequences, 2);
    [44 / 96, 47 / 96, 5 / 96].forEach((expected, c) => expect(p[c]).toBeCloseTo(expected, 14));
  });

  it('predicts the top category with that probability, and the full top 3', () => {
    const prediction = predictNextCategory(model, sequences);
    expect(prediction.top[2]).toBe(1);
    expect(prediction.topProbability[2]).toBeCloseTo(47 / 96, 14);
    expect(Array.from(prediction.top3.subarray(6, 9))).toEqual([1, 0, 2]);
  });

  it('scores the held-out last occasions with each one removed from the counts', () => {
    // Customer 0's last (1 after 0), itself removed: Pg(1) = (1 + 1)/(4 + 3) = 2/7, one 0→1 left:
    // Pt = (1 + 2/7) / 2 = 9/14; their history [0]: Pc = (0 + 2/7) / 2 = 1/7; P = ½ (9/14 + 2/14) = 11/28.
    // Customer 1 is the same; customer 2 has one occasion and holds nothing out.
    expect(model.heldOutCustomers).toBe(2);
    expect(model.heldOutLogLikelihood).toBeCloseTo(Math.log(11 / 28), 14);
  });

  it(`with fewer than ${MIN_HELD_OUT} held-out customers, fits nothing and keeps w = ½, Kt = Kc = 1`, () => {
    const defaults = fitCategoryModel(sequences, 3);
    expect(defaults.fitted).toEqual([]);
    expect(defaults.fitConverged).toBe(true);
    expect([defaults.transitionWeight, defaults.transitionPrior, defaults.customerPrior]).toEqual([0.5, 1, 1]);
  });
});

describe('a deterministic transition (A → B always)', () => {
  const [A, B, C] = [0, 1, 2];
  // Twenty customers buy C three times, then A, then always B. The last customer has just bought A.
  const customers = [...Array.from({ length: 20 }, () => [C, C, C, A, B]), [C, C, C, A]];
  const sequences = sequencesOf(customers);
  const model = fitCategoryModel(sequences, 4);
  const target = customers.length - 1;

  it('the model predicts B after A; the frequency baseline says C', () => {
    const prediction = predictNextCategory(model, sequences);
    const baseline = mostFrequentCategoryBaseline(sequences, 4);
    expect(prediction.top[target]).toBe(B);
    expect(prediction.topProbability[target]).toBeGreaterThan(0.9);
    expect(baseline.top[target]).toBe(C);
  });

  it('learns from the held-out last occasions that transitions matter here', () => {
    // All 21 have two or more occasions; the last customer holds out A after C.
    expect(model.heldOutCustomers).toBe(21);
    expect(model.fitted).toEqual(['transitionWeight', 'transitionPrior', 'customerPrior']);
    expect(model.fitConverged).toBe(true);
    expect(model.transitionWeight).toBeGreaterThan(0.9);
  });

  it('still predicts B with an even split between the sources and the default priors', () => {
    const even = fitCategoryModel(sequences, 4, { transitionWeight: 0.5, transitionPrior: 1, customerPrior: 1 });
    expect(predictNextCategory(even, sequences).top[target]).toBe(B);
  });

  it('gives every category — even D, never bought — a probability above 0, summing to 1', () => {
    for (let i = 0; i < customers.length; i++) {
      const p = categoryDistribution(model, sequences, i);
      expect(sum(p)).toBeCloseTo(1, 12);
      for (const value of p) expect(value).toBeGreaterThan(0);
    }
  });
});

describe('customers with no occasions', () => {
  const sequences = sequencesOf([[2, 2, 1], [], [0, 2], []]);
  const model = fitCategoryModel(sequences, 3);

  it('get global popularity exactly', () => {
    expect(categoryDistribution(model, sequences, 1)).toEqual(model.globalProbability);
    const prediction = predictNextCategory(model, sequences);
    expect(prediction.top[1]).toBe(2);
    expect(prediction.topProbability[1]).toBe(model.globalProbability[2]);
    // Global counts (1, 1, 3): ties between 0 and 1 fall to the lower code.
    expect(Array.from(prediction.top3.subarray(3, 6))).toEqual([2, 0, 1]);
    expect(Array.from(prediction.top3.subarray(9, 12))).toEqual([2, 0, 1]);
  });

  it('the baseline also falls back to the global order', () => {
    const baseline = mostFrequentCategoryBaseline(sequences, 3);
    expect(baseline.top[3]).toBe(2);
    expect(Array.from(baseline.top3.subarray(9, 12))).toEqual([2, 0, 1]);
  });

  it('a history with no customers at all is uniform', () => {
    const empty = sequencesOf([[], []]);
    const flat = fitCategoryModel(empty, 4);
    expect(Array.from(flat.globalProbability)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(flat.heldOutCustomers).toBe(0);
    expect(flat.transitionWeight).toBe(0.5);
    expect(Array.from(predictNextCategory(flat, empty).top3)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('fewer than three categories leave −1 in top3', () => {
    const two = sequencesOf([[0, 1, 1], []]);
    expect(Array.from(predictNextCategory(fitCategoryModel(two, 2), two).top3)).toEqual([1, 0, -1, 1, 0, -1]);
    expect(Array.from(mostFrequentCategoryBaseline(two, 2).top3)).toEqual([1, 0, -1, 1, 0, -1]);
  });
});

describe('mostFrequentCategoryBaseline', () => {
  it.each([
    ['the most frequent wins', [1, 2, 2, 0], [2, 0, 1]],
    ['a tie goes to the most recent of the tied', [0, 1, 1, 0], [0, 1, 3]],
    ['the other way round', [1, 0, 0, 1], [1, 0, 3]],
    ['one category, then global popularity fills the rest', [2], [2, 3, 0]],
    ['the customer’s pick is skipped in the global fill', [3], [3, 0, 1]],
  ])('%s', (_name, history, expected) => {
    // Global counts come from all customers: the filler makes 3 the most popular, then 0, then 1.
    const filler = [3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 1, 1, 1];
    const sequences = sequencesOf([history, filler]);
    expect(Array.from(mostFrequentCategoryBaseline(sequences, 4).top3.subarray(0, 3))).toEqual(expected);
  });
});

describe('topKAccuracy', () => {
  it('counts hits among customers with a held-out purchase', () => {
    const top3 = Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2);
    // Customer 0: top-1 hit; 1: in top 3; 2: no holdout; 3: miss.
    const actual = Int32Array.of(1, 6, -1, 5);
    expect(topKAccuracy(top3, actual)).toEqual({ customers: 3, top1: 1 / 3, top3: 2 / 3 });
  });

  it('has NaN rates when nobody has a held-out purchase, and checks the lengths', () => {
    const result = topKAccuracy(Int32Array.of(1, 2, 3), Int32Array.of(-1));
    expect(result.customers).toBe(0);
    expect(result.top1).toBeNaN();
    expect(result.top3).toBeNaN();
    expect(() => topKAccuracy(Int32Array.of(1, 2), Int32Array.of(1))).toThrow(/3 entries per customer/);
  });
});

describe('the fitted parameters', () => {
  const random = mulberry32(99);
  const customers = Array.from({ length: 40 }, (_, i) => {
    const favourite = i % 3;
    return Array.from({ length: 2 + Math.floor(random() * 5) }, (_, k) =>
      random() < 0.5 ? favourite : (favourite + k) % 4,
    );
  });
  const sequences = sequencesOf(customers);
  const fixed = (transitionWeight: number, transitionPrior: number, customerPrior: number) =>
    fitCategoryModel(sequences, 4, { transitionWeight, transitionPrior, customerPrior });

  it('the held-out likelihood is a true leave-one-out: refitting without each last occasion agrees', () => {
    // Leaving one customer's last occasion out is the same as fitting on data without it, so the
    // held-out likelihood can be rebuilt from the public functions alone.
    const [w, kt, kc] = [0.3, 2, 0.7];
    let total = 0;
    let count = 0;
    customers.forEach((history, i) => {
      if (history.length < 2) return;
      const rest = sequencesOf(customers.map((c, j) => (j === i ? c.slice(0, -1) : c)));
      const model = fitCategoryModel(rest, 4, { transitionWeight: w, transitionPrior: kt, customerPrior: kc });
      total += Math.log(categoryDistribution(model, rest, i)[history[history.length - 1] ?? 0] ?? NaN);
      count++;
    });
    const model = fixed(w, kt, kc);
    expect(model.heldOutCustomers).toBe(count);
    expect(model.heldOutLogLikelihood).toBeCloseTo(total / count, 12);
  });

  it('beat every point of a brute-force grid over w, Kt and Kc', () => {
    const fitted = fitCategoryModel(sequences, 4);
    expect(fitted.fitted).toHaveLength(3);
    expect(fitted.fitConverged).toBe(true);
    let best = -Infinity;
    for (let step = 0; step <= 20; step++) {
      const w = step / 20;
      for (const kt of [0.5, 1, 3, 10, 100, 1000]) {
        for (const kc of [0.5, 1, 3, 10, 100, 1000]) best = Math.max(best, fixed(w, kt, kc).heldOutLogLikelihood);
      }
    }
    expect(fitted.heldOutLogLikelihood).toBeGreaterThanOrEqual(best - 1e-9);
    // And it is the likelihood at the parameters it reports.
    const { transitionWeight, transitionPrior, customerPrior } = fitted;
    expect(fixed(transitionWeight, transitionPrior, customerPrior).heldOutLogLikelihood).toBeCloseTo(
      fitted.heldOutLogLikelihood,
      12,
    );
  });

  it('fits only what is not given', () => {
    const partly = fitCategoryModel(sequences, 4, { customerPrior: 2 });
    expect(partly.fitted).toEqual(['transitionWeight', 'transitionPrior']);
    expect(partly.customerPrior).toBe(2);
  });
});

describe('seeded simulations, last occasion held out', () => {
  const categoryCount = 6;

  /** Sequences of 4–12 occasions each, the next category drawn by `next(previous, customer)`. */
  function simulate(seed: number, next: (previous: number, customer: number, random: () => number) => number) {
    const random = mulberry32(seed);
    return Array.from({ length: 600 }, (_, customer) => {
      const length = 4 + Math.floor(random() * 9);
      const history = [Math.floor(random() * categoryCount)];
      while (history.length < length) history.push(next(history[history.length - 1] ?? 0, customer, random));
      return history;
    });
  }
  const anyOther = (previous: number, random: () => number) =>
    (previous + 1 + Math.floor(random() * (categoryCount - 1))) % categoryCount;

  function evaluate(customers: number[][]) {
    const { training, actual } = holdOutLast(customers);
    const model = fitCategoryModel(training, categoryCount);
    const prediction = predictNextCategory(model, training);
    const baseline = mostFrequentCategoryBaseline(training, categoryCount);
    return {
      model,
      prediction,
      modelAccuracy: topKAccuracy(prediction.top3, actual),
      baselineAccuracy: topKAccuracy(baseline.top3, actual),
    };
  }

  it('Markov chain (70 % to the next category in a cycle): the model beats the baseline in top-1', () => {
    const { model, prediction, modelAccuracy, baselineAccuracy } = evaluate(
      simulate(1, (previous, _customer, random) =>
        random() < 0.7 ? (previous + 1) % categoryCount : anyOther(previous, random),
      ),
    );
    expect(modelAccuracy.customers).toBe(600);
    expect(model.fitConverged).toBe(true);
    expect(model.transitionWeight).toBeGreaterThan(0.8);
    // The best possible top-1 is 0.7 + 0.3/5 = 0.76; the baseline is near chance (1/6).
    expect(modelAccuracy.top1).toBeGreaterThan(0.65);
    expect(baselineAccuracy.top1).toBeLessThan(0.35);
    expect(modelAccuracy.top1 - baselineAccuracy.top1).toBeGreaterThan(0.3);
    expect(modelAccuracy.top3).toBeGreaterThanOrEqual(modelAccuracy.top1);
    // The confidence shown is calibrated: mean top probability ≈ the observed hit rate.
    expect(Math.abs(sum(prediction.topProbability) / 600 - modelAccuracy.top1)).toBeLessThan(0.06);
  });

  it('habits without sequence (each customer has a favourite): the weight moves to the customer', () => {
    const { model, prediction, modelAccuracy, baselineAccuracy } = evaluate(
      simulate(2, (_previous, customer, random) =>
        random() < 0.6 ? customer % categoryCount : Math.floor(random() * categoryCount),
      ),
    );
    expect(model.transitionWeight).toBeLessThan(0.3);
    // Nothing to gain over the baseline here, but nothing lost either.
    expect(modelAccuracy.top1).toBeGreaterThan(baselineAccuracy.top1 - 0.03);
    // A known limit: one prior size for all customers cannot say "one favourite, the rest flat", so
    // short histories are shrunk hard and the confidence is conservative (≈ 0.45 shown, 0.60 observed).
    // Pinned so a change that made it overconfident would be noticed.
    expect(sum(prediction.topProbability) / 600).toBeLessThan(modelAccuracy.top1);
  });

  it('every distribution sums to 1 and the model survives structured cloning', () => {
    const customers = simulate(3, (previous, _customer, random) =>
      random() < 0.5 ? previous : anyOther(previous, random),
    );
    const sequences = sequencesOf(customers);
    const model = fitCategoryModel(sequences, categoryCount);
    const copy = structuredClone(model);
    expect(copy).toEqual(model);
    const prediction = predictNextCategory(copy, sequences);
    customers.forEach((_, i) => {
      const p = categoryDistribution(model, sequences, i);
      expect(sum(p)).toBeCloseTo(1, 12);
      expect(prediction.topProbability[i]).toBe(Math.max(...p));
    });
  });
});

describe('input checks', () => {
  const ok = sequencesOf([[0, 1], [2]]);
  it.each([
    [
      'offsets not starting at 0',
      () => fitCategoryModel({ offsets: Int32Array.of(1, 2), categories: Int32Array.of(0, 1) }, 3),
      /start with 0/,
    ],
    [
      'decreasing offsets',
      () => fitCategoryModel({ offsets: Int32Array.of(0, 2, 1, 3), categories: Int32Array.of(0, 1, 2) }, 3),
      /must not decrease/,
    ],
    [
      'a last offset that misses occasions',
      () => fitCategoryModel({ offsets: Int32Array.of(0, 2), categories: Int32Array.of(0, 1, 2) }, 3),
      /last offset/,
    ],
    ['a category code out of range', () => fitCategoryModel(ok, 2), /Occasion 2 has category 2/],
    [
      'a negative category code',
      () => fitCategoryModel({ offsets: Int32Array.of(0, 1), categories: Int32Array.of(-1) }, 2),
      /category -1/,
    ],
    ['too many categories', () => fitCategoryModel(ok, 100_000), /categoryCount must be/],
    ['a transition weight above 1', () => fitCategoryModel(ok, 3, { transitionWeight: 1.5 }), /transitionWeight/],
    ['no smoothing', () => fitCategoryModel(ok, 3, { globalSmoothing: 0 }), /globalSmoothing/],
    ['a zero prior', () => fitCategoryModel(ok, 3, { customerPrior: 0 }), /customerPrior must be/],
    ['an infinite prior', () => fitCategoryModel(ok, 3, { transitionPrior: Infinity }), /transitionPrior must be/],
    ['a customer index out of range', () => categoryDistribution(fitCategoryModel(ok, 3), ok, 2), /Customer 2/],
    [
      'sequences with codes the model does not know',
      () => predictNextCategory(fitCategoryModel(ok, 3), sequencesOf([[5]])),
      /category 5/,
    ],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
