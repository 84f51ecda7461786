// The Dashboard: KPIs against the previous period, revenue over time, cohort retention, segments,
// churn-risk and lifetime-value distributions, the best campaigns by ROAS, and the ranked next steps.
// Every figure is read from DuckDB; charts carry their data as a table and download as SVG or PNG.

import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import { BarChart } from '../../components/charts/BarChart';
import { ChartBox } from '../../components/charts/ChartBox';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { CohortHeatmap } from '../../components/charts/CohortHeatmap';
import { DailyLineChart } from '../../components/charts/DailyLineChart';
import { EmptyState } from '../../components/ui/EmptyState';
import { periodsEndingOn, type RevenueGrain } from '../../data/dashboard/dashboardQueries';
import { campaignInputsKey, defaultCampaignRange, useCampaignJob } from '../../hooks/useCampaignJob';
import { useCampaignMetrics, usePerformanceRange } from '../../hooks/useCampaigns';
import {
  useActionFigures,
  useCohortRetention,
  useDashboardKpis,
  useLastPurchaseDay,
  useRevenueSeries,
} from '../../hooks/useDashboard';
import { useHasData } from '../../hooks/useHasData';
import { usePredictionDistributions } from '../../hooks/usePredictions';
import { useWorkspace } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';
import { ActionPanel } from './ActionPanel';
import { KpiCards } from './KpiCards';

const PERIODS = [30, 90, 365] as const;

