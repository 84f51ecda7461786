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
  /** Polish each start with single-customer moves (Hartigan) after Lloyd's iterations converge; default on. */
  refine?: boolean;
  /** Called after each restart (done, total). */
  onRestart?: (done: number, total: number) => void;
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
    const polished =
      options.refine === false
        ? { clusters: result.clusters, centroids: result.centroids }
        : refineByMoves(rows, result.clusters, k);
    const fit: KMeansFit = {
      k,
      clusters: polished.clusters,
      centroids: polished.centroids,
      inertia: inertia(rows, polished.clusters, polished.centroids),
      iterations: result.iterations,
      converged: result.converged,
    };
    if (!best || fit.inertia < best.inertia) best = fit;
    options.onRestart?.(restart + 1, options.restarts);
  }
  if (!best) throw new Error('k-means needs at least one restart.');
  return best;
}

/**
 * Hartigan's single-point moves from a Lloyd fixed point: move a customer to another segment whenever
 * that lowers the inertia, counting the centroid shift the move causes (which Lloyd ignores). Every
 * move strictly lowers the inertia, so the result is never worse; on CDNOW it gains up to 0.05 %.
 */
export function refineByMoves(
  rows: readonly number[][],
  startClusters: readonly number[],
  k: number,
  maxPasses = 100,
): { clusters: number[]; centroids: number[][]; moves: number } {
  const dims = rows[0]?.length ?? 0;
  const clusters = [...startClusters];
  const sizes = new Float64Array(k);
  const sums = Array.from({ length: k }, () => new Float64Array(dims));
  rows.forEach((row, i) => {
    const c = clusters[i] ?? 0;
    sizes[c] = (sizes[c] ?? 0) + 1;
    const sum = sums[c] as Float64Array;
    for (let j = 0; j < dims; j++) sum[j] = (sum[j] ?? 0) + (row[j] ?? 0);
  });
  const distanceToMean = (row: readonly number[], c: number) => {
    const sum = sums[c] as Float64Array;
    const size = sizes[c] ?? 1;
    let total = 0;
    for (let j = 0; j < dims; j++) total += ((row[j] ?? 0) - (sum[j] ?? 0) / size) ** 2;
    return total;
  };
  let moves = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    rows.forEach((row, i) => {
      const from = clusters[i] ?? 0;
      const fromSize = sizes[from] ?? 0;
      if (fromSize <= 1) return;
      let bestCost = (fromSize / (fromSize - 1)) * distanceToMean(row, from);
      let to = -1;
      for (let c = 0; c < k; c++) {
        const size = sizes[c] ?? 0;
        if (c === from || size === 0) continue;
        const cost = (size / (size + 1)) * distanceToMean(row, c);
        // A margin keeps rounding noise from moving customers back and forth.
        if (cost < bestCost - 1e-12) {
          bestCost = cost;
          to = c;
        }
      }
      if (to < 0) return;
      sizes[from] = fromSize - 1;
      sizes[to] = (sizes[to] ?? 0) + 1;
      const fromSum = sums[from] as Float64Array;
      const toSum = sums[to] as Float64Array;
      for (let j = 0; j < dims; j++) {
        fromSum[j] = (fromSum[j] ?? 0) - (row[j] ?? 0);
        toSum[j] = (toSum[j] ?? 0) + (row[j] ?? 0);
      }
      clusters[i] = to;
      moved++;
    });
    moves += moved;
    if (moved === 0) break;
  }
  const centroids = sums.map((sum, c) => Array.from(sum, (v) => v / Math.max(sizes[c] ?? 0, 1)));
  return { clusters, centroids, moves };
}

/** Restarts by data size: 50 for a few thousand customers (cheap, and it finds better optima), down to 10 from 12,000 up. */
export function defaultRestarts(customers: number): number {
  return Math.max(10, Math.min(50, Math.ceil(120_000 / Math.max(customers, 1))));
}

/** Assigns every point to its nearest centroid (ties: the lower index) and sums the squared distances. */
export function assignToNearest(
  rows: readonly number[][],
  centroids: readonly number[][],
): { clusters: number[]; inertia: number } {
  const clusters = new Array<number>(rows.length);
  let total = 0;
  rows.forEach((row, i) => {
    let best = 0;
    let bestDistance = Infinity;
    centroids.forEach((centroid, c) => {
      const d = squaredDistance(row, centroid);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    });
    clusters[i] = best;
    total += bestDistance;
  });
  return { clusters, inertia: total };
}

/**
 * Mean silhouette (Euclidean) of the given points; a point alone in its cluster scores 0, as in scikit-learn.
 * Quadratic in the points, so it runs on flat typed arrays: 3,000 points take ~50 ms instead of ~150 ms.
 */
export function silhouette(rows: readonly number[][], clusters: readonly number[], k: number): number {
  const n = rows.length;
  if (n < 2 || k < 2) return 0;
  const dims = rows[0]?.length ?? 0;
  const flat = new Float64Array(n * dims);
  rows.forEach((row, i) => flat.set(row, i * dims));
  const labels = Int32Array.from(clusters);
  const sizes = new Float64Array(k);
  for (const c of labels) sizes[c] = (sizes[c] ?? 0) + 1;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const a0 = i * dims;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const b0 = j * dims;
      let d = 0;
      for (let c = 0; c < dims; c++) {
        const diff = (flat[a0 + c] as number) - (flat[b0 + c] as number);
        d += diff * diff;
      }
      const label = labels[j] as number;
      sums[label] = (sums[label] as number) + Math.sqrt(d);
    }
    const own = labels[i] as number;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) continue;
    const a = (sums[own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] as number) / size);
    }
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
