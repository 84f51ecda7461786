// The executive report drawn from a snapshot, the same markup in the app and in the exported HTML
// file: its styles and its chart are inline, so the file is self-contained. Like the Dashboard, it shows
// a change against the previous period only when the data covers all of it, and marks partial months.

import type { ReportSnapshot } from '../../data/reports/reportSnapshot';
import type { PeriodKpis } from '../../data/dashboard/dashboardQueries';
import { comparisonNote, partialNote } from '../../data/dashboard/periodText';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { formatDay, formatMonth } from '../../lib/format';

// Scoped to .report; also written into the exported file, where it is the only style. In the app the
// colours follow the theme's variables; in the file their light fallbacks apply.
export const REPORT_CSS = `
.report { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.45; max-width: 60rem; }
.report h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
.report h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid var(--border, #d1d5db); padding-bottom: 0.2rem; }
.report .table-box { overflow-x: auto; }
.report table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.report th, .report td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--border, #e5e7eb); }
.report .num { text-align: right; font-variant-numeric: tabular-nums; }
.report .up { color: var(--up, #2e7d32); } .report .down { color: var(--down, #c62828); }
.report .note { color: var(--muted, #4b5563); font-size: 0.85rem; }
.report svg text { font-size: 10px; fill: currentColor; }
@media print { .report h2 { break-after: avoid; } .report table, .report svg { break-inside: avoid; } }
`;

interface ReportViewProps {
  report: ReportSnapshot;
  /** An earlier report to compare the key figures with. */
  compareWith?: ReportSnapshot | null;
  /** In the app: the chart offers its SVG and PNG downloads. The exported file has no scripts to run them. */
  interactive?: boolean;
}

