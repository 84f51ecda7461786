// Segments: run k-means on the customer features, compare the segments, see the k curves, the
// customers on any two features and the classic RFM map, and export audiences.

import { useState } from 'react';
import { Responsive } from '@visx/visx';
import { segmentationFeature } from '../../analytics/segmentation/featureCatalog';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { KCurvesChart } from '../../components/charts/KCurvesChart';
import { SegmentScatter } from '../../components/charts/SegmentScatter';
import { segmentColour } from '../../components/charts/segmentColours';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { useCustomerFeatures } from '../../hooks/useCustomerFeatures';
import { useHasData } from '../../hooks/useHasData';
import { useSegmentationJob } from '../../hooks/useSegmentationJob';
import {
  fetchAudienceCsv,
  segmentationOutOfDate,
  useRfmCounts,
  useScatterPoints,
  useSegmentMix,
  type ScatterPoints,
} from '../../hooks/useSegments';
import { useWorkspace } from '../../hooks/useWorkspace';
import { downloadBlob } from '../../lib/download';
import { formatCount, formatDateTime, formatDay } from '../../lib/format';
import { segmentsCsv, segmentsJson } from './segmentExports';
import { FeatureSelect } from './FeatureSelect';
import { RfmGrid } from './RfmGrid';
import { SegmentControls } from './SegmentControls';
import { SegmentTable } from './SegmentTable';

