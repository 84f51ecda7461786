// Runs a segmentation on the open workspace: features in DuckDB, k-means in the ML worker, the two
// result tables back in DuckDB, then everything saved with the workspace in one commit.

import { proxy, transfer } from 'comlink';
import { inMlWorker } from '../runInMlWorker';
import type { AutoKResult } from '../../analytics/segmentation/autoK';
import { PROFILE_COLUMNS } from '../../analytics/segmentation/featureCatalog';
import { defaultRestarts } from '../../analytics/segmentation/kmeans';
import type { SelectedFeature } from '../../analytics/segmentation/prepareFeatures';
import type { SegmentationProgress } from '../../analytics/segmentation/segmentCustomers';
import { runOutOfDate, type SegmentationRun, type WorkspaceManifest } from '../store/workspaceManifest';
import {
  currentManifest,
  customerFeatures,
  openWorkspace,
  queryToCsv,
  runExclusive,
  saveWorkspaceTables,
} from '../workspace';
import { audienceSql } from './segmentQueries';
import { CUSTOMER_SEGMENTS_TABLE, SEGMENTS_TABLE, featureColumnsSql, writeSegmentTables } from './segmentTables';

export interface SegmentRequest {
  features: SelectedFeature[];
  k: number | 'auto';
  seed: number;
  /** k-means++ starts, or 'auto' (more for small data, see defaultRestarts). */
  restarts: number | 'auto';
  winsorise: boolean;
  /** Curves of the previous automatic run, kept when the user overrides k. */
  candidates?: AutoKResult | null;
}

/** Segments the open workspace's customers and saves the segments with it. */
export function segmentOpenWorkspace(
  request: SegmentRequest,
  onProgress: (p: SegmentationProgress) => void,
  signal?: AbortSignal,
): Promise<WorkspaceManifest> {
  return runExclusive('a segmentation', async () => {
    const started = performance.now();
    const { duck } = await openWorkspace();
    const manifest = await currentManifest();
    const features = await customerFeatures();
    if (!features.analysisDate) throw new Error('There are no purchases to segment customers on.');
    const wanted = [...new Set([...request.features.map((f) => f.column), ...PROFILE_COLUMNS])];
    const columns = await duck.write.queryNumericColumns(await featureColumnsSql(duck.write, wanted));
    const customers = columns.monetary_total?.length ?? 0;
    const restarts = request.restarts === 'auto' ? defaultRestarts(customers) : request.restarts;
    const input = {
      columns,
      features: request.features,
      k: request.k,
      seed: request.seed,
      restarts,
      winsorise: request.winsorise,
      currency: manifest.settings.currency,
      candidates: request.candidates ?? null,
    };
    const buffers = Object.values(columns).map((c) => c.buffer as ArrayBuffer);
    const workerStarted = performance.now();
    performance.measure('lantern:segmentation:features', { start: started, end: workerStarted });
    const result = await inMlWorker(
      (ml) => ml.segment(transfer(input, buffers), proxy(onProgress)),
      signal,
      'The segmentation was cancelled.',
    );
    performance.measure('lantern:segmentation:worker', { start: workerStarted, end: performance.now() });
    // From here on the result is being written: too late to cancel (the page hides the button).
    onProgress({ phase: 'saving', fraction: 0.97, detail: 'saving the segments on this device' });
    // The per-customer arrays live in the tables; the manifest keeps the rest.
    const { segmentIds, rfm, ...summary } = result;
    void segmentIds;
    void rfm;
    const run: SegmentationRun = {
      ...summary,
      createdAt: new Date().toISOString(),
      analysisDate: features.analysisDate,
      durationMs: performance.now() - started,
      basedOnImports: manifest.imports.map((r) => r.id),
    };
    const saved = await saveWorkspaceTables([SEGMENTS_TABLE, CUSTOMER_SEGMENTS_TABLE], { segmentation: run }, (conn) =>
      writeSegmentTables(conn, result),
    );
    performance.measure('lantern:segmentation', { start: started, end: performance.now() });
    return saved;
  });
}

/** A segment's customers (or every customer with their segment, for null) as a CSV for an audience upload. */
export async function segmentAudienceCsv(segmentId: number | null): Promise<Blob> {
  const { duck } = await openWorkspace();
  return queryToCsv(duck, await audienceSql(duck.read, segmentId), `audience-${segmentId ?? 'all'}.csv`);
}

/** Why the stored segments no longer match the data or the analysis date (null when they do). */
export function segmentationOutOfDate(manifest: WorkspaceManifest, featuresAsOf: string | null): string | null {
  return runOutOfDate(manifest, manifest.segmentation, featuresAsOf, 'these segments', 'segment again');
}
