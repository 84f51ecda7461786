// Reports: the executive report of the current data, generated again (also in the background, from the
// Dashboard) when the data, segments or predictions change or after a week, kept in a dated history to compare; printable to PDF with the
// browser and downloadable as one self-contained HTML file.

import { useState } from 'react';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { MAX_REPORTS } from '../../data/reports/reportSnapshot';
import { useHasData } from '../../hooks/useHasData';
import { useReportRefresh } from '../../hooks/useReportRefresh';
import { useWorkspace } from '../../hooks/useWorkspace';
import { downloadBlob } from '../../lib/download';
import { ReportView } from './ReportView';
import { reportHtml } from './reportHtml';
import { formatDay } from '../../lib/format';

/** The Reports view. */
export function ReportsPage() {
  const hasPurchases = useHasData('purchases');
  const hasPerformance = useHasData('campaign_performance');
  const { data: manifest } = useWorkspace();
  const generate = useReportRefresh(manifest, hasPurchases, hasPerformance);
  const [chosen, setChosen] = useState<string | null>(null);
  const [compare, setCompare] = useState<string>('');

  if (hasPurchases !== true || !manifest) {
    return (
      <WaitingForDataPage
        title="Reports"
        table="purchases"
        promise="An executive report of key figures, segments, risks and campaign recommendations, kept week by week."
      />
    );
  }
  const reports = manifest.reports;
  const report = reports.find((r) => r.id === chosen) ?? reports.at(-1) ?? null;
  const earlier = reports.find((r) => r.id === compare) ?? null;
  const label = (r: (typeof reports)[number]) => new Date(r.generatedAt).toLocaleString();
  return (
    <>
      <div className="report-tools">
        <h1>Reports</h1>
        <p className="muted">
          Generated from this workspace on this device, again whenever data, segments or predictions change (and at
          least weekly when you open the Dashboard or this page); the last {MAX_REPORTS} are kept.
        </p>
        <div className="inline-fields">
          <label>
            Report{' '}
            <select data-testid="report-select" value={report?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {[...reports].reverse().map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)} (to {formatDay(r.periodEnd)})
                </option>
              ))}
            </select>
          </label>
          <label>
            Compare with{' '}
            <select data-testid="compare-select" value={compare} onChange={(e) => setCompare(e.target.value)}>
              <option value="">nothing</option>
              {[...reports]
                .reverse()
                .filter((r) => r.id !== report?.id)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {label(r)} (to {formatDay(r.periodEnd)})
                  </option>
                ))}
            </select>
          </label>
        </div>
        <div className="actions">
          <button type="button" className="button" onClick={() => generate.mutate()} disabled={generate.isPending}>
            Generate now
          </button>
          <button type="button" className="button" onClick={() => window.print()} disabled={!report}>
            Print or save as PDF
          </button>
          <button
            type="button"
            className="button"
            disabled={!report}
            onClick={() =>
              report &&
              downloadBlob(
                new Blob([reportHtml(report, earlier)], { type: 'text/html' }),
                `lantern-report-${report.periodEnd}.html`,
              )
            }
          >
            Download HTML
          </button>
        </div>
        {generate.isPending && <p role="status">Generating the report…</p>}
        {generate.error && <p role="alert">{generate.error.message}</p>}
      </div>
      {report ? (
        <ReportView report={report} compareWith={earlier} interactive />
      ) : (
        !generate.isPending && <p>No report yet.</p>
      )}
    </>
  );
}
