// Seeded random numbers for the demo-data generator: a 32-bit PRNG plus the few distributions the generator
// samples from. Everything takes the generator as an argument, so one seed reproduces a whole data set.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data (not for cryptography). */
export function mulberry32(seed: number): Rng {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed, so per-customer streams are independent yet reproducible. */
export function hashSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part | 0), 0x01000193);
    // murmur3's finaliser spreads every input bit over the whole word
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** A uniform number in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** A uniform integer in [min, maxInclusive]. */
export function randomInt(rng: Rng, min: number, maxInclusive: number): number {
  return min + Math.floor(rng() * (maxInclusive - min + 1));
}

/** True with probability `probability`. */
export function bernoulli(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

/** A normal draw by Box–Muller; the second value is dropped to keep the function stateless. */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  const u2 = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A log-normal draw: exp of a normal with the given log-scale mean and sd. */
export function lognormal(rng: Rng, logMean: number, logSd: number): number {
  return Math.exp(normal(rng, logMean, logSd));
}

/** An exponential waiting time with the given rate (mean 1 / rate). */
export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng()) / rate;
}

/** A gamma draw (Marsaglia–Tsang); shapes below 1 use the u^(1/shape) boost. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (shape < 1) {
    const boost = Math.pow(1 - rng(), 1 / shape);
    return gamma(rng, shape + 1, scale) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** A beta draw from two gammas. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x + y === 0 ? 0 : x / (x + y);
}

/** log Γ(x) for x > 0 (Lanczos, g = 7), needed by the large-mean Poisson sampler. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** A Poisson count: Knuth's product method for small means, Hörmann's PTRS rejection for large ones. */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 12) {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = rng();
    while (product > limit) {
      count++;
      product *= rng();
    }
    return count;
  }
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) {
      return k;
    }
  }
}

/** Running totals of weights, the lookup table for `sampleIndex`. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i] ?? 0);
    totals[i] = total;
  }
  return totals;
}

/** The first index whose running total exceeds `target` (binary search, so large tables stay cheap). */
export function searchCumulative(totals: Float64Array, target: number): number {
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((totals[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** An index drawn in proportion to the weights behind `totals` (from `cumulativeWeights`). */
export function sampleIndex(rng: Rng, totals: Float64Array): number {
  const total = totals[totals.length - 1] ?? 0;
  return searchCumulative(totals, rng() * total);
}

/** One item drawn in proportion to its weight; for repeated draws prefer `weightedSampler`. */
export function weightedChoice<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const item = items[sampleIndex(rng, cumulativeWeights(weights))];
  if (item === undefined) throw new Error('weightedChoice needs at least one item');
  return item;
}

/** A reusable weighted draw: the running totals are built once, each draw is a binary search. */
export function weightedSampler<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new Error('weightedSampler needs as many weights as items, and at least one');
  }
  const totals = cumulativeWeights(weights);
  return (rng) => items[sampleIndex(rng, totals)] as T;
}
