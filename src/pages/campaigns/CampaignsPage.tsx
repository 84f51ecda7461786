// Campaigns: metrics by campaign, day, channel and target segment over any range; the daily chart; the
// goal-based optimisation (response curves, reallocation, bids, creatives, audiences, drops) run in the
// ML worker; the recommendations and the decision log. Everything downloads as CSV or JSON.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { GOAL_LABELS, type CampaignOptimisationSettings } from '../../analytics/campaigns/campaignSettings';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import type { CampaignGrouping, DateRange } from '../../data/campaigns/campaignQueries';
import { campaignInputsKey, defaultCampaignRange, useCampaignJob } from '../../hooks/useCampaignJob';
import { useCampaignMetrics, usePerformanceRange } from '../../hooks/useCampaigns';
import { useHasData } from '../../hooks/useHasData';
import { useWorkspace } from '../../hooks/useWorkspace';
import { downloadBlob } from '../../lib/download';
import { AllocationPanel } from './AllocationPanel';
import { CampaignAdvice } from './CampaignAdvice';
import { CampaignDataChecks } from './CampaignDataChecks';
import { CampaignMetricsTable } from './CampaignMetricsTable';
import { DailyMetricPanel } from './DailyMetricPanel';
import { DecisionLogPanel } from './DecisionLogPanel';
import { OptimisationControls } from './OptimisationControls';
import { RecommendationList } from './RecommendationList';
import { metricsCsv, metricsJson, optimisationCsv, optimisationJson, recommendationsCsv } from './campaignExports';
import { formatDay } from '../../lib/format';

