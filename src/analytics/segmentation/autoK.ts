// Automatic choice of k: for each k, the best-of-restarts inertia (for the elbow curve) and the
// silhouette on a seeded sample (exact silhouette is quadratic in the number of customers). With many
// customers each k is fitted on a seeded sample and its centroids scored on every customer: the curves
// keep their shape and choosing k stays seconds, not minutes (ml-kmeans takes ~1.6 s per k = 10 start
// on 100k rows); the final clustering then runs on everyone.

import { mulberry32 } from '../random';
import { assignToNearest, fitKMeans, silhouette, type KMeansOptions } from './kmeans';

export interface KCandidate {
  k: number;
  /** Sum of squared distances of every customer to its nearest centroid. */
  inertia: number;
  silhouette: number;
  iterations: number;
  converged: boolean;
}

export interface AutoKResult {
  candidates: KCandidate[];
  /** The k with the highest silhouette (ties: the smaller k). */
  bestK: number;
  /** Customers the curves were fitted on (all of them when there are few). */
  fittedOn: number;
  /** Customers the silhouette was scored on. */
  silhouetteOn: number;
}

export interface AutoKOptions extends KMeansOptions {
  kMin?: number;
  kMax?: number;
  /** Customers in the silhouette sample. */
  sampleSize?: number;
  /** Customers each candidate k is fitted on. */
  fitSampleSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_SILHOUETTE_SAMPLE = 3000;
export const DEFAULT_FIT_SAMPLE = 10_000;

/** Seeded sample of row indices without replacement, in ascending order (all rows when there are few). */
export function sampleIndices(n: number, size: number, seed: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return indices;
  const random = mulberry32(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indices[i], indices[j]] = [indices[j] ?? 0, indices[i] ?? 0];
  }
  return indices.slice(0, size).sort((a, b) => a - b);
}

/** Fits k = kMin…kMax and scores each; the caller shows both curves and may override the pick. */
export function chooseK(rows: number[][], options: AutoKOptions): AutoKResult {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 10, rows.length - 1);
  const fitSample = sampleIndices(rows.length, options.fitSampleSize ?? DEFAULT_FIT_SAMPLE, options.seed + 1);
  const fitRows = fitSample.length === rows.length ? rows : fitSample.map((i) => rows[i] ?? []);
  const scoreSample = sampleIndices(rows.length, options.sampleSize ?? DEFAULT_SILHOUETTE_SAMPLE, options.seed);
  const scoreRows = scoreSample.map((i) => rows[i] ?? []);
  const candidates: KCandidate[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = fitKMeans(fitRows, k, { ...options, onRestart: undefined });
    const everyone = fitRows === rows ? fit : assignToNearest(rows, fit.centroids);
    const score = silhouette(
      scoreRows,
      scoreSample.map((i) => everyone.clusters[i] ?? 0),
      k,
    );
    candidates.push({
      k,
      inertia: everyone.inertia,
      silhouette: score,
      iterations: fit.iterations,
      converged: fit.converged,
    });
    options.onProgress?.(k - kMin + 1, kMax - kMin + 1);
  }
  const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a), candidates[0] as KCandidate);
  return { candidates, bestK: best.k, fittedOn: fitRows.length, silhouetteOn: scoreRows.length };
}
