// Bars for one or two series over labelled categories (a histogram, or actual beside predicted),
// with axes that carry units and a title that says what is shown.

import { useMemo } from 'react';
import { Axis, Group, Scale } from '@visx/visx';

export interface BarSeries {
  name: string;
  colour: string;
  values: readonly number[];
}

interface BarChartProps {
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  xLabel: string;
  yLabel: string;
  formatValue: (v: number) => string;
  width: number;
  height?: number;
}

const MARGIN = { top: 40, right: 12, bottom: 44, left: 60 };

/** Grouped vertical bars; nothing is drawn when there is no room. */
export function BarChart({ title, labels, series, xLabel, yLabel, formatValue, width, height = 220 }: BarChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () => Scale.scaleBand<string>({ domain: [...labels], range: [0, innerWidth], padding: 0.2 }),
    [labels, innerWidth],
  );
  const inner = useMemo(
    () => Scale.scaleBand<number>({ domain: series.map((_, i) => i), range: [0, x.bandwidth()], padding: 0.05 }),
    [series, x],
  );
  const y = useMemo(() => {
    const max = Math.max(0, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
    return Scale.scaleLinear<number>({ domain: [0, max || 1], range: [innerHeight, 0], nice: true });
  }, [series, innerHeight]);
  if (innerWidth < 60) return null;
  const everyNth = Math.ceil(labels.length / Math.max(1, Math.floor(innerWidth / 48)));
  return (
    <svg width={width} height={height} role="img" aria-label={title}>
      <text x={MARGIN.left} y={14} className="chart-title">
        {title}
      </text>
      {series.length > 1 &&
        series.map((s, i) => (
          <g key={s.name} transform={`translate(${MARGIN.left + 150 * i}, 20)`}>
            <rect width={10} height={10} fill={s.colour} />
            <text x={14} y={9} className="chart-legend">
              {s.name}
            </text>
          </g>
        ))}
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatValue(Number(v))}
          label={yLabel}
          labelOffset={40}
        />
        <Axis.AxisBottom
          scale={x}
          top={innerHeight}
          tickValues={labels.filter((_, i) => i % everyNth === 0)}
          label={xLabel}
        />
        {labels.map((label, i) =>
          series.map((s, j) => {
            const v = s.values[i] ?? 0;
            if (!Number.isFinite(v)) return null;
            const top = y(v);
            return (
              <rect
                key={`${label}-${s.name}`}
                x={(x(label) ?? 0) + (inner(j) ?? 0)}
                y={top}
                width={inner.bandwidth()}
                height={Math.max(0, innerHeight - top)}
                fill={s.colour}
              >
                <title>{`${label}: ${s.name} ${formatValue(v)}`}</title>
              </rect>
            );
          }),
        )}
      </Group.Group>
    </svg>
  );
}
