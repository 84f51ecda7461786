// The per-customer repeat-purchase summary every buy-till-you-die model is fitted on (x repeat purchases,
// recency t_x, age T), and its grouped form: a fit evaluates the likelihood hundreds of times, and
// customers with the same (x, t_x, T) contribute the same term, so they are merged with a weight.

export interface RepeatSummary {
  /** Repeat purchases (purchase periods after the first). */
  x: ArrayLike<number>;
  /** Time of the last purchase since the first, in the model's unit. */
  tx: ArrayLike<number>;
  /** Time from the first purchase to the end of the observation, in the same unit. */
  T: ArrayLike<number>;
}

/**
 * Customers grouped for fast likelihoods: identical (x, t_x, T) merged with a weight, sorted by x, with
 * the start of each x's run, since the gamma and beta terms depend on a customer only through x.
 */
export interface GroupedSummary {
  xs: number[];
  /** Customers of xs[g] are rows starts[g] … starts[g + 1] − 1. */
  starts: number[];
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Customers in all (the sum of the weights). */
  customers: number;
}

/** Merges identical customers of a summary and orders them by x. */
export function groupSummary(data: RepeatSummary): GroupedSummary {
  const rows = new Map<string, { x: number; tx: number; T: number; weight: number }>();
  for (let i = 0; i < data.x.length; i++) {
    const x = Number(data.x[i]);
    const tx = Number(data.tx[i]);
    const T = Number(data.T[i]);
    const key = `${x}|${tx}|${T}`;
    const row = rows.get(key);
    if (row) row.weight++;
    else rows.set(key, { x, tx, T, weight: 1 });
  }
  const sorted = [...rows.values()].sort((p, q) => p.x - q.x);
  const xs: number[] = [];
  const starts: number[] = [];
  sorted.forEach((row, i) => {
    if (xs.at(-1) !== row.x) {
      xs.push(row.x);
      starts.push(i);
    }
  });
  starts.push(sorted.length);
  return {
    xs,
    starts,
    tx: Float64Array.from(sorted, (r) => r.tx),
    T: Float64Array.from(sorted, (r) => r.T),
    weight: Float64Array.from(sorted, (r) => r.weight),
    customers: data.x.length,
  };
}

/** Σ weight · f(x, t_x, T) over a grouped summary, with `perX` computed once per distinct x. */
export function sumOverGroups<C>(
  g: GroupedSummary,
  perX: (x: number) => C,
  term: (common: C, x: number, tx: number, T: number) => number,
): number {
  let total = 0;
  for (let k = 0; k < g.xs.length; k++) {
    const x = g.xs[k] as number;
    const common = perX(x);
    const end = g.starts[k + 1] as number;
    for (let i = g.starts[k] as number; i < end; i++) {
      total += (g.weight[i] as number) * term(common, x, g.tx[i] as number, g.T[i] as number);
    }
  }
  return total;
}

/** Throws unless the summary is one a model can score: forecasts are shown, so garbage must not pass as a number. */
export function checkCustomerSummary(model: string, t: number, x: number, tx: number, T: number): void {
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`${model}: horizon t must be finite and ≥ 0, got ${t}`);
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`${model}: x must be finite and ≥ 0, got ${x}`);
  if (!(tx >= 0) || !(T >= tx) || !Number.isFinite(T)) {
    throw new RangeError(`${model}: need 0 ≤ t_x ≤ T < ∞, got t_x ${tx}, T ${T}`);
  }
}

/** log(e^u + e^v) without overflow. */
export function logSumExp(u: number, v: number): number {
  const m = Math.max(u, v);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}
