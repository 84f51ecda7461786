// Reports: the executive report of the current data, generated again when the data, segments or
// predictions change (or after a week), kept in a dated history to compare; printable to PDF with the
// browser and downloadable as one self-contained HTML file.

import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { generateReport } from '../../data/reports/buildReport';
import { MAX_REPORTS, reportDue } from '../../data/reports/reportSnapshot';
import { campaignInputsKey } from '../../hooks/useCampaignJob';
import { useCampaignRun } from '../../hooks/useCampaignRun';
import { useHasData } from '../../hooks/useHasData';
import { queryClient } from '../../hooks/queryClient';
import { useWorkspace } from '../../hooks/useWorkspace';
import { downloadBlob } from '../../lib/download';
import { ReportView } from './ReportView';
import { reportHtml } from './reportHtml';

/** The Reports view. */
export function ReportsPage() {
  const hasPurchases = useHasData('purchases');
  const hasPerformance = useHasData('campaign_performance');
  const { data: manifest } = useWorkspace();
  const key = manifest ? campaignInputsKey(manifest) : '';
  const { run: campaignRun, status: campaignStatus } = useCampaignRun(manifest, hasPerformance);
  const generate = useMutation({
    mutationFn: () => generateReport(key, campaignRun?.result ?? null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workspace'] }),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [compare, setCompare] = useState<string>('');
  const tried = useRef('');

  // Campaign recommendations come from the optimisation (useCampaignRun starts it): wait for it.
  const campaignsReady =
    !hasPerformance || (campaignRun !== null && campaignStatus !== 'running') || campaignStatus === 'failed';
  // A new report when the data changed or the last one is a week old (once per change).
  useEffect(() => {
    if (!manifest || !hasPurchases || !campaignsReady || generate.isPending || tried.current === key) return;
    if (!reportDue(manifest.reports.at(-1), key)) return;
    tried.current = key;
    generate.mutate();
  }, [manifest, hasPurchases, campaignsReady, generate, key]);

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
          least weekly when you open this page); the last {MAX_REPORTS} are kept.
        </p>
        <div className="inline-fields">
          <label>
            Report{' '}
            <select data-testid="report-select" value={report?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {[...reports].reverse().map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)} (to {r.periodEnd})
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
                    {label(r)} (to {r.periodEnd})
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
      {report ? <ReportView report={report} compareWith={earlier} /> : !generate.isPending && <p>No report yet.</p>}
    </>
  );
}
