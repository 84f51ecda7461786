// The reallocation: the expected change with its 90 % range, current against recommended spend as bars
// and as a table with one sentence per move, and each campaign's response curve with its daily points.

import { memo } from 'react';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import { BarChart } from '../../components/charts/BarChart';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { ChartBox } from '../../components/charts/ChartBox';
import { ResponseCurveChart } from '../../components/charts/ResponseCurveChart';
import type { DateRange } from '../../data/campaigns/campaignQueries';
import { useCurvePoints } from '../../hooks/useCampaigns';
import { useShowAll } from '../../components/ui/ShowAll';

/** Bars for at most this many campaigns (the largest by current spend): 200 bars are unreadable. */
const MAX_BARS = 30;

interface AllocationPanelProps {
  result: CampaignOptimisationResult;
  names: Map<string, string>;
  currency: string;
  range: DateRange;
  importsKey: string;
  selected: string | null;
  onSelect: (id: string) => void;
}

/** Before/after spend, the moves and the selected campaign's curve. */
export const AllocationPanel = memo(function AllocationPanel({
  result,
  names,
  currency,
  range,
  importsKey,
  selected,
  onSelect,
}: AllocationPanelProps) {
  const money = (v: number | null) => formatMetric(v, 'money', currency);
  const allocation = result.allocation;
  const active = result.states.filter((s) => s.active);
  // A campaign asked for (a drop's link) that is not running has no current spend to move: say so
  // rather than showing another campaign's curve.
  const notRunning = selected !== null && !active.some((s) => s.id === selected) ? selected : null;
  const chosen = notRunning ? null : (active.find((s) => s.id === selected) ?? active[0] ?? null);
  const points = useCurvePoints(chosen?.id ?? null, range, importsKey);
  const outcomeLabel = result.outcome;
  const formatOutcome = (v: number) => (outcomeLabel === 'revenue' ? money(v) : v.toFixed(1));
  const name = (id: string) => names.get(id) ?? id;
  const move = chosen ? allocation?.result.allocations.find((a) => a.id === chosen.id) : undefined;
  const moves = allocation?.result.allocations ?? [];
  const { shown, button } = useShowAll(moves, 50, 'campaigns');
  const bars = [...moves].sort((p, q) => q.current - p.current).slice(0, MAX_BARS);
  return (
    <section aria-labelledby="allocation-heading">
      <h2 id="allocation-heading">Budget reallocation</h2>
      {result.allocationProblem && <p className="warning">{result.allocationProblem}</p>}
      {allocation && (
        <>
          <p className="allocation-summary" role="status">
            {allocation.saving !== null
              ? `Spend ${money(allocation.totalBudget)} a day instead of ${money(allocation.currentTotal)} (save ${money(allocation.saving)} a day) for the same predicted ${allocation.result.currentOutcome.toFixed(1)} conversions a day.`
              : `Expected ${allocation.outcome} per day: ${formatOutcome(allocation.result.currentOutcome)} now, ${formatOutcome(allocation.result.expectedOutcome)} with the recommended split of ${money(allocation.totalBudget)} a day (${formatSigned(allocation.result.expectedOutcome - allocation.result.currentOutcome, formatOutcome)}; 90 % range ${formatSigned(allocation.interval.low, formatOutcome)} to ${formatSigned(allocation.interval.high, formatOutcome)}).`}{' '}
            <span className="muted">
              The range covers the curves’ estimation error ({allocation.interval.draws} draws), not day-to-day scatter;
              campaigns without a curve keep their spend and are left out of both figures.
            </span>
          </p>
          <ChartFigure
            caption="Spend per day, current and recommended"
            fileName="lantern-reallocation"
            table={{
              columns: ['campaign', 'current', 'recommended'],
              rows: bars.map((a) => [name(a.id), money(a.current), money(a.recommended)]),
            }}
          >
            <ChartBox
              height={260}
              chart={(width) => (
                <BarChart
                  title={`Spend per day: current and recommended${moves.length > MAX_BARS ? ` (the ${MAX_BARS} largest of ${moves.length} campaigns)` : ''}`}
                  labels={bars.map((a) => name(a.id))}
                  series={[
                    { name: 'current', colour: '#9c9c9c', values: bars.map((a) => a.current) },
                    {
                      name: 'recommended',
                      colour: '#59a14f',
                      values: bars.map((a) => a.recommended),
                    },
                  ]}
                  xLabel="campaign"
                  yLabel={`spend per day (${currency})`}
                  formatValue={(v) => money(v)}
                  width={width}
                  height={260}
                />
              )}
            />
          </ChartFigure>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Recommended spend per campaign">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">Current / day</th>
                  <th scope="col">Recommended / day</th>
                  <th scope="col">Change</th>
                  <th scope="col">Curve</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => {
                  const state = result.states.find((s) => s.id === a.id);
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => onSelect(a.id)}>
                          {name(a.id)}
                        </button>
                      </th>
                      <td>{money(a.current)}</td>
                      <td>{money(a.recommended)}</td>
                      <td>{a.changePct === null ? '—' : `${a.changePct > 0 ? '+' : ''}${a.changePct.toFixed(1)} %`}</td>
                      <td>
                        {!state
                          ? ''
                          : state.curve.ok
                            ? `b = ${state.curve.b.toFixed(2)}, R² = ${state.curve.rSquared.toFixed(2)} (${state.curve.days} days)`
                            : state.curve.reason}
                      </td>
                      <td>{a.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {button}
        </>
      )}
      {notRunning && (
        <p className="warning">
          {name(notRunning)} spent nothing in the last 7 days of the range, so it is not part of the reallocation.
        </p>
      )}
      {chosen && (
        <div className="curve-panel">
          <label>
            Response curve of{' '}
            <select value={chosen.id} onChange={(e) => onSelect(e.target.value)}>
              {active.map((s) => (
                <option key={s.id} value={s.id}>
                  {name(s.id)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">
            {chosen.curve.ok
              ? `${outcomeLabel} ≈ ${chosen.curve.a.toPrecision(3)} × spend^${chosen.curve.b.toFixed(2)}: R² ${chosen.curve.rSquared.toFixed(2)} on the log scale over ${chosen.curve.days} days${chosen.curve.zeroOutcomeDays ? `, ${chosen.curve.zeroOutcomeDays} days without ${outcomeLabel} left out` : ''}; spend seen ${money(chosen.curve.spendRange[0])} to ${money(chosen.curve.spendRange[1])} a day (dashed beyond).`
              : `No curve: ${chosen.curve.reason}.`}
          </p>
          <ChartFigure
            caption={`Daily spend and ${outcomeLabel} of ${name(chosen.id)}`}
            fileName={`lantern-response-curve-${chosen.id}`}
            table={{
              columns: ['spend per day', `${outcomeLabel} per day`],
              rows: Array.from(points.data?.cost ?? [], (c, i) => [
                money(c),
                formatOutcome(
                  Number((outcomeLabel === 'revenue' ? points.data?.revenue : points.data?.conversions)?.[i] ?? NaN),
                ),
              ]),
            }}
          >
            <ChartBox
              height={260}
              chart={(width) => (
                <ResponseCurveChart
                  title={`${name(chosen.id)}: ${outcomeLabel} against spend per day`}
                  spend={points.data?.cost ?? []}
                  outcome={(outcomeLabel === 'revenue' ? points.data?.revenue : points.data?.conversions) ?? []}
                  curve={
                    chosen.curve.ok
                      ? {
                          a: chosen.curve.a * Math.exp(chosen.curve.logResidualSd ** 2 / 2),
                          b: chosen.curve.b,
                          spendRange: chosen.curve.spendRange,
                        }
                      : null
                  }
                  current={chosen.currentSpend}
                  recommended={move?.recommended ?? null}
                  outcomeLabel={outcomeLabel}
                  formatSpend={(v) => money(v)}
                  formatOutcome={formatOutcome}
                  width={width}
                />
              )}
            />
          </ChartFigure>
        </div>
      )}
    </section>
  );
});

function formatSigned(v: number, format: (v: number) => string): string {
  return v >= 0 ? `+${format(v)}` : `−${format(-v)}`;
}
