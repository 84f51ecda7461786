// Cumulative repeat purchases over time, actual against the model's prediction, with the end of the
// calibration period marked: the tracking plot of the BG/NBD literature.

import { useMemo } from 'react';
import { Axis, Group, Scale, Shape } from '@visx/visx';
import type { TrackingPoint } from '../../analytics/predictions/holdoutValidation';
import { formatMonth } from '../../lib/format';

interface TrackingChartProps {
  points: TrackingPoint[];
  calibrationEndOffsetDays: number;
  /** The first day of the data, so offsets can be shown as dates. */
  originDate: string;
  width: number;
}

const HEIGHT = 240;
const MARGIN = { top: 40, right: 16, bottom: 40, left: 64 };
const offsetOf = (p: TrackingPoint) => p.offsetDays;
const DAY_MS = 86_400_000;

/** Two lines (actual, predicted) and a dashed marker at the calibration end. */
export function TrackingChart({ points, calibrationEndOffsetDays, originDate, width }: TrackingChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () => Scale.scaleLinear<number>({ domain: [0, Math.max(1, ...points.map(offsetOf))], range: [0, innerWidth] }),
    [points, innerWidth],
  );
  const y = useMemo(
    () =>
      Scale.scaleLinear<number>({
        domain: [0, Math.max(1, ...points.map((p) => Math.max(p.actual, p.predicted)))],
        range: [innerHeight, 0],
        nice: true,
      }),
    [points, innerHeight],
  );
  if (innerWidth < 60 || points.length === 0) return null;
  const origin = Date.parse(originDate);
  const asDate = (offset: number) => formatMonth(new Date(origin + offset * DAY_MS).toISOString().slice(0, 7));
  return (
    <svg width={width} height={HEIGHT} role="img" aria-label="Cumulative repeat purchases, actual and predicted">
      <text x={MARGIN.left} y={14} className="chart-title">
        Cumulative repeat purchases
      </text>
      <g transform={`translate(${MARGIN.left}, 20)`}>
        <rect width={10} height={3} y={4} fill="#4e79a7" />
        <text x={14} y={9} className="chart-legend">
          actual
        </text>
        <rect x={70} width={10} height={3} y={4} fill="#e15759" />
        <text x={84} y={9} className="chart-legend">
          predicted (BG/NBD)
        </text>
      </g>
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft scale={y} numTicks={4} label="repeat purchases" labelOffset={44} />
        <Axis.AxisBottom scale={x} top={innerHeight} numTicks={6} tickFormat={(v) => asDate(Number(v))} label="month" />
        <line
          x1={x(calibrationEndOffsetDays)}
          x2={x(calibrationEndOffsetDays)}
          y1={0}
          y2={innerHeight}
          stroke="currentColor"
          strokeDasharray="4 3"
        >
          <title>End of the calibration period</title>
        </line>
        <Shape.LinePath
          data={points}
          x={(p) => x(p.offsetDays)}
          y={(p) => y(p.actual)}
          stroke="#4e79a7"
          strokeWidth={2}
        />
        <Shape.LinePath
          data={points}
          x={(p) => x(p.offsetDays)}
          y={(p) => y(p.predicted)}
          stroke="#e15759"
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      </Group.Group>
    </svg>
  );
}
