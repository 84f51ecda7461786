// Segment profiles: size, revenue share, feature means and medians, a value tier with the seed's
// marketing treatment, and a name and description written from the segment's centroid.

import { quantileSorted } from './prepareFeatures';
import { segmentationFeature } from './featureCatalog';

export type ValueTier = 'High value' | 'Medium value' | 'Low value';
export type MarketingTreatment = 'Premium marketing' | 'Standard marketing' | 'Value marketing';

export const TREATMENT_OF_TIER: Record<ValueTier, MarketingTreatment> = {
  'High value': 'Premium marketing',
  'Medium value': 'Standard marketing',
  'Low value': 'Value marketing',
};

/** What each treatment means in practice, shown beside it. */
export const TREATMENT_ACTIONS: Record<MarketingTreatment, string> = {
  'Premium marketing': 'VIP service, early access and loyalty rewards; protect the relationship rather than discount.',
  'Standard marketing': 'Regular newsletters, cross-sell and upsell offers to move them up a tier.',
  'Value marketing': 'Low-cost automated channels, win-back and price-led offers; keep acquisition spend small.',
};

export interface FeatureSummary {
  mean: number | null;
  median: number | null;
}

export interface SegmentProfile {
  /** 1 = the most valuable segment (revenue per customer). */
  segmentId: number;
  name: string;
  description: string;
  size: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  tier: ValueTier;
  treatment: MarketingTreatment;
  /** Mean and median of each profile column, in the data's units (missing values ignored). */
  features: Record<string, FeatureSummary>;
  /** Centroid in standard deviations from the average customer, per clustering feature. */
  centroid: Record<string, number>;
}

export interface ProfileInput {
  /** Cluster index per customer, 0…k-1 as k-means returned it. */
  clusters: ArrayLike<number>;
  k: number;
  /** Standardised centroids, one value per clustering feature. */
  centroids: readonly (readonly number[])[];
  featureColumns: readonly string[];
  /** Columns to summarise per segment; must include monetary_total for revenue. */
  columns: Readonly<Record<string, ArrayLike<number>>>;
  /** Formats money in descriptions. */
  currency: string;
}

export interface ProfileResult {
  profiles: SegmentProfile[];
  /** Segment id (1-based, value order) per customer. */
  segmentIds: Int32Array;
}

/** Splits k segments ranked by value into tiers: about a third each, always at least one High and one Low. */
export function tierOfRank(rank: number, k: number): ValueTier {
  const edge = Math.max(1, Math.round(k / 3));
  if (rank < edge) return 'High value';
  if (rank >= k - edge) return 'Low value';
  return 'Medium value';
}

/** The centroid's words, strongest first: features at least half a standard deviation from average. */
export function centroidWords(centroid: Readonly<Record<string, number>>, max = 3): string[] {
  return Object.entries(centroid)
    .filter(([, z]) => Math.abs(z) >= 0.5)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, max)
    .map(([column, z]) => {
      const feature = segmentationFeature(column);
      if (!feature) return `${z > 0 ? 'high' : 'low'} ${column.replace(/_/g, ' ')}`;
      return z > 0 ? feature.above : feature.below;
    });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function summarise(values: number[]): FeatureSummary {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { mean: null, median: null };
  return { mean: finite.reduce((s, v) => s + v, 0) / finite.length, median: quantileSorted(finite, 0.5) };
}

/** Profiles every segment, numbering them by revenue per customer (1 = most valuable). */
export function profileSegments(input: ProfileInput): ProfileResult {
  const { clusters, k, columns } = input;
  const n = clusters.length;
  const monetary = columns.monetary_total;
  if (!monetary) throw new Error('Segment profiles need monetary_total.');
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[clusters[i] ?? 0]?.push(i);
  // Missing or infinite spend counts as nothing (the matrix filled it with the median for clustering only).
  const spend = (i: number) => (Number.isFinite(monetary[i]) ? Number(monetary[i]) : 0);
  const revenueOf = (c: number) => (members[c] ?? []).reduce((s, i) => s + spend(i), 0);
  const totalRevenue = Array.from({ length: k }, (_, c) => revenueOf(c)).reduce((a, b) => a + b, 0);
  // Value order: revenue per customer, then size, then k-means' own index, so numbering is reproducible.
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => {
    const sizeA = members[a]?.length ?? 0;
    const sizeB = members[b]?.length ?? 0;
    const perA = sizeA ? revenueOf(a) / sizeA : -Infinity;
    const perB = sizeB ? revenueOf(b) / sizeB : -Infinity;
    return perB - perA || sizeB - sizeA || a - b;
  });
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: input.currency,
    maximumFractionDigits: 0,
  });
  const usedNames = new Map<string, number>();
  const profiles = order.map((cluster, rank): SegmentProfile => {
    const indices = members[cluster] ?? [];
    const features: Record<string, FeatureSummary> = {};
    for (const [column, values] of Object.entries(columns)) {
      features[column] = summarise(indices.map((i) => Number(values[i])));
    }
    const centroid: Record<string, number> = {};
    input.featureColumns.forEach((column, f) => (centroid[column] = input.centroids[cluster]?.[f] ?? 0));
    const tier = tierOfRank(rank, k);
    const words = centroidWords(centroid);
    let name = words.length ? `${capitalise(words.join(', '))} buyers` : 'Typical buyers';
    const seen = usedNames.get(name) ?? 0;
    usedNames.set(name, seen + 1);
    if (seen > 0) name = `${name} (${seen + 1})`;
    const revenue = revenueOf(cluster);
    const size = indices.length;
    const medians = (column: string) => features[column]?.median;
    const facts = [
      medians('recency_days') != null && `last bought ${Math.round(medians('recency_days') ?? 0)} days ago`,
      medians('frequency') != null && `${Math.round(medians('frequency') ?? 0)} purchase occasions`,
      medians('monetary_total') != null && `${money.format(medians('monetary_total') ?? 0)} spent in all`,
    ].filter(Boolean);
    const share = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)} %`;
    const description =
      `${words.length ? capitalise(words.join(', ')) : 'Close to the average customer on every feature'}` +
      `${facts.length ? `: the typical customer ${facts.join(', ')}` : ''}. ` +
      `${size} customers (${share(size / Math.max(n, 1))}) bringing ${share(totalRevenue ? revenue / totalRevenue : 0)} of revenue. ` +
      `${tier}: ${TREATMENT_OF_TIER[tier].toLowerCase()}.`;
    return {
      segmentId: rank + 1,
      name,
      description,
      size,
      customerShare: n ? size / n : 0,
      revenue,
      revenueShare: totalRevenue ? revenue / totalRevenue : 0,
      tier,
      treatment: TREATMENT_OF_TIER[tier],
      features,
      centroid,
    };
  });
  const idOfCluster = new Int32Array(k);
  order.forEach((cluster, rank) => (idOfCluster[cluster] = rank + 1));
  const segmentIds = Int32Array.from({ length: n }, (_, i) => idOfCluster[clusters[i] ?? 0] ?? 0);
  return { profiles, segmentIds };
}
