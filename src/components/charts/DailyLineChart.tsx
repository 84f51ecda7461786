// One metric over the days of a range, as a line: the Campaigns page's daily chart. Days without a value
// (an undefined ratio) break the line instead of dropping to zero.

import { useMemo } from 'react';
import { Axis, Group, Scale, Shape } from '@visx/visx';
import { formatAxisDate, formatDay } from '../../lib/format';

export interface DailyPoint {
  date: string;
  value: number | null;
}

interface DailyLineChartProps {
  title: string;
  points: readonly DailyPoint[];
  yLabel: string;
  formatValue: (v: number) => string;
  width: number;
  /** Days to mark with a dot (flagged drops), by ISO date. */
  marked?: ReadonlySet<string>;
  /** What a point is: "day" unless the points are weeks or months. */
  xLabel?: string;
}

const HEIGHT = 240;
const MARGIN = { top: 32, right: 16, bottom: 40, left: 68 };
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A line over dates with a left axis in the metric's unit. */
export function DailyLineChart({
  title,
  points,
  yLabel,
  formatValue,
  width,
  marked,
  xLabel = 'day',
}: DailyLineChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = useMemo(() => {
    const first = points.length ? dayOf(points[0]!.date) : 0;
    const last = points.length ? dayOf(points[points.length - 1]!.date) : 1;
    return Scale.scaleUtc<number>({
      domain: [new Date(first), new Date(Math.max(last, first + 1))],
      range: [0, innerWidth],
    });
  }, [points, innerWidth]);
  const y = useMemo(() => {
    const max = Math.max(0, ...points.map((p) => (p.value !== null && Number.isFinite(p.value) ? p.value : 0)));
    return Scale.scaleLinear<number>({ domain: [0, max || 1], range: [innerHeight, 0], nice: true });
  }, [points, innerHeight]);
  if (innerWidth < 60 || points.length === 0) return null;
  const spanDays = (dayOf(points[points.length - 1]!.date) - dayOf(points[0]!.date)) / 86_400_000;
  const defined = (p: DailyPoint) => p.value !== null && Number.isFinite(p.value);
  return (
    <svg width={width} height={HEIGHT} role="img" aria-label={title}>
      <text x={MARGIN.left} y={14} className="chart-title">
        {title}
      </text>
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatValue(Number(v))}
          label={yLabel}
          labelOffset={52}
        />
        <Axis.AxisBottom
          scale={x}
          top={innerHeight}
          numTicks={6}
          tickFormat={(v) => formatAxisDate(v as Date, spanDays)}
          label={xLabel}
        />
        <Shape.LinePath
          data={points as DailyPoint[]}
          defined={defined}
          x={(p) => x(new Date(dayOf(p.date)))}
          y={(p) => y(p.value ?? 0)}
          stroke="#4e79a7"
          strokeWidth={1.5}
        />
        {/* Invisible hover targets carry each point's value as a tooltip (kept off long series). */}
        {points.length <= 400 &&
          points.filter(defined).map((p) => (
            <circle key={`tip-${p.date}`} cx={x(new Date(dayOf(p.date)))} cy={y(p.value ?? 0)} r={6} fill="transparent">
              <title>{`${formatDay(p.date)}: ${formatValue(p.value ?? 0)}`}</title>
            </circle>
          ))}
        {marked &&
          points
            .filter((p) => marked.has(p.date) && defined(p))
            .map((p) => (
              <circle key={p.date} cx={x(new Date(dayOf(p.date)))} cy={y(p.value ?? 0)} r={3} fill="#e15759">
                <title>{`${formatDay(p.date)}: flagged drop`}</title>
              </circle>
            ))}
      </Group.Group>
    </svg>
  );
}
