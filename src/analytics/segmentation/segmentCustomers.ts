// The whole segmentation job: prepare the matrix, choose k (or take the user's), cluster with
// restarts, profile the segments and score classic RFM. Pure and seeded: the same input gives the
// same segments in a browser worker and in Node.

import { RFM_SEGMENTS, scoreRfm } from '../rfm';
import { chooseK, type AutoKResult } from './autoK';
import { fitKMeans } from './kmeans';
import {
  distinctRowCount,
  prepareFeatures,
  SegmentationInputError,
  type PreparedFeature,
  type SelectedFeature,
} from './prepareFeatures';
import { PROFILE_COLUMNS } from './featureCatalog';
import { profileSegments, type SegmentProfile } from './profiles';

export const MAX_K = 10;
/** ml-kmeans stops when no centroid moves more than this (squared, in standard deviations) per iteration. */
const CURVE_TOLERANCE = 1e-4;

export interface SegmentationInput {
  /** Feature columns of customer_features, one value per customer in one fixed order; NaN = missing. */
  columns: Record<string, Float64Array>;
  features: SelectedFeature[];
  /** A number of segments, or 'auto' to choose it from the silhouette. */
  k: number | 'auto';
  seed: number;
  /** k-means++ starts for the final clustering; the lowest inertia wins. */
  restarts: number;
  winsorise: boolean;
  currency: string;
  /** Curves from an earlier automatic run, kept when the user overrides k. */
  candidates?: AutoKResult | null;
  silhouetteSample?: number;
  fitSample?: number;
}

export type SegmentationPhase = 'preparing' | 'choosing k' | 'clustering' | 'profiling' | 'saving';

export interface SegmentationProgress {
  phase: SegmentationPhase;
  /** 0–1 over the whole job. */
  fraction: number;
  detail: string;
}

export interface RfmCodes {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into RFM_SEGMENTS. */
  segment: Uint8Array;
}

export interface SegmentationResult {
  customers: number;
  k: number;
  chosenBy: 'auto' | 'user';
  seed: number;
  restarts: number;
  winsorise: boolean;
  features: PreparedFeature[];
  notes: string[];
  autoK: AutoKResult | null;
  inertia: number;
  iterations: number;
  converged: boolean;
  profiles: SegmentProfile[];
  /** 1-based segment per customer, in the input's order. */
  segmentIds: Int32Array;
  rfm: RfmCodes;
  /** Milliseconds per phase, so a slow run says where its time went. */
  timings: { prepareMs: number; chooseKMs: number; clusterMs: number; profileMs: number };
}

/** Classic RFM for every customer, as compact codes (they cross to the page as typed arrays). */
export function rfmCodes(columns: Readonly<Record<string, ArrayLike<number>>>): RfmCodes {
  const recency = columns.recency_days;
  const frequency = columns.frequency;
  const monetary = columns.monetary_total;
  if (!recency || !frequency || !monetary) throw new Error('RFM needs recency_days, frequency and monetary_total.');
  const scores = scoreRfm(
    Array.from({ length: recency.length }, (_, i) => ({
      recencyDays: Number.isFinite(recency[i]) ? Number(recency[i]) : Infinity,
      frequency: Number(frequency[i]) || 0,
      monetary: Number(monetary[i]) || 0,
    })),
  );
  return {
    r: Uint8Array.from(scores, (s) => s.r),
    f: Uint8Array.from(scores, (s) => s.f),
    m: Uint8Array.from(scores, (s) => s.m),
    segment: Uint8Array.from(scores, (s) => RFM_SEGMENTS.indexOf(s.segment)),
  };
}

/** Segments customers; throws SegmentationInputError with a message for the user when it cannot. */
export function segmentCustomers(
  input: SegmentationInput,
  onProgress: (p: SegmentationProgress) => void = () => undefined,
): SegmentationResult {
  const n = input.columns.monetary_total?.length ?? 0;
  onProgress({ phase: 'preparing', fraction: 0, detail: `${n} customers` });
  if (n < 3) {
    throw new SegmentationInputError(`Segmentation needs at least 3 customers with purchases; this data has ${n}.`);
  }
  const clock = { start: performance.now() };
  const lap = () => {
    const now = performance.now();
    const ms = now - clock.start;
    clock.start = now;
    return ms;
  };
  const prepared = prepareFeatures(input.columns, input.features, { winsorise: input.winsorise });
  const distinct = distinctRowCount(prepared.rows);
  if (input.k !== 'auto' && (!Number.isInteger(input.k) || input.k < 2 || input.k > MAX_K)) {
    throw new SegmentationInputError(`Choose between 2 and ${MAX_K} segments (got ${input.k}).`);
  }
  if (input.k !== 'auto' && input.k > distinct) {
    throw new SegmentationInputError(
      `${input.k} segments need at least ${input.k} customers with different feature values; there are only ${distinct}. Choose fewer segments.`,
    );
  }
  if (input.k === 'auto' && distinct < 3) {
    throw new SegmentationInputError(
      `Only ${distinct} customers have different feature values, too few to compare numbers of segments. Choose k = 2 or add data.`,
    );
  }
  const prepareMs = lap();
  const autoWeight = input.k === 'auto' ? 0.6 : 0;
  let autoK = input.candidates ?? null;
  if (input.k === 'auto') {
    autoK = chooseK(prepared.rows, {
      seed: input.seed,
      // The curves only rank k, so they take fewer starts and a looser stopping rule than the final fit.
      restarts: Math.min(input.restarts, 3),
      tolerance: CURVE_TOLERANCE,
      kMin: 2,
      kMax: Math.min(MAX_K, distinct - 1),
      sampleSize: input.silhouetteSample,
      fitSampleSize: input.fitSample,
      onProgress: (done, total) =>
        onProgress({
          phase: 'choosing k',
          fraction: 0.05 + (autoWeight * done) / total,
          detail: `k = ${done + 1} of ${total + 1}`,
        }),
    });
  }
  const chooseKMs = lap();
  const k = input.k === 'auto' ? (autoK?.bestK ?? 2) : input.k;
  const fit = fitKMeans(prepared.rows, k, {
    seed: input.seed,
    restarts: input.restarts,
    onRestart: (done, total) =>
      onProgress({
        phase: 'clustering',
        fraction: 0.05 + autoWeight + ((0.85 - autoWeight) * done) / total,
        detail: `k = ${k}, start ${done} of ${total}`,
      }),
  });
  const clusterMs = lap();
  onProgress({ phase: 'profiling', fraction: 0.95, detail: `${k} segments` });
  const profileColumns: Record<string, Float64Array> = {};
  for (const column of PROFILE_COLUMNS) {
    const values = input.columns[column];
    if (values) profileColumns[column] = values;
  }
  const { profiles, segmentIds } = profileSegments({
    clusters: fit.clusters,
    k,
    centroids: fit.centroids,
    featureColumns: prepared.features.map((f) => f.column),
    columns: profileColumns,
    currency: input.currency,
  });
  const rfm = rfmCodes(input.columns);
  const profileMs = lap();
  const notes = [...prepared.notes];
  const empty = profiles.filter((p) => p.size === 0).length;
  if (empty > 0) notes.push(`${empty} of the ${k} segments ended up empty; choose fewer segments.`);
  return {
    customers: n,
    k,
    chosenBy: input.k === 'auto' ? 'auto' : 'user',
    seed: input.seed,
    restarts: input.restarts,
    winsorise: input.winsorise,
    features: prepared.features,
    notes,
    autoK,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    profiles,
    segmentIds,
    rfm,
    timings: { prepareMs, chooseKMs, clusterMs, profileMs },
  };
}
