// The Dashboard: KPIs for the last 30, 90 or 365 days or all the data, against the previous period when
// the data covers it; revenue over time and cohort retention with partial months marked; segments,
// churn-risk and lifetime-value distributions, the best campaigns by ROAS, and the ranked next steps.
// Every figure is read from DuckDB; charts carry their data as a table and download as SVG or PNG.

import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import { EmptyState } from '../../components/ui/EmptyState';
import type { RevenueGrain } from '../../data/dashboard/dashboardQueries';
import { comparisonNote, formatDayRange } from '../../data/dashboard/periodText';
import { PERIOD_CHOICES, choosePeriod, type PeriodChoice } from '../../data/dashboard/periods';
import { campaignInputsKey } from '../../hooks/useCampaignJob';
import { useCampaignRun } from '../../hooks/useCampaignRun';
import { useCampaignMetrics } from '../../hooks/useCampaigns';
import {
  useActionFigures,
  useCohortRetention,
  useDashboardKpis,
  usePurchaseSpan,
  useRevenueSeries,
} from '../../hooks/useDashboard';
import { useHasData } from '../../hooks/useHasData';
import { usePredictionDistributions } from '../../hooks/usePredictions';
import { useReportRefresh } from '../../hooks/useReportRefresh';
import { useWorkspace } from '../../hooks/useWorkspace';
import { ActionPanel } from './ActionPanel';
import { KpiCards } from './KpiCards';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

const choiceLabel = (choice: PeriodChoice) => (choice === 'all' ? 'all data' : `last ${choice} days`);

/** The Dashboard view. */
export function DashboardPage() {
  const hasData = useHasData();
  const hasPurchases = useHasData('purchases');
  const hasPerformance = useHasData('campaign_performance');
  const { data: manifest } = useWorkspace();
  const key = manifest ? campaignInputsKey(manifest) : '';
  const [choice, setChoice] = useState<PeriodChoice>(30);
  const [grain, setGrain] = useState<RevenueGrain>('month');
  const span = usePurchaseSpan(key);
  const end = manifest?.settings.analysisDate ?? span.data?.lastDay ?? null;
  const kpis = useDashboardKpis(hasPurchases ? end : null, choice, key);
  const revenue = useRevenueSeries(grain, key);
  const cohorts = useCohortRetention(key);
  const figures = useActionFigures(key);
  const distributions = usePredictionDistributions(manifest?.predictions?.createdAt);
  const firstDay = span.data?.firstDay ?? null;
  const range = useMemo(
    () => (end && firstDay ? choosePeriod(choice, end, firstDay).current : null),
    [end, firstDay, choice],
  );
  const campaigns = useCampaignMetrics(hasPerformance ? range : null, 'campaign', key);
  const { run: campaignRun } = useCampaignRun(manifest, hasPerformance);
  // The report history follows the data: a new report is made here in the background when one is due.
  const report = useReportRefresh(manifest, hasPurchases, hasPerformance);
  // The charts' chunk is asked for in the frame after the key figures are painted, so they come first.
  const [chartsWanted, setChartsWanted] = useState(false);
  useEffect(() => {
    if (!kpis.data || chartsWanted) return;
    const frame = requestAnimationFrame(() => setChartsWanted(true));
    return () => cancelAnimationFrame(frame);
  }, [kpis.data, chartsWanted]);

  if (hasData === false || !manifest) {
    return (
      <>
        <h1>Dashboard</h1>
        {hasData === false && (
          <EmptyState title="Welcome to Lantern">
            <p>
              Drop your customers, purchases, campaigns and daily campaign performance files, and Lantern will show
              revenue, segments, churn risk, lifetime value and where your marketing budget works hardest.
            </p>
          </EmptyState>
        )}
      </>
    );
  }
  const currency = manifest.settings.currency;
  const money = (v: number) => formatMetric(v, 'money', currency);
  const segments = manifest.segmentation?.profiles ?? [];
  const top = (campaigns.data?.rows ?? [])
    .filter((r) => r.roas !== null && r.cost > 0)
    .sort((a, b) => (b.roas ?? 0) - (a.roas ?? 0))
    .slice(0, 5);
  return (
    <>
      <h1>Dashboard</h1>
      {(report.isPending || report.isSuccess || report.error) && (
        <p className="muted" role="status" data-testid="report-status">
          {report.isPending
            ? 'Making the executive report for this data…'
            : report.error
              ? `The report could not be made: ${report.error.message}`
              : 'A new executive report was made for this data: '}
          {report.isSuccess && <Link to="/reports">open Reports</Link>}
        </p>
      )}
      {!hasPurchases && (
        <p className="muted">
          Import purchases to see revenue, orders and customers; the <Link to="/data">Data page</Link> takes them.
        </p>
      )}
      {hasPurchases && end && (
        <section aria-labelledby="kpi-heading">
          <h2 id="kpi-heading">Key figures</h2>
          <div className="inline-fields">
            <label>
              Period{' '}
              <select
                value={String(choice)}
                onChange={(e) => setChoice(e.target.value === 'all' ? 'all' : (Number(e.target.value) as PeriodChoice))}
              >
                {PERIOD_CHOICES.map((c) => (
                  <option key={c} value={String(c)}>
                    {choiceLabel(c)}
                  </option>
                ))}
              </select>
            </label>
            {kpis.data && (
              <span className="muted" data-testid="kpi-period">
                {formatDayRange(kpis.data.period)}
                {kpis.data.comparison.kind === 'full'
                  ? `, against the ${choice} days before`
                  : `; ${comparisonNote(kpis.data.comparison)}.`}
              </span>
            )}
          </div>
          {kpis.data && <KpiCards kpis={kpis.data} currency={currency} />}
        </section>
      )}
      <ActionPanel figures={figures.data} campaigns={campaignRun?.result ?? null} currency={currency} />
      {chartsWanted && (
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <DashboardCharts
            grain={grain}
            onGrain={setGrain}
            revenue={revenue.data}
            cohorts={cohorts.data}
            segments={segments}
            distributions={distributions.data}
            currency={currency}
          />
        </Suspense>
      )}
      {top.length > 0 && (
        <section aria-labelledby="top-campaigns-heading">
          <h2 id="top-campaigns-heading">Top campaigns by ROAS</h2>
          <p className="muted">
            Over the same period{range ? ` (${formatDayRange(range)})` : ''}; ROAS = revenue ÷ cost.
          </p>
          <ol className="top-campaigns">
            {top.map((r) => (
              <li key={r.key}>
                <Link to={`/campaigns?campaign=${encodeURIComponent(r.key)}`}>{r.label}</Link>:{' '}
                {formatMetric(r.roas, 'multiple')} on {money(r.cost)} spent
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
