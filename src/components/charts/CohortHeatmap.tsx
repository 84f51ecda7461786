// Monthly cohort retention as a heatmap: one row per first-purchase month (every cohort), one column per
// month since, the share of the cohort buying shown by colour and as text; months after the data ends
// are left blank, and months the data covers only in part are outlined with a dashed line. Cells keep a
// readable size: when they do not fit the width (a narrow phone, many months) the heatmap scrolls sideways.

import { Scale } from '@visx/visx';
import type { CohortRow, CohortRetention } from '../../data/dashboard/cohortRetention';
import { partialNote } from '../../data/dashboard/periodText';
import { formatMonth } from '../../lib/format';

interface CohortHeatmapProps {
  rows: CohortRow[];
  partial: CohortRetention['partial'];
  width: number;
}

const LEFT = 104;
const TOP = 52;
const ROW_HEIGHT = 22;
const MIN_CELL = 28;
const VALUE_CELL = 30;
const SCROLLBAR = 16;

const monthAfter = (month: string, offset: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The box height the heatmap needs for `cohorts` rows, with room for a sideways scrollbar. */
export function cohortHeatmapHeight(cohorts: number): number {
  return TOP + cohorts * ROW_HEIGHT + 8 + SCROLLBAR;
}

/** Cells coloured from white (0 %) to deep blue (the highest retention after month 0). */
export function CohortHeatmap({ rows, partial, width }: CohortHeatmapProps) {
  const months = rows[0]?.retention.length ?? 0;
  const cell = Math.max(MIN_CELL, Math.floor((width - LEFT - 8) / Math.max(1, months)));
  const svgWidth = Math.max(width, LEFT + months * cell + 8);
  const height = TOP + rows.length * ROW_HEIGHT + 8;
  const highest = Math.max(0.01, ...rows.flatMap((r) => r.retention.slice(1).filter((v): v is number => v !== null)));
  const colour = Scale.scaleLinear<string>({ domain: [0, highest], range: ['#f3f6fb', '#1f5fa8'], clamp: true });
  const partialByMonth = new Map(partial.map((p) => [p.month, partialNote('month', p.covered)]));
  const scrolls = svgWidth > width;
  return (
    <div
      className="heatmap-scroll"
      // Scrolled by keyboard too when it is wider than its box.
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? 'Heatmap of the retention by cohort, scrolls sideways' : undefined}
    >
      <svg width={svgWidth} height={height} role="img" aria-label="Monthly cohort retention">
        <text x={LEFT} y={14} className="chart-title">
          Share of each first-purchase cohort buying again, by month since the first purchase
        </text>
        {partial.length > 0 && (
          <g transform={`translate(${LEFT}, 22)`}>
            <rect width={14} height={10} fill="none" stroke="currentColor" strokeDasharray="3 2" strokeWidth={1.5} />
            <text x={20} y={9} className="chart-legend">
              partial month (the data covers only part of it)
            </text>
          </g>
        )}
        {Array.from({ length: months }, (_, m) => (
          <text key={m} x={LEFT + m * cell + cell / 2} y={TOP - 6} textAnchor="middle" className="chart-legend">
            {m}
          </text>
        ))}
        {rows.map((row, r) => (
          <g key={row.cohort} transform={`translate(0, ${TOP + r * ROW_HEIGHT})`}>
            <text x={LEFT - 6} y={ROW_HEIGHT / 2 + 4} textAnchor="end" className="chart-legend">
              {formatMonth(row.cohort)} ({row.customers})
            </text>
            {row.retention.map((v, m) => {
              if (v === null) return null;
              const partialText = row.partialMonths.includes(m)
                ? partialByMonth.get(monthAfter(row.cohort, m))
                : undefined;
              const ink = m > 0 && v > highest * 0.6 ? '#fff' : '#222';
              return (
                <g key={m} data-partial={partialText ? 'true' : undefined}>
                  <rect
                    x={LEFT + m * cell}
                    width={cell - 1}
                    height={ROW_HEIGHT - 1}
                    fill={m === 0 ? '#d9d9d9' : colour(v)}
                  >
                    <title>{`${formatMonth(row.cohort)}, month ${m}${partialText ? ` (${partialText})` : ''}: ${(100 * v).toFixed(1)} % of ${row.customers} customers`}</title>
                  </rect>
                  {partialText && (
                    <rect
                      x={LEFT + m * cell + 1}
                      y={1}
                      width={cell - 3}
                      height={ROW_HEIGHT - 3}
                      fill="none"
                      stroke={ink}
                      strokeDasharray="3 2"
                      strokeWidth={1.5}
                      pointerEvents="none"
                    />
                  )}
                  {cell >= VALUE_CELL && (
                    <text
                      x={LEFT + m * cell + cell / 2}
                      y={ROW_HEIGHT / 2 + 4}
                      textAnchor="middle"
                      className="heatmap-value"
                      fill={ink}
                    >
                      {Math.round(100 * v)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}
