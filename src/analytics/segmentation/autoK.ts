// Automatic choice of k: for each k, the best-of-restarts inertia (for the elbow curve) and the
// silhouette on a seeded sample (exact silhouette is quadratic in the number of customers).

import { mulberry32 } from '../random';
import { fitKMeans, silhouette, type KMeansOptions } from './kmeans';

export interface KCandidate {
  k: number;
  inertia: number;
  silhouette: number;
  iterations: number;
  converged: boolean;
}

export interface AutoKResult {
  candidates: KCandidate[];
  /** The k with the highest silhouette (ties: the smaller k). */
  bestK: number;
}

export interface AutoKOptions extends KMeansOptions {
  kMin?: number;
  kMax?: number;
  /** Customers in the silhouette sample. */
  sampleSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Seeded sample of row indices without replacement (all rows when there are few). */
export function sampleIndices(n: number, size: number, seed: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return indices;
  const random = mulberry32(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indices[i], indices[j]] = [indices[j] ?? 0, indices[i] ?? 0];
  }
  return indices.slice(0, size);
}

/** Fits k = kMin…kMax and scores each; the caller shows both curves and may override the pick. */
export function chooseK(rows: number[][], options: AutoKOptions): AutoKResult {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 10, rows.length - 1);
  const sample = sampleIndices(rows.length, options.sampleSize ?? 3000, options.seed);
  const sampleRows = sample.map((i) => rows[i] ?? []);
  const candidates: KCandidate[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = fitKMeans(rows, k, options);
    const score = silhouette(
      sampleRows,
      sample.map((i) => fit.clusters[i] ?? 0),
      k,
    );
    candidates.push({
      k,
      inertia: fit.inertia,
      silhouette: score,
      iterations: fit.iterations,
      converged: fit.converged,
    });
    options.onProgress?.(k - kMin + 1, kMax - kMin + 1);
  }
  const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a), candidates[0] as KCandidate);
  return { candidates, bestK: best.k };
}
