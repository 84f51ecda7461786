// Monitoring: how Lantern itself is doing in this tab (query and job timings with percentiles and a
// marker when one jumps, errors, memory, storage against the quota, the live queue) and how the
// models are doing (the holdout check of the last prediction run and what drives churn).

import { summariseTimings } from '../../analytics/monitoring/timingStats';
import { useShowAll } from '../../components/ui/ShowAll';
import { useLiveFigures } from '../../hooks/useLive';
import { useMonitorVersion, useResourceUse } from '../../hooks/useMonitor';
import { useWorkspace } from '../../hooks/useWorkspace';
import { formatCount, formatDateTime, formatPercent } from '../../lib/format';
import { monitoredErrors, monitoredTimings } from '../../lib/monitor';
import { ChurnDriversTable } from '../predictions/ChurnDriversTable';
import { ModelHealthSection } from './ModelHealthSection';

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : formatCount(v)} ms`;
const mb = (v: number | null) => (v === null ? 'not exposed by this browser' : `${formatCount(v)} MB`);

export function MonitoringPage() {
  useMonitorVersion();
  const use = useResourceUse();
  const live = useLiveFigures();
  const { data: manifest } = useWorkspace();
  const summaries = summariseTimings(monitoredTimings());
  const { shown, button } = useShowAll(summaries, 25, 'timings');
  const errors = [...monitoredErrors()].reverse();
  const recent = [...monitoredTimings()].slice(-10).reverse();
  const validation = manifest?.predictions?.validation ?? null;
  const run = manifest?.predictions ?? null;

  return (
    <>
      <h1>Monitoring</h1>
      <p className="muted">
        Measured in this tab since it opened; nothing is sent anywhere. A timing is marked when its latest run took at
        least twice its usual time and 4 robust standard deviations more (median and 1.4826 × MAD of the runs before).
      </p>

      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading">Memory and storage</h2>
        <dl className="live-figures" data-testid="resource-use">
          <div>
            <dt>JavaScript heap</dt>
            <dd>
              {mb(use.heapUsedMb)}
              {use.heapLimitMb !== null ? ` of ${formatCount(use.heapLimitMb)} MB` : ''}
            </dd>
          </div>
          <div>
            <dt>Stored on this device</dt>
            <dd data-testid="storage-used">
              {mb(use.storageUsedMb)}
              {use.storageQuotaMb !== null && use.storageUsedMb !== null
                ? ` of ${formatCount(use.storageQuotaMb)} MB (${formatPercent(use.storageUsedMb / use.storageQuotaMb)})`
                : ''}
            </dd>
          </div>
          <div>
            <dt>Storage kept under pressure</dt>
            <dd>{use.persisted === null ? 'unknown' : use.persisted ? 'yes (persistent)' : 'no (best effort)'}</dd>
          </div>
          <div>
            <dt>Live events</dt>
            <dd>
              {formatCount(live.counts.received)} received, {formatCount(live.counts.rejected + live.alreadyStored)}{' '}
              rejected
              {live.lastLatencyMs !== null ? `, last update ${formatCount(live.lastLatencyMs)} ms after arrival` : ''}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="timings-heading">
        <h2 id="timings-heading">Timings</h2>
        {summaries.length === 0 ? (
          <p>Nothing measured yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Timings by name">
            <table data-testid="timings">
              <caption>Queries and jobs by name, the most recent first</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col" className="num">
                    Runs
                  </th>
                  <th scope="col" className="num">
                    Latest
                  </th>
                  <th scope="col" className="num">
                    Median
                  </th>
                  <th scope="col" className="num">
                    95th percentile
                  </th>
                  <th scope="col" className="num">
                    Slowest
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((t) => (
                  <tr key={`${t.kind}|${t.name}`} className={t.jumped ? 'warning' : undefined}>
                    <th scope="row">
                      {t.kind === 'job' ? 'job: ' : 'query: '}
                      {t.name}
                      {t.jumped && <strong> (jumped)</strong>}
                    </th>
                    <td className="num">{formatCount(t.count)}</td>
                    <td className="num">{ms(t.lastMs)}</td>
                    <td className="num">{ms(t.p50)}</td>
                    <td className="num">{ms(t.p95)}</td>
                    <td className="num">{ms(t.maxMs)}</td>
                    <td className="num">{formatCount(t.failures)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {button}
        {recent.length > 0 && (
          <>
            <h3>Latest</h3>
            <ol className="muted monitor-list">
              {recent.map((t, i) => (
                <li key={`${t.at}-${i}`}>
                  {t.kind} {t.name}: {ms(t.ms)}
                  {t.ok ? '' : ' (failed)'}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="errors-heading">
        <h2 id="errors-heading">Errors</h2>
        {errors.length === 0 ? (
          <p data-testid="no-errors">None in this tab.</p>
        ) : (
          <ol data-testid="errors" className="monitor-list">
            {errors.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                {e.source}: {e.message}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models</h2>
        {!run ? (
          <p>No predictions yet: fit them on the Predictions page.</p>
        ) : (
          <>
            <p>
              Last fit {formatDateTime(run.createdAt)} on {formatCount(run.customers)} customers.
              {validation
                ? ` Holdout check: ${formatCount(Math.round(validation.totals.predicted))} repeat purchases predicted, ${formatCount(validation.totals.actual)} happened (${formatPercent(validation.totals.predicted / Math.max(1, validation.totals.actual) - 1)} off); churn AUC ${validation.churn.modelAuc.toFixed(2)}${validation.churn.logisticAuc === null ? '' : `, logistic baseline ${validation.churn.logisticAuc.toFixed(2)}`}.`
                : ` ${run.validationNote ?? 'No holdout check.'}`}
            </p>
            {validation && <ChurnDriversTable importance={validation.churn.importance} />}
          </>
        )}
      </section>
      {manifest && <ModelHealthSection manifest={manifest} />}
    </>
  );
}