/** The Dashboard view. */
export function DashboardPage() {
  const hasData = useHasData();
  const hasPurchases = useHasData('purchases');
  const hasPerformance = useHasData('campaign_performance');
  const { data: manifest } = useWorkspace();
  const key = manifest ? campaignInputsKey(manifest) : '';
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [grain, setGrain] = useState<RevenueGrain>('month');
  const lastDay = useLastPurchaseDay(key);
  const end = manifest?.settings.analysisDate ?? lastDay.data ?? null;
  const kpis = useDashboardKpis(hasPurchases ? end : null, days, key);
  const revenue = useRevenueSeries(grain, key);
  const cohorts = useCohortRetention(key);
  const figures = useActionFigures(key);
  const distributions = usePredictionDistributions(manifest?.predictions?.createdAt);
  const range = useMemo(() => (end ? periodsEndingOn(end, days).current : null), [end, days]);
  const campaigns = useCampaignMetrics(hasPerformance ? range : null, 'campaign', key);
  const performanceRange = usePerformanceRange(manifest?.imports.map((r) => r.id).join('|') ?? '');
  const campaignRun = useCampaignJob((s) => s.result);
  const campaignStatus = useCampaignJob((s) => s.status);
  const startCampaigns = useCampaignJob((s) => s.start);
  // The budget move in the action list comes from the campaign optimisation, run here too if needed.
  useEffect(() => {
    const data = performanceRange.data;
    if (!hasPerformance || !manifest || !data || campaignStatus !== 'idle' || campaignRun) return;
    void startCampaigns({ settings: manifest.campaigns.settings, range: defaultCampaignRange(data) });
  }, [hasPerformance, manifest, performanceRange.data, campaignStatus, campaignRun, startCampaigns]);

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
              <select value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}>
                {PERIODS.map((d) => (
                  <option key={d} value={d}>
                    last {d} days
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">
              to {end}, against the {days} days before
            </span>
          </div>
          {kpis.data && <KpiCards kpis={kpis.data} days={days} currency={currency} />}
        </section>
      )}
      <ActionPanel figures={figures.data} campaigns={campaignRun?.result ?? null} currency={currency} />
      {revenue.data && revenue.data.length > 0 && (
        <section aria-labelledby="revenue-heading">
          <h2 id="revenue-heading">Revenue over time</h2>
          <label>
            By{' '}
            <select value={grain} onChange={(e) => setGrain(e.target.value as RevenueGrain)}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
          <ChartFigure
            caption={`Net revenue per ${grain}`}
            fileName={`lantern-revenue-by-${grain}`}
            table={{
              columns: [grain, 'revenue', 'orders'],
              rows: revenue.data.map((r) => [r.period, money(r.revenue), formatCount(r.orders)]),
            }}
          >
            <ChartBox
              height={240}
              chart={(width) => (
                <DailyLineChart
                  title={`Net revenue per ${grain} (${currency})`}
                  points={revenue.data.map((r) => ({ date: r.period, value: r.revenue }))}
                  yLabel={`revenue (${currency})`}
                  formatValue={money}
                  width={width}
                  xLabel={grain}
                />
              )}
            />
          </ChartFigure>
        </section>
      )}
      {cohorts.data && cohorts.data.length > 0 && (
        <section aria-labelledby="cohort-heading">
          <h2 id="cohort-heading">Cohort retention</h2>
          <ChartFigure
            caption="Share of each monthly cohort (by first purchase) buying again in each month after"
            fileName="lantern-cohort-retention"
            table={{
              columns: ['cohort', 'customers', ...cohorts.data[0]!.retention.map((_, m) => `month ${m}`)],
              rows: cohorts.data.map((c) => [
                c.cohort,
                formatCount(c.customers),
                ...c.retention.map((v) => (v === null ? null : formatMetric(v, 'ratio'))),
              ]),
            }}
          >
            <ChartBox
              height={40 + cohorts.data.length * 22 + 8}
              chart={(width) => <CohortHeatmap rows={cohorts.data} width={width} />}
            />
          </ChartFigure>
        </section>
      )}
      {segments.length > 0 && (
        <section aria-labelledby="segment-sizes-heading">
          <h2 id="segment-sizes-heading">Segments</h2>
          <ChartFigure
            caption="Customers and revenue per segment"
            fileName="lantern-segments"
            table={{
              columns: ['segment', 'customers', 'revenue', 'share of revenue'],
              rows: segments.map((s) => [
                s.name,
                formatCount(s.size),
                money(s.revenue),
                formatMetric(s.revenueShare, 'ratio'),
              ]),
            }}
          >
            <ChartBox
              height={240}
              chart={(width) => (
                <BarChart
                  title="Share of customers and of revenue per segment"
                  labels={segments.map((s) => s.name)}
                  series={[
                    {
                      name: 'customers',
                      colour: '#4e79a7',
                      values: segments.map(
                        (s) =>
                          s.size /
                          Math.max(
                            1,
                            segments.reduce((t, x) => t + x.size, 0),
                          ),
                      ),
                    },
                    { name: 'revenue', colour: '#f28e2b', values: segments.map((s) => s.revenueShare) },
                  ]}
                  xLabel="segment"
                  yLabel="share"
                  formatValue={(v) => formatMetric(v, 'ratio')}
                  width={width}
                />
              )}
            />
          </ChartFigure>
        </section>
      )}
      {distributions.data && (
        <section aria-labelledby="distributions-heading">
          <h2 id="distributions-heading">Churn risk and lifetime value</h2>
          <div className="chart-row">
            <ChartFigure
              caption="Customers by churn probability"
              fileName="lantern-churn-distribution"
              table={{
                columns: ['churn probability from', 'to', 'customers'],
                rows: distributions.data.churn.map((b) => [
                  formatMetric(b.from, 'ratio'),
                  formatMetric(b.to, 'ratio'),
                  formatCount(b.customers),
                ]),
              }}
            >
              <ChartBox
                height={220}
                chart={(width) => (
                  <BarChart
                    title="Customers by churn probability"
                    labels={distributions.data.churn.map((b) => `${Math.round(b.from * 100)}`)}
                    series={[
                      {
                        name: 'customers',
                        colour: '#e15759',
                        values: distributions.data.churn.map((b) => b.customers),
                      },
                    ]}
                    xLabel="churn probability (%, bins of 5)"
                    yLabel="customers"
                    formatValue={formatCount}
                    width={width}
                  />
                )}
              />
            </ChartFigure>
            {distributions.data.lifetimeValue.length > 0 && (
              <ChartFigure
                caption="Customers by predicted lifetime value"
                fileName="lantern-ltv-distribution"
                table={{
                  columns: ['lifetime value from', 'to', 'customers'],
                  rows: distributions.data.lifetimeValue.map((b) => [
                    money(b.from),
                    money(b.to),
                    formatCount(b.customers),
                  ]),
                }}
              >
                <ChartBox
                  height={220}
                  chart={(width) => (
                    <BarChart
                      title="Customers by predicted lifetime value"
                      labels={distributions.data.lifetimeValue.map((b) => money(b.from))}
                      series={[
                        {
                          name: 'customers',
                          colour: '#59a14f',
                          values: distributions.data.lifetimeValue.map((b) => b.customers),
                        },
                      ]}
                      xLabel={`lifetime value (${currency})`}
                      yLabel="customers"
                      formatValue={formatCount}
                      width={width}
                    />
                  )}
                />
              </ChartFigure>
            )}
          </div>
        </section>
      )}
      {top.length > 0 && (
        <section aria-labelledby="top-campaigns-heading">
          <h2 id="top-campaigns-heading">Top campaigns by ROAS</h2>
          <p className="muted">Over the same {days} days; ROAS = revenue ÷ cost.</p>
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
