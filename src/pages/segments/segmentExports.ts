// The segment table as a CSV or JSON file: the seed's SEGMENT shape (segment_id, name, description,
// criteria, size) plus tier, treatment and revenue.

import type { SegmentationRun } from '../../hooks/useSegments';
import { toCsvText } from '../../lib/csv';

function segmentRecords(run: SegmentationRun) {
  return run.profiles.map((p) => ({
    segment_id: p.segmentId,
    name: p.name,
    description: p.description,
    criteria: {
      features: run.features.map((f) => ({ column: f.column, transform: f.transform, mean: f.mean, sd: f.sd })),
      centroid: p.centroid,
      k: run.k,
      seed: run.seed,
      restarts: run.restarts,
      winsorise: run.winsorise,
      analysis_date: run.analysisDate,
    },
    size: p.size,
    tier: p.tier,
    treatment: p.treatment,
    revenue: p.revenue,
    revenue_share: p.revenueShare,
    features: p.features,
  }));
}

/** Segments as CSV, criteria and feature summaries as JSON text in their cells. */
export function segmentsCsv(run: SegmentationRun): Blob {
  const records = segmentRecords(run);
  const header = [
    'segment_id',
    'name',
    'description',
    'criteria',
    'size',
    'tier',
    'treatment',
    'revenue',
    'revenue_share',
  ];
  const rows = records.map((r) => [
    r.segment_id,
    r.name,
    r.description,
    JSON.stringify(r.criteria),
    r.size,
    r.tier,
    r.treatment,
    r.revenue,
    r.revenue_share,
  ]);
  return new Blob([toCsvText(header, rows)], { type: 'text/csv' });
}

/** Segments as JSON, with the run's settings. */
export function segmentsJson(run: SegmentationRun): Blob {
  const document = {
    analysis_date: run.analysisDate,
    computed_at: run.createdAt,
    customers: run.customers,
    k: run.k,
    chosen_by: run.chosenBy,
    inertia: run.inertia,
    iterations: run.iterations,
    converged: run.converged,
    k_candidates: run.autoK?.candidates ?? null,
    notes: run.notes,
    segments: segmentRecords(run),
  };
  return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
}
