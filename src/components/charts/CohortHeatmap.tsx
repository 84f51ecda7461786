// Monthly cohort retention as a heatmap: one row per first-purchase month, one column per month since,
// the share of the cohort buying shown by colour and as text; unobserved months are left blank.

import { Scale } from '@visx/visx';
import type { CohortRow } from '../../data/dashboard/dashboardQueries';
import { formatMonth } from '../../lib/format';

interface CohortHeatmapProps {
  rows: CohortRow[];
  width: number;
}

const LEFT = 110;
const TOP = 40;
const ROW_HEIGHT = 22;

/** Cells coloured from white (0 %) to deep blue (the highest retention after month 0). */
export function CohortHeatmap({ rows, width }: CohortHeatmapProps) {
  const months = rows[0]?.retention.length ?? 0;
  const cell = Math.max(24, Math.floor((width - LEFT - 8) / Math.max(1, months)));
  const height = TOP + rows.length * ROW_HEIGHT + 8;
  const highest = Math.max(0.01, ...rows.flatMap((r) => r.retention.slice(1).filter((v): v is number => v !== null)));
  const colour = Scale.scaleLinear<string>({ domain: [0, highest], range: ['#f3f6fb', '#1f5fa8'], clamp: true });
  return (
    <svg width={width} height={height} role="img" aria-label="Monthly cohort retention">
      <text x={LEFT} y={14} className="chart-title">
        Share of each first-purchase cohort buying again, by month since the first purchase
      </text>
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
          {row.retention.map((v, m) =>
            v === null ? null : (
              <g key={m}>
                <rect
                  x={LEFT + m * cell}
                  width={cell - 1}
                  height={ROW_HEIGHT - 1}
                  fill={m === 0 ? '#d9d9d9' : colour(v)}
                >
                  <title>{`${formatMonth(row.cohort)}, month ${m}: ${(100 * v).toFixed(1)} % of ${row.customers} customers`}</title>
                </rect>
                {cell >= 34 && (
                  <text
                    x={LEFT + m * cell + cell / 2}
                    y={ROW_HEIGHT / 2 + 4}
                    textAnchor="middle"
                    className="heatmap-value"
                    fill={m > 0 && v > highest * 0.6 ? '#fff' : '#222'}
                  >
                    {Math.round(100 * v)}
                  </text>
                )}
              </g>
            ),
          )}
        </g>
      ))}
    </svg>
  );
}