const SCATTER_LIMIT = 20_000;
const fileSafe = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The Segments view. */
export function SegmentsPage() {
  const hasPurchases = useHasData('purchases');
  const { data: manifest } = useWorkspace();
  const features = useCustomerFeatures(hasPurchases === true, manifest?.settings.analysisDate ?? null);
  const run = manifest?.segmentation ?? null;
  const job = useSegmentationJob();
  const [xColumn, setX] = useState('recency_days');
  const [yColumn, setY] = useState('monetary_total');
  // Scatter and mix join customer_features, which is rebuilt after a reload: wait for it.
  const featuresReady = features.isSuccess ? `${run?.createdAt}|${features.data.analysisDate}` : undefined;
  const scatter = useScatterPoints(run !== null && features.isSuccess, xColumn, yColumn, SCATTER_LIMIT, featuresReady);
  const rfm = useRfmCounts(run !== null, run?.createdAt);
  const mix = useSegmentMix(run !== null && features.isSuccess, featuresReady);
  const [exportError, setExportError] = useState<string | null>(null);
  const xLabel = segmentationFeature(xColumn)?.label ?? xColumn;
  const yLabel = segmentationFeature(yColumn)?.label ?? yColumn;
  if (hasPurchases !== true || !manifest) {
    return (
      <WaitingForDataPage
        title="Segments"
        table="purchases"
        promise="Groups of customers who buy alike, found by k-means on recency, frequency, spend and tenure, each with a value tier and a marketing treatment; plus the classic RFM map."
      />
    );
  }
  const currency = manifest.settings.currency;
  const outOfDate = segmentationOutOfDate(manifest, features.data?.analysisDate ?? null);
  const downloadAudience = (segmentId: number | null, name: string) => {
    setExportError(null);
    fetchAudienceCsv(segmentId)
      .then((blob) => downloadBlob(blob, `lantern-audience-${segmentId ?? 'all'}-${fileSafe(name)}.csv`))
      .catch((error: Error) => setExportError(error.message));
  };
  return (
    <>
      <h1>Segments</h1>
      <SegmentControls
        key={run?.createdAt ?? 'none'}
        lastRun={run}
        analysisDate={manifest.settings.analysisDate}
        lastPurchaseDay={features.data?.analysisDate ?? null}
      />
      {!run && job.status !== 'running' && (
        <p className="muted">No segments yet: choose the features and press “Segment customers”.</p>
      )}
      {run && (
        <>
          <section aria-labelledby="run-heading">
            <h2 id="run-heading">
              {run.k} segments of {formatCount(run.customers)} customers
            </h2>
            <p data-testid="segmentation-summary">
              As of {formatDay(run.analysisDate)}; k = {run.k}{' '}
              {run.chosenBy === 'auto' ? '(chosen by silhouette)' : '(your choice)'}; seed {run.seed}, {run.restarts}{' '}
              k-means++ starts, best inertia {run.inertia.toFixed(1)} after {run.iterations} iterations (
              {run.converged ? 'converged' : 'not converged: raise the restarts'}); on{' '}
              {run.features
                .map((f) => `${f.transform === 'log' ? 'log ' : ''}${segmentationFeature(f.column)?.label ?? f.column}`)
                .join(', ')}
              . Computed {formatDateTime(run.createdAt)} in {(run.durationMs / 1000).toFixed(1)} s (choosing k{' '}
              {(run.timings.chooseKMs / 1000).toFixed(1)} s, final k-means {(run.timings.clusterMs / 1000).toFixed(1)}{' '}
              s).
            </p>
            {outOfDate && (
              <p role="status" className="warning">
                {outOfDate}
              </p>
            )}
            {run.notes.length > 0 && (
              <ul className="notes" aria-label="What was done to the data">
                {run.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="compare-heading">
            <h2 id="compare-heading">Segments compared</h2>
            <SegmentTable
              profiles={run.profiles}
              mix={new Map((mix.data ?? []).map((m) => [m.segmentId, m.top]))}
              currency={currency}
              onDownloadAudience={downloadAudience}
            />
            <div className="actions">
              <button type="button" className="button" onClick={() => downloadAudience(null, 'all-segments')}>
                Download every customer with their segment (CSV)
              </button>
              <button
                type="button"
                className="button"
                onClick={() => downloadBlob(segmentsCsv(run), 'lantern-segments.csv')}
              >
                Segment table (CSV)
              </button>
              <button
                type="button"
                className="button"
                onClick={() => downloadBlob(segmentsJson(run), 'lantern-segments.json')}
              >
                Segment table (JSON)
              </button>
            </div>
            {exportError && (
              <p role="alert" className="error">
                {exportError}
              </p>
            )}
          </section>
          {run.autoK && (
            <section aria-labelledby="k-heading">
              <h2 id="k-heading">How many segments</h2>
              <p className="muted">
                Inertia always falls as k grows; look for the elbow. A higher silhouette means better-separated
                segments; the best is k = {run.autoK.bestK}. Curves fitted on {formatCount(run.autoK.fittedOn)}{' '}
                customers, silhouette on {formatCount(run.autoK.silhouetteOn)}. Click a point to use that k.
              </p>
              <ChartFigure
                caption="Inertia and silhouette by number of segments"
                fileName="lantern-k-curves"
                table={{
                  columns: ['k', 'inertia', 'silhouette'],
                  rows: (run.autoK?.candidates ?? []).map((c) => [
                    String(c.k),
                    formatCount(Math.round(c.inertia)),
                    c.silhouette.toFixed(3),
                  ]),
                }}
              >
                <div className="chart-box" style={{ height: 200 }}>
                  <Responsive.ParentSize debounceTime={50}>
                    {({ width }) => (
                      <KCurvesChart
                        width={width}
                        candidates={run.autoK?.candidates ?? []}
                        bestK={run.autoK?.bestK ?? run.k}
                        chosenK={run.k}
                        onChooseK={(k) => {
                          if (k === run.k || job.status === 'running') return;
                          void job.start({
                            features: run.features.map(({ column, transform }) => ({ column, transform })),
                            k,
                            seed: run.seed,
                            restarts: run.restarts,
                            winsorise: run.winsorise,
                            candidates: run.autoK,
                          });
                        }}
                      />
                    )}
                  </Responsive.ParentSize>
                </div>
              </ChartFigure>
            </section>
          )}
          <section aria-labelledby="scatter-heading">
            <h2 id="scatter-heading">Customers on two features</h2>
            <div className="inline-fields">
              <FeatureSelect label="Across" value={xColumn} onChange={setX} />
              <FeatureSelect label="Up" value={yColumn} onChange={setY} />
            </div>
            <ul className="legend-inline" aria-label="Segment colours">
              {run.profiles.map((p) => (
                <li key={p.segmentId}>
                  <span className="swatch" style={{ background: segmentColour(p.segmentId) }} aria-hidden="true" />
                  {p.segmentId}. {p.name}
                </li>
              ))}
            </ul>
            {scatter.isError && (
              <p role="alert" className="error">
                {scatter.error.message}
              </p>
            )}
            {scatter.data && (
              <>
                <p className="muted" data-testid="scatter-caption">
                  {scatterCaption(scatter.data, xLabel, yLabel)} Symmetric log scales.
                </p>
                <ChartFigure
                  caption={`Customers by ${xLabel} and ${yLabel}`}
                  fileName="lantern-segment-scatter"
                  canvas
                  table={scatterTable(scatter.data, run.profiles)}
                >
                  <div className="chart-box" style={{ height: 420 }}>
                    <Responsive.ParentSize debounceTime={50}>
                      {({ width }) => (
                        <SegmentScatter {...scatter.data} width={width} height={420} xLabel={xLabel} yLabel={yLabel} />
                      )}
                    </Responsive.ParentSize>
                  </div>
                </ChartFigure>
              </>
            )}
          </section>
          <section aria-labelledby="rfm-heading">
            <h2 id="rfm-heading">RFM map</h2>
            {rfm.data && <RfmGrid grid={rfm.data.grid} segments={rfm.data.segments} />}
          </section>
        </>
      )}
    </>
  );
}

/** What the scatter draws, in words: every customer (or the sample), and those it cannot place on an axis. */
function scatterCaption(data: ScatterPoints, xLabel: string, yLabel: string): string {
  const shown =
    data.total > SCATTER_LIMIT
      ? `A fixed sample of ${formatCount(data.x.length)} of ${formatCount(data.total)} customers`
      : data.x.length === data.total
        ? `All ${formatCount(data.total)} customers`
        : `${formatCount(data.x.length)} of ${formatCount(data.total)} customers`;
  if (data.drawn === data.x.length) return `${shown}.`;
  const missing = [
    data.missingX > 0 ? `${formatCount(data.missingX)} have no ${xLabel}` : '',
    data.missingY > 0 && yLabel !== xLabel ? `${formatCount(data.missingY)} have no ${yLabel}` : '',
  ].filter(Boolean);
  return `${shown}: ${formatCount(data.drawn)} drawn; ${missing.join(' and ')}, so they cannot be placed.`;
}

/** The scatter's table alternative: per segment, its points and the median of each feature. */
function scatterTable(
  data: { x: Float64Array; y: Float64Array; segment: Float64Array },
  profiles: { segmentId: number; name: string }[],
): { columns: string[]; rows: (string | null)[][] } {
  const median = (values: number[]) => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? null) : null;
  };
  return {
    columns: ['segment', 'customers shown', 'median across', 'median up'],
    rows: profiles.map((p) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < data.segment.length; i++) {
        if (data.segment[i] !== p.segmentId) continue;
        xs.push(data.x[i] ?? Number.NaN);
        ys.push(data.y[i] ?? Number.NaN);
      }
      const mx = median(xs);
      const my = median(ys);
      return [
        `${p.segmentId}. ${p.name}`,
        formatCount(xs.length),
        mx === null ? null : String(mx),
        my === null ? null : String(my),
      ];
    }),
  };
}