const DAY_MS = 86_400_000;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The Campaigns view. */
export function CampaignsPage() {
  const hasPerformance = useHasData('campaign_performance');
  const { data: manifest } = useWorkspace();
  const importsKey = manifest?.imports.map((r) => r.id).join('|') ?? '';
  const dataRange = usePerformanceRange(importsKey);
  const [rangeEdit, setRangeEdit] = useState<Partial<DateRange>>({});
  const [grouping, setGrouping] = useState<CampaignGrouping>('campaign');
  const [params, setParams] = useSearchParams();
  const focus = params.get('campaign');
  // Narrow subscriptions: the whole page must not re-render on every progress report.
  const jobStatus = useCampaignJob((s) => s.status);
  const run = useCampaignJob((s) => s.result);
  const startJob = useCampaignJob((s) => s.start);
  // By default the whole data, or its last three years when it spans more (the optimisation's limit).
  const defaultFrom = dataRange.data ? defaultCampaignRange(dataRange.data).from : null;
  const range: DateRange | null =
    dataRange.data && defaultFrom
      ? { from: rangeEdit.from ?? defaultFrom, to: rangeEdit.to ?? dataRange.data.to }
      : null;
  const rangeProblem =
    range &&
    (!(range.from <= range.to) || !/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to))
      ? 'The range must run from an earlier date to a later one.'
      : null;
  // One object per distinct range, so memoised sections do not re-render for an equal one.
  const from = rangeProblem ? null : range?.from;
  const to = rangeProblem ? null : range?.to;
  const usableRange = useMemo(() => (from && to ? { from, to } : null), [from, to]);
  const metrics = useCampaignMetrics(usableRange, grouping, importsKey);
  const byCampaign = useCampaignMetrics(usableRange, 'campaign', importsKey);
  const names = useMemo(() => new Map((byCampaign.data?.rows ?? []).map((r) => [r.key, r.label])), [byCampaign.data]);
  const stale = run !== null && manifest !== undefined && run.basedOn !== campaignInputsKey(manifest);

  // The optimisation runs by itself the first time the page has data (and again after an import).
  const storedSettings = manifest?.campaigns.settings;
  useEffect(() => {
    if (!usableRange || !storedSettings || jobStatus === 'running') return;
    if (jobStatus === 'failed' || jobStatus === 'cancelled') return;
    if (run === null || stale) void startJob({ settings: storedSettings, range: usableRange });
  }, [usableRange, storedSettings, jobStatus, startJob, run, stale]);
  const openOptimisation = useCallback(
    (campaignId: string) => {
      setParams({ campaign: campaignId });
      document.getElementById('allocation-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    [setParams],
  );
  const selectCampaign = useCallback((id: string | null) => setParams(id ? { campaign: id } : {}), [setParams]);
  const appliedKeys = useMemo(
    () => new Set(manifest?.campaigns.decisions.map((d) => d.id) ?? []),
    [manifest?.campaigns.decisions],
  );
  const campaignList = useMemo(
    () => (byCampaign.data?.rows ?? []).map((r) => ({ id: r.key, name: r.label })),
    [byCampaign.data],
  );

  if (hasPerformance !== true || !manifest) {
    return (
      <WaitingForDataPage
        title="Campaigns"
        table="campaign_performance"
        promise="CTR, CPC, conversion rate, CPA and ROAS per campaign, channel and segment, and where the next dollar of budget should go."
      />
    );
  }
  const currency = manifest.settings.currency;
  const runOptimisation = (settings: CampaignOptimisationSettings) => {
    if (!usableRange) return;
    void startJob({ settings, range: usableRange });
  };

  const download = (blob: Blob, name: string) => downloadBlob(blob, name);
  const result = run?.result ?? null;
  return (
    <div className="campaigns-page">
      <h1>Campaigns</h1>
      <p className="muted">
        Ratios are taken from summed counts (total ROAS = total revenue ÷ total cost), never averaged. Everything is
        computed on this device.
      </p>
      <form className="inline-fields" aria-label="Date range" onSubmit={(e) => e.preventDefault()}>
        <label>
          From{' '}
          <input
            type="date"
            value={range?.from ?? ''}
            min={dataRange.data?.from}
            max={dataRange.data?.to}
            onChange={(e) => setRangeEdit((r) => ({ ...r, from: e.target.value || undefined }))}
          />
        </label>
        <label>
          to{' '}
          <input
            type="date"
            value={range?.to ?? ''}
            min={dataRange.data?.from}
            max={dataRange.data?.to}
            onChange={(e) => setRangeEdit((r) => ({ ...r, to: e.target.value || undefined }))}
          />
        </label>
        <button type="button" className="button" onClick={() => setRangeEdit({})}>
          {defaultFrom === dataRange.data?.from ? 'Whole range' : 'Last three years'}
        </button>
      </form>
      {rangeProblem && <p role="alert">{rangeProblem}</p>}
      <CampaignDataChecks importsKey={importsKey} />

      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">Metrics</h2>
        <div className="inline-fields">
          <label>
            By{' '}
            <select value={grouping} onChange={(e) => setGrouping(e.target.value as CampaignGrouping)}>
              <option value="campaign">campaign</option>
              <option value="day">day</option>
              <option value="channel">channel / type</option>
              <option value="segment">target segment</option>
            </select>
          </label>
          {metrics.data && usableRange && (
            <span className="actions">
              <button
                type="button"
                className="button"
                onClick={() => download(metricsCsv(metrics.data, grouping), `lantern-campaigns-by-${grouping}.csv`)}
              >
                Download (CSV)
              </button>
              <button
                type="button"
                className="button"
                onClick={() =>
                  download(metricsJson(metrics.data, grouping, usableRange), `lantern-campaigns-by-${grouping}.json`)
                }
              >
                Download (JSON)
              </button>
            </span>
          )}
        </div>
        {metrics.error && <p role="alert">{metrics.error.message}</p>}
        {metrics.data && <CampaignMetricsTable table={metrics.data} grouping={grouping} currency={currency} />}
      </section>

      {usableRange && (
        <DailyMetricPanel
          range={usableRange}
          campaigns={campaignList}
          currency={currency}
          importsKey={importsKey}
          drops={result?.drops ?? []}
          campaignId={focus}
          onCampaign={selectCampaign}
        />
      )}

      <section aria-labelledby="optimise-heading" id="optimise">
        <h2 id="optimise-heading">Optimisation</h2>
        <p className="muted">
          Goal: {GOAL_LABELS[storedSettings?.goal ?? 'revenue']}. Response curves (outcome = a·spend^b, fitted on the
          log scale) use every day of the range; “current” spend, bids and creatives use its last{' '}
          {storedSettings?.recentDays ?? 28} days.
        </p>
        <OptimisationControls
          key={run?.request.settings ? JSON.stringify(run.request.settings) : 'stored'}
          stored={run?.request.settings ?? manifest.campaigns.settings}
          states={result?.states ?? null}
          names={names}
          onRun={runOptimisation}
        />
        {stale && (
          <p className="warning">Data was imported after this optimisation ran: optimise again to include it.</p>
        )}
        {run && result && usableRange && (
          <>
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => download(optimisationCsv(run), 'lantern-optimisation.csv')}
              >
                Download the plan (CSV)
              </button>
              <button
                type="button"
                className="button"
                onClick={() => download(recommendationsCsv(run), 'lantern-recommendations.csv')}
              >
                Download recommendations (CSV)
              </button>
              <button
                type="button"
                className="button"
                onClick={() => download(optimisationJson(run), 'lantern-optimisation.json')}
              >
                Download everything (JSON)
              </button>
            </div>
            <p className="muted">
              Ran on {formatDay(result.range.from)} to {formatDay(result.range.to)} in{' '}
              {(run.durationMs / 1000).toFixed(2)} s.
            </p>
            <section aria-labelledby="recommendations-heading">
              <h2 id="recommendations-heading">Recommendations</h2>
              <RecommendationList
                recommendations={result.recommendations}
                applied={appliedKeys}
                defaultDate={nextDay(dataRange.data?.to ?? result.range.to)}
                names={names}
                onShow={openOptimisation}
              />
            </section>
            <AllocationPanel
              result={result}
              names={names}
              currency={currency}
              range={run.request.range}
              importsKey={importsKey}
              selected={focus}
              onSelect={selectCampaign}
            />
            <CampaignAdvice result={result} names={names} currency={currency} onOptimise={openOptimisation} />
          </>
        )}
      </section>
      <DecisionLogPanel
        decisions={manifest.campaigns.decisions}
        names={names}
        importsKey={importsKey}
        baselineDays={manifest.campaigns.settings.recentDays}
      />
    </div>
  );
}
