// Timings summarised for the Monitoring page: per name, the count, the latest, the median and 95th
// percentile and the slowest, and whether the latest jumped: a robust z of at least 4 against the
// timings before it (median and 1.4826 × MAD, as alerts judge anomalies) and at least twice their median.

import { recentBaseline, type MetricPoint } from '../alerts/alertRules';

export interface TimingSample {
  kind: string;
  name: string;
  ms: number;
  ok: boolean;
}

export interface TimingSummary {
  kind: string;
  name: string;
  count: number;
  failures: number;
  lastMs: number;
  p50: number;
  p95: number;
  maxMs: number;
  /** The latest took unusually long for this name. */
  jumped: boolean;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One summary per kind and name, the most recently seen first. */
export function summariseTimings(samples: readonly TimingSample[]): TimingSummary[] {
  const groups = new Map<string, TimingSample[]>();
  for (const s of samples) {
    const key = `${s.kind}|${s.name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(s);
  }
  const lastIndex = new Map<string, number>();
  samples.forEach((s, i) => lastIndex.set(`${s.kind}|${s.name}`, i));
  return [...groups.entries()]
    .sort(([a], [b]) => lastIndex.get(b)! - lastIndex.get(a)!)
    .map(([, g]) => {
      const ms = g.map((s) => s.ms);
      const sorted = [...ms].sort((a, b) => a - b);
      const points: MetricPoint[] = ms.map((value, i) => ({ at: String(i), value }));
      const baseline = recentBaseline(points, points.length - 1);
      const last = ms[ms.length - 1]!;
      const jumped =
        baseline !== null && (last - baseline.median) / baseline.spread >= 4 && last >= 2 * baseline.median;
      return {
        kind: g[0]!.kind,
        name: g[0]!.name,
        count: g.length,
        failures: g.filter((s) => !s.ok).length,
        lastMs: last,
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        maxMs: sorted[sorted.length - 1]!,
        jumped,
      };
    });
}
