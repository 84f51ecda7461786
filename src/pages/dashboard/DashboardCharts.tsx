// The Dashboard's charts, a lazy chunk of their own: the key figures and actions show first, and the
// chart code (visx) arrives just after.

import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import { BarChart } from '../../components/charts/BarChart';
import { ChartBox } from '../../components/charts/ChartBox';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { CohortHeatmap, cohortHeatmapHeight } from '../../components/charts/CohortHeatmap';
import { RevenueChart } from '../../components/charts/RevenueChart';
import type { CohortRetention } from '../../data/dashboard/cohortRetention';
import type { RevenueGrain, RevenuePoint } from '../../data/dashboard/dashboardQueries';
import { formatDayRange, partialNote } from '../../data/dashboard/periodText';
import type { HistogramBin } from '../../data/predictions/predictionQueries';
import { formatCount, formatDay, formatMonth } from '../../lib/format';

interface DashboardChartsProps {
  grain: RevenueGrain;
  onGrain: (grain: RevenueGrain) => void;
  revenue: RevenuePoint[] | undefined;
  cohorts: CohortRetention | undefined;
  segments: { name: string; size: number; revenue: number; revenueShare: number }[];
  distributions: { churn: HistogramBin[]; lifetimeValue: HistogramBin[] } | undefined;
  currency: string;
}

/** Revenue over time, cohort retention, segments and the prediction distributions. */
export default function DashboardCharts({
  grain,
  onGrain,
  revenue,
  cohorts,
  segments,
  distributions,
  currency,
}: DashboardChartsProps) {
  const money = (v: number) => formatMetric(v, 'money', currency);
  // A period is named by its first day: a month reads "Mar 2026", a day or week "Mar 2, 2026".
  const periodLabel = (period: string) => (grain === 'month' ? formatMonth(period.slice(0, 7)) : formatDay(period));
  const note = (r: RevenuePoint) => (r.partial ? partialNote(grain, r.partial) : null);
  const partialRevenue = (revenue ?? []).flatMap((r) => (r.partial ? [note(r)!] : []));
  const cohortRows = cohorts?.rows ?? [];
  return (
    <>
      {revenue && revenue.length > 0 && (
        <section aria-labelledby="revenue-heading">
          <h2 id="revenue-heading">Revenue over time</h2>
          <label>
            By{' '}
            <select value={grain} onChange={(e) => onGrain(e.target.value as RevenueGrain)}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
          <ChartFigure
            caption={`Net revenue per ${grain}`}
            fileName={`lantern-revenue-by-${grain}`}
            table={{
              columns: [grain, 'revenue', 'orders', 'coverage'],
              rows: revenue.map((r) => [periodLabel(r.period), money(r.revenue), formatCount(r.orders), note(r)]),
            }}
          >
            <ChartBox
              height={240}
              chart={(width) => (
                <RevenueChart
                  title={`Net revenue per ${grain} (${currency})`}
                  bars={revenue.map((r) => ({ period: r.period, value: r.revenue, partialNote: note(r) }))}
                  label={periodLabel}
                  yLabel={`revenue (${currency})`}
                  formatValue={money}
                  width={width}
                  xLabel={grain}
                />
              )}
            />
            {partialRevenue.length > 0 && (
              <p className="muted chart-note" data-testid="revenue-partial-note">
                Hatched bars, {partialRevenue.join('; ')}: the data covers only part of the {grain}, so the revenue is
                not a whole {grain}&apos;s.
              </p>
            )}
          </ChartFigure>
        </section>
      )}
      {cohorts && cohortRows.length > 0 && (
        <section aria-labelledby="cohort-heading">
          <h2 id="cohort-heading">Cohort retention</h2>
          <ChartFigure
            caption="Share of each monthly cohort (by first purchase) buying again in each month after"
            fileName="lantern-cohort-retention"
            table={{
              columns: ['cohort', 'customers', ...cohortRows[0]!.retention.map((_, m) => `month ${m}`)],
              rows: cohortRows.map((c) => [
                formatMonth(c.cohort),
                formatCount(c.customers),
                ...c.retention.map((v, m) =>
                  v === null
                    ? null
                    : `${formatMetric(v, 'ratio')}${c.partialMonths.includes(m) ? ' (partial month)' : ''}`,
                ),
              ]),
            }}
          >
            <ChartBox
              height={cohortHeatmapHeight(cohortRows.length)}
              chart={(width) => <CohortHeatmap rows={cohortRows} partial={cohorts.partial} width={width} />}
            />
            <p className="muted chart-note" data-testid="cohort-note">
              {cohorts.partial.length > 0 &&
                `Outlined cells are months the data covers only in part (${cohorts.partial
                  .map((p) => `${formatMonth(p.month)}: ${formatDayRange(p.covered)}`)
                  .join('; ')}), so they read low. `}
              The first cohort, {formatMonth(cohortRows[0]!.cohort)}, also holds the customers who bought before the
              data starts. Months after the data ends are blank.
            </p>
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
      {distributions && (
        <section aria-labelledby="distributions-heading">
          <h2 id="distributions-heading">Churn risk and lifetime value</h2>
          <div className="chart-row">
            <ChartFigure
              caption="Customers by churn probability"
              fileName="lantern-churn-distribution"
              table={{
                columns: ['churn probability from', 'to', 'customers'],
                rows: distributions.churn.map((b) => [
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
                    labels={distributions.churn.map((b) => `${Math.round(b.from * 100)}`)}
                    series={[
                      {
                        name: 'customers',
                        colour: '#e15759',
                        values: distributions.churn.map((b) => b.customers),
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
            {distributions.lifetimeValue.length > 0 && (
              <ChartFigure
                caption="Customers by predicted lifetime value"
                fileName="lantern-ltv-distribution"
                table={{
                  columns: ['lifetime value from', 'to', 'customers'],
                  rows: distributions.lifetimeValue.map((b) => [money(b.from), money(b.to), formatCount(b.customers)]),
                }}
              >
                <ChartBox
                  height={220}
                  chart={(width) => (
                    <BarChart
                      title="Customers by predicted lifetime value"
                      labels={distributions.lifetimeValue.map((b) => money(b.from))}
                      series={[
                        {
                          name: 'customers',
                          colour: '#59a14f',
                          values: distributions.lifetimeValue.map((b) => b.customers),
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
    </>
  );
}
