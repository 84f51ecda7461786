// The models' health on the Monitoring page: feature drift as PSI (the last fit against the one before,
// and the data now against the last fit), the holdout accuracy of both fits, the refit Lantern proposes
// (with a button) or makes by itself when the user chose so, and the log of both.

import { PSI_MAJOR, PSI_MODERATE, type FeatureDrift } from '../../analytics/monitoring/populationStability';
import type { FitAccuracy } from '../../analytics/monitoring/modelHealth';
import { refitRequest, useAutoRefitSetting, useModelHealth, type WorkspaceManifest } from '../../hooks/useModelHealth';
import { usePredictionJob } from '../../hooks/usePredictionJob';
import { formatCount, formatDateTime, formatDay, formatPercent } from '../../lib/format';

const psi = (d: FeatureDrift | undefined) => (d ? d.psi.toFixed(3) : '—');
const reading = (d: FeatureDrift | undefined) =>
  !d ? '' : d.level === 'major' ? 'major shift: refit' : d.level === 'moderate' ? 'moderate shift: watch' : 'stable';
const accuracy = (a: FitAccuracy | null) =>
  !a || a.holdoutError === null
    ? 'no holdout'
    : `repeat purchases ${formatPercent(a.holdoutError)} off, churn AUC ${a.churnAuc?.toFixed(2) ?? '—'}`;

export function ModelHealthSection({ manifest }: { manifest: WorkspaceManifest }) {
  const health = useModelHealth(manifest);
  const job = usePredictionJob();
  const autoRefit = useAutoRefitSetting();
  const run = manifest.predictions;
  if (!run) return null;
  const report = health.data ?? null;
  const features = run.featureBins.map((b) => b.feature);
  const log = [...manifest.modelLog].reverse();
  const running = job.status === 'running';

  return (
    <section aria-labelledby="model-health-heading">
      <h2 id="model-health-heading">Model health</h2>
      {features.length === 0 ? (
        <p>This fit was made before Lantern recorded feature distributions: fit again to watch drift.</p>
      ) : (
        <>
          <p className="muted">
            Population stability index (PSI) of each model input, binned at the fit&apos;s deciles: below {PSI_MODERATE}{' '}
            stable, {PSI_MODERATE} to {PSI_MAJOR} a moderate shift, {PSI_MAJOR} or more a major shift.
            {report
              ? ` The data is read as of ${formatDay(report.asOf)} (${formatCount(report.customers)} customers).`
              : ''}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Feature drift">
            <table data-testid="feature-drift">
              <caption>Feature drift (PSI)</caption>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col" className="num">
                    Last fit against the fit before
                  </th>
                  <th scope="col" className="num">
                    Data now against the last fit
                  </th>
                  <th scope="col">Reading (data now)</th>
                </tr>
              </thead>
              <tbody>
                {features.map((f) => {
                  const now = report?.dataDrift.find((d) => d.feature === f);
                  return (
                    <tr key={f}>
                      <th scope="row">{f}</th>
                      <td className="num">{psi(run.driftFromPreviousFit?.find((d) => d.feature === f))}</td>
                      <td className="num" data-testid={`drift-now-${f}`}>
                        {health.isPending ? '…' : psi(now)}
                      </td>
                      <td>{reading(now)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        Holdout accuracy: last fit {accuracy(report?.fit ?? null)}; the fit before{' '}
        {run.previousFit ? accuracy(run.previousFit) : 'none'}.
      </p>
      {report?.health.refitDue ? (
        <div className="warning" role="status" data-testid="refit-proposal">
          <p>
            <strong>A refit is proposed.</strong> {report.health.reasons.join(' ')}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={running}
            onClick={() => void job.start({ settings: run.settings, refit: refitRequest(report, 'user') })}
          >
            {running ? 'Refitting…' : 'Refit now'}
          </button>
        </div>
      ) : (
        report && (
          <p data-testid="refit-not-due">
            No refit is due.{report.health.reasons.length ? ` ${report.health.reasons.join(' ')}` : ''}
          </p>
        )
      )}
      {job.status === 'failed' && <p role="alert">{job.error}</p>}
      <label>
        <input
          type="checkbox"
          checked={manifest.settings.autoRefit}
          disabled={autoRefit.isPending}
          onChange={(e) => autoRefit.mutate(e.target.checked)}
        />{' '}
        Refit automatically when drift or an accuracy drop calls for it (once per fit; every refit is logged)
      </label>
      <h3>Model log</h3>
      {log.length === 0 ? (
        <p data-testid="model-log-empty">No refit proposed or made yet.</p>
      ) : (
        <ol className="monitor-list" data-testid="model-log">
          {log.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at)}: {e.kind === 'proposed' ? 'refit proposed' : e.kind}
              {e.kind !== 'proposed' ? ` (${e.trigger === 'automatic' ? 'automatically' : 'by the user'})` : ''}
              {e.maxPsi !== null ? `, largest PSI ${e.maxPsi.toFixed(2)}` : ''}. {e.reasons.join(' ')}
              {e.newFit
                ? ` New fit on ${formatCount(e.newFit.customers)} customers as of ${formatDay(e.newFit.analysisDate)}.`
                : ''}
              {e.error ? ` ${e.error}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
