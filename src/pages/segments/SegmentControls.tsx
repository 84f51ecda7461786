// The segmentation form: analysis date, features (with their transform), k, seed, restarts and
// outlier clipping; Run starts the job in the ML worker, with progress and Cancel.

import { useState } from 'react';
import { SEGMENTATION_FEATURES, type FeatureTransform } from '../../analytics/segmentation/featureCatalog';
import { MAX_K } from '../../analytics/segmentation/segmentCustomers';
import type { SegmentRequest } from '../../data/segmentation/segmentWorkspace';
import { useSegmentationJob } from '../../hooks/useSegmentationJob';
import { SegmentationStatus } from './SegmentationStatus';
import type { SegmentationRun } from '../../hooks/useSegments';
import { AnalysisDateField } from '../../components/ui/AnalysisDateField';

interface SegmentControlsProps {
  lastRun: SegmentationRun | null;
  analysisDate: string | null;
  lastPurchaseDay: string | null;
}

type FeatureChoice = Record<string, { selected: boolean; transform: FeatureTransform }>;

function initialChoice(lastRun: SegmentationRun | null): FeatureChoice {
  const choice: FeatureChoice = {};
  for (const f of SEGMENTATION_FEATURES) {
    const used = lastRun?.features.find((u) => u.column === f.column);
    choice[f.column] = {
      selected: lastRun ? Boolean(used) : f.byDefault,
      transform: used?.transform ?? f.defaultTransform,
    };
  }
  return choice;
}

/** Whether the last run's k curves still describe these settings (the page also flags new data). */
function sameClustering(
  lastRun: SegmentationRun | null,
  features: { column: string; transform: FeatureTransform }[],
  seed: number,
  winsorise: boolean,
): boolean {
  if (!lastRun?.autoK || lastRun.seed !== seed || lastRun.winsorise !== winsorise) return false;
  const asked = features.map((f) => `${f.column}:${f.transform}`).join(',');
  // The run lists the features it kept; a dropped constant feature would differ, and then the curves are redone.
  return asked === lastRun.features.map((f) => `${f.column}:${f.transform}`).join(',');
}

/** Settings and the Run button of a segmentation. */
export function SegmentControls({ lastRun, analysisDate, lastPurchaseDay }: SegmentControlsProps) {
  const job = useSegmentationJob();
  const [features, setFeatures] = useState<FeatureChoice>(() => initialChoice(lastRun));
  const [k, setK] = useState<string>(lastRun?.chosenBy === 'user' ? String(lastRun.k) : 'auto');
  const [seed, setSeed] = useState(lastRun?.seed ?? 42);
  const [restarts, setRestarts] = useState<string>('auto');
  const [winsorise, setWinsorise] = useState(lastRun?.winsorise ?? true);
  const running = job.status === 'running';
  const chosenFeatures = () =>
    SEGMENTATION_FEATURES.filter((f) => features[f.column]?.selected).map((f) => ({
      column: f.column,
      transform: features[f.column]?.transform ?? f.defaultTransform,
    }));
  const request = (): SegmentRequest => ({
    features: chosenFeatures(),
    k: k === 'auto' ? 'auto' : Number(k),
    seed,
    restarts: restarts === 'auto' ? 'auto' : Math.max(1, Math.min(100, Number(restarts) || 10)),
    winsorise,
    candidates:
      k !== 'auto' && sameClustering(lastRun, chosenFeatures(), seed, winsorise) ? (lastRun?.autoK ?? null) : null,
  });
  return (
    <form
      className="segment-controls"
      aria-label="Segmentation settings"
      onSubmit={(e) => {
        e.preventDefault();
        void job.start(request());
      }}
    >
      <AnalysisDateField analysisDate={analysisDate} lastPurchaseDay={lastPurchaseDay} disabled={running} />
      <fieldset>
        <legend>Features</legend>
        <ul className="feature-choices">
          {SEGMENTATION_FEATURES.map((f) => {
            const choice = features[f.column];
            return (
              <li key={f.column}>
                <label>
                  <input
                    type="checkbox"
                    checked={choice?.selected ?? false}
                    onChange={(e) =>
                      setFeatures({
                        ...features,
                        [f.column]: { transform: choice?.transform ?? f.defaultTransform, selected: e.target.checked },
                      })
                    }
                  />{' '}
                  {f.label}
                </label>{' '}
                <select
                  aria-label={`${f.label} transform`}
                  value={choice?.transform ?? f.defaultTransform}
                  onChange={(e) =>
                    setFeatures({
                      ...features,
                      [f.column]: {
                        selected: choice?.selected ?? false,
                        transform: e.target.value as FeatureTransform,
                      },
                    })
                  }
                >
                  <option value="log">log(1 + x)</option>
                  <option value="none">as is</option>
                </select>
              </li>
            );
          })}
        </ul>
        <p className="muted">Each feature is standardised (mean 0, standard deviation 1) before clustering.</p>
      </fieldset>
      <fieldset className="inline-fields">
        <legend>k-means</legend>
        <label>
          Segments{' '}
          <select aria-label="Segments (k)" value={k} onChange={(e) => setK(e.target.value)}>
            <option value="auto">Automatic (best silhouette, k = 2–{MAX_K})</option>
            {Array.from({ length: MAX_K - 1 }, (_, i) => i + 2).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed <input type="number" value={seed} onChange={(e) => setSeed(Math.floor(Number(e.target.value) || 0))} />
        </label>
        <label>
          Restarts{' '}
          <select aria-label="Restarts" value={restarts} onChange={(e) => setRestarts(e.target.value)}>
            <option value="auto">Automatic (50 for small data, 10 from 12,000 customers)</option>
            {[1, 5, 10, 20, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={winsorise} onChange={(e) => setWinsorise(e.target.checked)} /> Clip outliers
          to the 1st–99th percentile
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button primary" disabled={running}>
          {lastRun ? 'Segment again' : 'Segment customers'}
        </button>
      </div>
      <SegmentationStatus />
    </form>
  );
}
