// k-means segmentation on standardised features: seeded k-means++ with restarts (ml-kmeans), keeping
// the lowest inertia, and the silhouette score for choosing k. Pure: no DOM, no workers.

import { kmeans } from 'ml-kmeans';

export interface Standardised {
  rows: number[][];
  means: number[];
  /** Population standard deviations (a constant column gets 1, so it stays 0 after scaling). */
  sds: number[];
}

/** Scales every column to mean 0 and (population) standard deviation 1. */
export function standardise(rows: readonly number[][]): Standardised {
  const columns = rows[0]?.length ?? 0;
  const n = rows.length;
  const means = Array.from({ length: columns }, (_, c) => rows.reduce((s, r) => s + (r[c] ?? 0), 0) / Math.max(n, 1));
  const sds = means.map((mean, c) => {
    const variance = rows.reduce((s, r) => s + ((r[c] ?? 0) - mean) ** 2, 0) / Math.max(n, 1);
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { rows: rows.map((r) => r.map((v, c) => (v - (means[c] ?? 0)) / (sds[c] ?? 1))), means, sds };
}

const squaredDistance = (a: readonly number[], b: readonly number[]) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return sum;
};

/** Sum of squared distances from each point to its cluster's centroid. */
export function inertia(
  rows: readonly number[][],
  clusters: readonly number[],
  centroids: readonly number[][],
): number {
  return rows.reduce((sum, row, i) => sum + squaredDistance(row, centroids[clusters[i] ?? 0] ?? []), 0);
}

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins. */
  restarts: number;
  maxIterations?: number;
  tolerance?: number;
}

export interface KMeansFit {
  k: number;
  clusters: number[];
  centroids: number[][];
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Runs k-means `restarts` times from seeded k-means++ starts and keeps the fit with the lowest inertia. */
export function fitKMeans(rows: number[][], k: number, options: KMeansOptions): KMeansFit {
  let best: KMeansFit | null = null;
  for (let restart = 0; restart < options.restarts; restart++) {
    const result = kmeans(rows, k, {
      initialization: 'kmeans++',
      seed: options.seed + restart * 7919,
      maxIterations: options.maxIterations ?? 300,
      tolerance: options.tolerance ?? 1e-6,
    });
    const fit: KMeansFit = {
      k,
      clusters: result.clusters,
      centroids: result.centroids,
      inertia: inertia(rows, result.clusters, result.centroids),
      iterations: result.iterations,
      converged: result.converged,
    };
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  if (!best) throw new Error('k-means needs at least one restart.');
  return best;
}

/** Mean silhouette (Euclidean) of the given points; a point alone in its cluster scores 0, as in scikit-learn. */
export function silhouette(rows: readonly number[][], clusters: readonly number[], k: number): number {
  const n = rows.length;
  if (n < 2 || k < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const c of clusters) sizes[c] = (sizes[c] ?? 0) + 1;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = rows[i] ?? [];
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const c = clusters[j] ?? 0;
      sums[c] = (sums[c] ?? 0) + Math.sqrt(squaredDistance(row, rows[j] ?? []));
    }
    const own = clusters[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] ?? 0;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] ?? 0) / size);
    }
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