const pct = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(1)} %`);

/** The whole report. */
export function ReportView({ report, compareWith, interactive = false }: ReportViewProps) {
  const money = (v: number | null) =>
    v === null ? '—' : new Intl.NumberFormat(undefined, { style: 'currency', currency: report.currency }).format(v);
  const count = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat().format(v));
  const roas = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);
  const rows: [string, (k: PeriodKpis) => number | null, (v: number | null) => string][] = [
    ['Revenue (net of returns)', (k) => k.revenue, money],
    ['Orders', (k) => k.orders, count],
    ['Active customers', (k) => k.activeCustomers, count],
    ['Average order value', (k) => k.averageOrderValue, money],
    ['Repeat rate', (k) => k.repeatRate, pct],
    ['Blended ROAS', (k) => k.blendedRoas, roas],
  ];
  const change = (now: number | null, before: number | null) =>
    now === null || before === null || !(Math.abs(before) > 0) ? null : now / before - 1;
  const generated = new Date(report.generatedAt).toLocaleString();
  const previous = report.kpis.previous;
  // Reports made before coverage was checked carry no comparison: their previous period is shown as it was.
  const noComparison = report.kpis.comparison ? comparisonNote(report.kpis.comparison) : null;
  const monthNote = (m: ReportSnapshot['revenueByMonth'][number]) =>
    m.partial ? partialNote('month', m.partial) : null;
  return (
    <article className="report" data-testid="report">
      <style>{REPORT_CSS}</style>
      <h1>Executive report</h1>
      <p className="note">
        Generated {generated} by Lantern on this device · the {report.periodDays} days to {formatDay(report.periodEnd)}
        {noComparison ? `; ${noComparison}` : ` against the ${report.periodDays} days before`}
        {compareWith ? ` · compared with the report of ${new Date(compareWith.generatedAt).toLocaleString()}` : ''}
      </p>

      <section>
        <h2>Key figures</h2>
        <div className="table-box" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col" className="num">
                  Last {report.periodDays} days
                </th>
                <th scope="col" className="num">
                  Previous {report.periodDays} days
                </th>
                <th scope="col" className="num">
                  Change
                </th>
                {compareWith && (
                  <th scope="col" className="num">
                    In the earlier report
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, pick, format]) => {
                const before = previous && !noComparison ? pick(previous) : null;
                const c = change(pick(report.kpis.current), before);
                return (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{format(pick(report.kpis.current))}</td>
                    <td className="num">{format(before)}</td>
                    <td className={c === null ? 'num' : c >= 0 ? 'num up' : 'num down'}>
                      {c === null ? '—' : `${c >= 0 ? '+' : '−'}${Math.abs(100 * c).toFixed(1)} %`}
                    </td>
                    {compareWith && <td className="num">{format(pick(compareWith.kpis.current))}</td>}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">Predicted revenue (lifetime value of all customers)</th>
                <td className="num">{money(report.kpis.predictedRevenue)}</td>
                <td className="num">—</td>
                <td className="num">—</td>
                {compareWith && <td className="num">{money(compareWith.kpis.predictedRevenue)}</td>}
              </tr>
              <tr>
                <th scope="row">Customers at high churn risk</th>
                <td className="num">{count(report.kpis.highRiskCustomers)}</td>
                <td className="num">—</td>
                <td className="num">—</td>
                {compareWith && <td className="num">{count(compareWith.kpis.highRiskCustomers)}</td>}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2>Revenue by month</h2>
        {interactive ? (
          <ChartFigure
            caption="Net revenue by month"
            fileName={`lantern-report-revenue-${report.periodEnd}`}
            table={{
              columns: ['Month', 'Net revenue', 'Coverage'],
              rows: report.revenueByMonth.map((m) => [formatMonth(m.period), money(m.revenue), monthNote(m)]),
            }}
          >
            <RevenueBars months={report.revenueByMonth} money={money} />
          </ChartFigure>
        ) : (
          <>
            <RevenueBars months={report.revenueByMonth} money={money} />
            {/* The chart's figures as a table, for keyboards and screen readers; plain HTML so the exported file has it too. */}
            <details className="chart-table">
              <summary>Revenue by month as a table</summary>
              <div className="table-box" tabIndex={0}>
                <table>
                  <caption>Net revenue by month</caption>
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col" className="num">
                        Net revenue
                      </th>
                      <th scope="col">Coverage</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.revenueByMonth.map((m) => (
                      <tr key={m.period}>
                        <th scope="row">{formatMonth(m.period)}</th>
                        <td className="num">{money(m.revenue)}</td>
                        <td>{monthNote(m) ?? 'whole month'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
        {report.revenueByMonth.some((m) => m.partial) && (
          <p className="note" data-testid="report-partial-months">
            Lighter bars, {report.revenueByMonth.flatMap((m) => monthNote(m) ?? []).join('; ')}: the data covers only
            part of the month, so its revenue is not a whole month&apos;s.
          </p>
        )}
      </section>

      <section>
        <h2>Segments</h2>
        {report.segments ? (
          <div className="table-box" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Customers
                  </th>
                  <th scope="col" className="num">
                    Share of revenue
                  </th>
                  <th scope="col">Value tier</th>
                  <th scope="col">Treatment</th>
                </tr>
              </thead>
              <tbody>
                {report.segments.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td className="num">{count(s.size)}</td>
                    <td className="num">{pct(s.revenueShare)}</td>
                    <td>{s.tier}</td>
                    <td>{s.treatment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="note">No segmentation yet.</p>
        )}
      </section>

      <section>
        <h2>Risks</h2>
        {report.risk ? (
          <p>
            Churn risk: <strong>{count(report.risk.high)}</strong> customers high, {count(report.risk.medium)} medium,{' '}
            {count(report.risk.low)} low.
          </p>
        ) : (
          <p className="note">No predictions yet.</p>
        )}
      </section>

      <section>
        <h2>Recommended actions</h2>
        {report.actions.length === 0 ? (
          <p className="note">No ranked actions: segment customers, predict and import campaign performance.</p>
        ) : (
          <ol>
            {report.actions.map((a) => (
              <li key={a.title}>
                <strong>{a.title}</strong> ({money(a.value)} at stake). {a.why}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section>
        <h2>Campaign recommendations</h2>
        {!report.campaigns ? (
          <p className="note">No campaign performance data.</p>
        ) : (
          <>
            {report.campaigns.allocation && (
              <p>
                Reallocating {money(report.campaigns.allocation.budget)} a day: expected{' '}
                {money(report.campaigns.allocation.expected)} a day instead of{' '}
                {money(report.campaigns.allocation.current)} (90 % range of the change{' '}
                {money(report.campaigns.allocation.low)} to {money(report.campaigns.allocation.high)}).
              </p>
            )}
            {report.campaigns.topByRoas.length > 0 && (
              <div className="table-box" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Top campaigns by ROAS</th>
                      <th scope="col" className="num">
                        ROAS
                      </th>
                      <th scope="col" className="num">
                        Cost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.campaigns.topByRoas.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">{c.name}</th>
                        <td className="num">{roas(c.roas)}</td>
                        <td className="num">{money(c.cost)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <ol>
              {report.campaigns.recommendations.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          </>
        )}
      </section>
    </article>
  );
}

const barLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** A fixed-size bar chart drawn without measuring the page, so it works in the exported file too. */
function RevenueBars({ months, money }: { months: ReportSnapshot['revenueByMonth']; money: (v: number) => string }) {
  const width = 640;
  const height = 180;
  const left = 70;
  const bottom = 24;
  const max = Math.max(1, ...months.map((m) => m.revenue));
  const band = (width - left) / Math.max(1, months.length);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Net revenue by month">
      <text x={left - 6} y={12} textAnchor="end">
        {money(max)}
      </text>
      <text x={left - 6} y={height - bottom} textAnchor="end">
        {money(0)}
      </text>
      {months.map((m, i) => {
        const h = (Math.max(0, m.revenue) / max) * (height - bottom - 8);
        // A month the data covers only in part is drawn lighter with a dashed outline: it is not a fall.
        const note = m.partial ? partialNote('month', m.partial) : null;
        return (
          <g key={m.period} data-partial={note ? 'true' : undefined}>
            <rect
              x={left + i * band + 2}
              y={height - bottom - h}
              width={band - 4}
              height={h}
              fill="#4e79a7"
              fillOpacity={note ? 0.35 : 1}
              stroke={note ? '#4e79a7' : undefined}
              strokeDasharray={note ? '3 2' : undefined}
            >
              <title>{`${formatMonth(m.period)}${note ? ` (${note})` : ''}: ${money(m.revenue)}`}</title>
            </rect>
            <text x={left + i * band + band / 2} y={height - 8} textAnchor="middle">
              {barLabel.format(Date.parse(`${m.period}-01T00:00:00Z`))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
