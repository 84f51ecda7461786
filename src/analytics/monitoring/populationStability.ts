// Population stability index (PSI), the credit-scoring measure of how far a feature's distribution has
// moved from the one a model was fitted on: bin the fit's values at its deciles, share the new values
// into the same bins, and sum (new − old) · ln(new / old). The conventional reading (Siddiqi, "Credit
// Risk Scorecards", 2006): below 0.1 no real change, 0.1 to 0.25 a moderate shift worth watching, 0.25
// or more a major shift: the model no longer describes the data and should be refitted.

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
const DEFAULT_BINS = 10;

/** A share this small stands in for an empty bin, which would make ln(new / old) infinite. */
const EMPTY_SHARE = 1e-4;

/** One feature's distribution at a fit: bin i holds values ≤ edges[i] (and > edges[i − 1]); the last bin the rest. */
export interface FeatureBins {
  feature: string;
  /** Upper edges of every bin but the last, ascending and distinct. */
  edges: number[];
  /** Share of the values in each bin (edges.length + 1 of them, summing to 1). */
  shares: number[];
  /** Values binned (NaN values are left out). */
  count: number;
}

export type DriftLevel = 'stable' | 'moderate' | 'major';

export interface FeatureDrift {
  feature: string;
  psi: number;
  level: DriftLevel;
}

export const driftLevel = (psi: number): DriftLevel =>
  psi >= PSI_MAJOR ? 'major' : psi >= PSI_MODERATE ? 'moderate' : 'stable';

const finiteSorted = (values: ArrayLike<number>): Float64Array => {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) kept.push(v);
  }
  return Float64Array.from(kept).sort();
};

/** Share of `values` in each bin below, between and above `edges`. */
export function binShares(values: ArrayLike<number>, edges: readonly number[]): { shares: number[]; count: number } {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    // binary search: the first edge ≥ v
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
    count++;
  }
  return { shares: counts.map((c) => (count > 0 ? c / count : 0)), count };
}

/**
 * Bins at the values' quantiles. Discrete features (repeat purchases, mostly 0 and 1) repeat a quantile
 * many times; repeated edges are merged, so such a feature has fewer, fuller bins.
 */
export function featureBins(feature: string, values: ArrayLike<number>, bins = DEFAULT_BINS): FeatureBins {
  const sorted = finiteSorted(values);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    if (sorted.length === 0) break;
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / bins))] as number;
    // an edge at the maximum would leave the last bin empty by construction
    if (edge < (sorted[sorted.length - 1] as number) && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return { feature, edges, ...binShares(sorted, edges) };
}

/** PSI of `actual` shares against `expected` shares over the same bins. */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new Error('PSI needs the same bins on both sides.');
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] as number, EMPTY_SHARE);
    const a = Math.max(actual[i] as number, EMPTY_SHARE);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** Drift from a fit's distribution of values already counted into its bins (as SQL does it). */
export function featureDriftFromCounts(fitted: FeatureBins, counts: readonly number[]): FeatureDrift {
  const total = counts.reduce((a, c) => a + c, 0);
  const shares = fitted.shares.map((_, i) => (total > 0 ? (counts[i] ?? 0) / total : 0));
  const psi = populationStabilityIndex(fitted.shares, shares);
  return { feature: fitted.feature, psi, level: driftLevel(psi) };
}

/** Drift of `values` from the distribution a fit recorded, binned on the fit's edges. */
export function featureDrift(fitted: FeatureBins, values: ArrayLike<number>): FeatureDrift {
  const psi = populationStabilityIndex(fitted.shares, binShares(values, fitted.edges).shares);
  return { feature: fitted.feature, psi, level: driftLevel(psi) };
}

/** The model inputs watched for drift, as a user reads them. */
export const MODEL_FEATURES = [
  'repeat purchases',
  'days since last purchase',
  'days as a customer',
  'mean spend',
] as const;

interface SummaryLike {
  x: ArrayLike<number>;
  T: ArrayLike<number>;
  recency_days: ArrayLike<number>;
  mean_spend: ArrayLike<number>;
}

/** Each watched feature's values from a per-customer summary (T in the model's unit of `unitDays` days). */
export function modelFeatureValues(summary: SummaryLike, unitDays: number): Record<string, ArrayLike<number>> {
  return {
    'repeat purchases': summary.x,
    'days since last purchase': summary.recency_days,
    'days as a customer': Float64Array.from(summary.T, (t) => t * unitDays),
    'mean spend': summary.mean_spend,
  };
}

/** The distributions to record with a fit. */
export function modelFeatureBins(summary: SummaryLike, unitDays: number): FeatureBins[] {
  const values = modelFeatureValues(summary, unitDays);
  return MODEL_FEATURES.map((f) => featureBins(f, values[f] ?? []));
}

/** Drift of a summary's features from a fit's recorded bins (features the fit did not record are skipped). */
export function modelFeatureDrift(
  fitted: readonly FeatureBins[],
  summary: SummaryLike,
  unitDays: number,
): FeatureDrift[] {
  const values = modelFeatureValues(summary, unitDays);
  return fitted.flatMap((bins) => {
    const v = values[bins.feature];
    return v ? [featureDrift(bins, v)] : [];
  });
}
