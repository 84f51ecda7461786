// Customers simulated from a known buy-till-you-die process (gamma buying rates; drop-out as BG/NBD
// tells it, after each repeat purchase with a beta probability, as MBG/NBD, after each purchase the first
// included, or as Pareto/NBD, at an exponential time with a gamma rate, or not at all) with gamma-gamma
// spend, as summary columns the prediction job takes.

import { mulberry32 } from '../../../../src/analytics/random';
import type { CustomerSummaryColumns } from '../../../../src/analytics/predictions/predictionInput';

/** Marsaglia–Tsang gamma(shape, 1) with the shape < 1 boost. */
function gammaSampler(random: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const sample = (shape: number): number => {
    if (shape < 1) return sample(shape + 1) * Math.pow(random(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return sample;
}

export interface SimulationSpec {
  customers: number;
  r: number;
  alpha: number;
  /** BG/NBD's (and MBG/NBD's) drop-out probability Beta(a, b). */
  a: number;
  b: number;
  /** How customers drop out (default BG/NBD); Pareto/NBD's rate is Gamma(s, β). */
  story?: 'bg-nbd' | 'mbg-nbd' | { pareto: { s: number; beta: number } } | 'never';
  /** Observation length per customer (model units); customers get T spread evenly over [T/2, T]. */
  T: number;
  seed: number;
  spend?: { p: number; q: number; gamma: number };
}

/** Summary columns for simulated customers (holdout_transactions counts purchases in (T, T + holdout]). */
export function simulateBgNbd(spec: SimulationSpec, holdout = 0): CustomerSummaryColumns {
  const random = mulberry32(spec.seed);
  const gamma = gammaSampler(random);
  const n = spec.customers;
  const s: CustomerSummaryColumns = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    mean_repeat_spend: new Float64Array(n).fill(NaN),
    mean_spend: new Float64Array(n),
    recency_days: new Float64Array(n),
    first_offset_days: new Float64Array(n),
    holdout_transactions: new Float64Array(n),
    horizon_transactions: new Float64Array(n),
  };
  const story = spec.story ?? 'bg-nbd';
  for (let i = 0; i < n; i++) {
    const T = spec.T * (0.5 + (0.5 * i) / n);
    const lambda = gamma(spec.r) / spec.alpha;
    const g1 = gamma(spec.a);
    const dropout = story === 'never' || typeof story === 'object' ? 0 : g1 / (g1 + gamma(spec.b));
    // Pareto/NBD: alive until an exponential time; the others until a drop-out coin comes up.
    const lifetime =
      typeof story === 'object' ? -Math.log(1 - random()) / (gamma(story.pareto.s) / story.pareto.beta) : Infinity;
    const goneAtStart = story === 'mbg-nbd' && random() < dropout;
    const nu = spec.spend ? gamma(spec.spend.q) / spec.spend.gamma : 0;
    let t = 0;
    let x = 0;
    let last = 0;
    let later = 0;
    let spendSum = 0;
    const firstSpend = spec.spend ? gamma(spec.spend.p) / nu : 1;
    // BG/NBD: no drop-out at the first purchase; after each repeat purchase, drop-out with probability p.
    for (;;) {
      if (goneAtStart) break;
      t += -Math.log(1 - random()) / lambda;
      if (t > T + holdout || t > lifetime) break;
      if (t <= T) {
        x++;
        last = t;
        if (spec.spend) spendSum += gamma(spec.spend.p) / nu;
      } else later++;
      if (random() < dropout) break;
    }
    s.x[i] = x;
    s.tx[i] = last;
    s.T[i] = T;
    s.mean_repeat_spend[i] = x > 0 ? (spec.spend ? spendSum / x : 1) : NaN;
    s.mean_spend[i] = (firstSpend + spendSum) / (x + 1);
    s.recency_days[i] = T - last;
    s.first_offset_days[i] = Math.round(spec.T - T);
    s.holdout_transactions[i] = later;
    s.horizon_transactions[i] = later;
  }
  return s;
}
