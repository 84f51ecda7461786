// Turns feature columns into the matrix k-means sees: transform (signed log), fill missing values,
// clip outliers, drop constant columns and standardise, saying in words what it did to the data.

import { standardise } from './kmeans';
import { segmentationFeature, type FeatureTransform } from './featureCatalog';

/** Input k-means cannot work with; the message is for the user. */
export class SegmentationInputError extends Error {
  override name = 'SegmentationInputError';
}

export interface SelectedFeature {
  column: string;
  transform: FeatureTransform;
}

export interface PreparedFeature extends SelectedFeature {
  /** Mean and population sd of the transformed, clipped values (the standardisation). */
  mean: number;
  sd: number;
  /** Customers without a value, filled with the median. */
  filled: number;
  /** Customers whose value was clipped to the 1st/99th percentile. */
  clipped: number;
}

export interface PreparedMatrix {
  /** One standardised row per customer. */
  rows: number[][];
  features: PreparedFeature[];
  /** Plain-language notes on what was changed or left out. */
  notes: string[];
}

export interface PrepareOptions {
  /** Clip each transformed feature to its 1st and 99th percentile (one huge spender cannot own a segment). */
  winsorise: boolean;
}

/** log(1 + |x|) with the sign kept, so net-negative spend (returns) stays finite and ordered. */
export const signedLog1p = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));

/** The q-quantile of sorted values, linearly interpolated (as numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? NaN;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

const labelOf = (column: string) => segmentationFeature(column)?.label ?? column;

/** Builds the standardised matrix from feature columns (one value per customer, NaN = missing). */
export function prepareFeatures(
  columns: Readonly<Record<string, ArrayLike<number>>>,
  selected: readonly SelectedFeature[],
  options: PrepareOptions,
): PreparedMatrix {
  if (selected.length === 0) throw new SegmentationInputError('Choose at least one feature to segment on.');
  const n = columns[selected[0]?.column ?? '']?.length ?? 0;
  const notes: string[] = [];
  const kept: { feature: SelectedFeature; values: Float64Array; filled: number; clipped: number }[] = [];
  for (const feature of selected) {
    const source = columns[feature.column];
    if (!source) throw new SegmentationInputError(`The feature ${labelOf(feature.column)} is not in this workspace.`);
    const values = Float64Array.from(source, (v) => (feature.transform === 'log' ? signedLog1p(v) : v));
    const finite = values.filter((v) => Number.isFinite(v)).sort();
    if (finite.length === 0) {
      throw new SegmentationInputError(
        `${labelOf(feature.column)} has no value for any customer (is its column mapped?); choose other features.`,
      );
    }
    const median = quantileSorted(finite, 0.5);
    let filled = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i])) {
        values[i] = median;
        filled++;
      }
    }
    if (filled > 0) {
      notes.push(
        `${labelOf(feature.column)}: ${filled} of ${n} customers have no usable value (missing, not a number or infinite); they get the median.`,
      );
    }
    let clipped = 0;
    if (options.winsorise && finite.length >= 100) {
      const low = quantileSorted(finite, 0.01);
      const high = quantileSorted(finite, 0.99);
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? 0;
        if (v < low || v > high) {
          values[i] = v < low ? low : high;
          clipped++;
        }
      }
    }
    const first = values[0] ?? 0;
    if (values.every((v) => v === first)) {
      notes.push(
        `${labelOf(feature.column)} is the same for every customer, so it cannot separate segments: left out.`,
      );
      continue;
    }
    kept.push({ feature, values, filled, clipped });
  }
  if (kept.length === 0) {
    throw new SegmentationInputError(
      'Every chosen feature is the same for all customers, so there is nothing to segment on. Choose other features.',
    );
  }
  const clippedTotal = kept.reduce((s, k) => s + k.clipped, 0);
  if (clippedTotal > 0) {
    notes.push(
      `Outliers were clipped to each feature’s 1st and 99th percentile (${clippedTotal} values), so a few extreme customers cannot form a segment of their own.`,
    );
  }
  const raw = Array.from({ length: n }, (_, i) => kept.map((k) => k.values[i] ?? 0));
  const { rows, means, sds } = standardise(raw);
  return {
    rows,
    features: kept.map((k, c) => ({
      ...k.feature,
      mean: means[c] ?? 0,
      sd: sds[c] ?? 1,
      filled: k.filled,
      clipped: k.clipped,
    })),
    notes,
  };
}

/** Number of different rows (customers with identical features count once). */
export function distinctRowCount(rows: readonly number[][]): number {
  return new Set(rows.map((r) => r.join(','))).size;
}
