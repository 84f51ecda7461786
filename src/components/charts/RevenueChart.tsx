// The Dashboard's revenue over time: one bar per day, week or month. A bucket the data covers only in
// part (the first and last weeks or months of most exports) is hatched and named in the legend and its
// tooltip, so a short last month does not read as a fall in revenue.

import { useId, useMemo } from 'react';
import { Axis, Group, Scale } from '@visx/visx';

export interface RevenueBar {
  /** The bucket's first day, ISO. */
  period: string;
  value: number;
  /** Says what part of the bucket the data covers ("partial month: Dec 1 – 9, 2011"), or null when all of it. */
  partialNote: string | null;
}

interface RevenueChartProps {
  title: string;
  bars: readonly RevenueBar[];
  /** How a bucket is named on the axis and in tooltips ("Dec 2011"). */
  label: (period: string) => string;
  yLabel: string;
  xLabel: string;
  formatValue: (v: number) => string;
  width: number;
  height?: number;
}

const MARGIN = { top: 36, right: 16, bottom: 40, left: 60 };
// Axis ticks in short form ("1.2M"): the axis label carries the currency, the tooltips the exact amount.
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const COLOUR = '#4e79a7';

/** Bars over time with partial buckets hatched; nothing is drawn when there is no room. */
export function RevenueChart({
  title,
  bars,
  label,
  yLabel,
  xLabel,
  formatValue,
  width,
  height = 240,
}: RevenueChartProps) {
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () =>
      Scale.scaleBand<string>({
        domain: bars.map((b) => b.period),
        range: [0, innerWidth],
        padding: bars.length > 60 ? 0 : 0.15,
      }),
    [bars, innerWidth],
  );
  const y = useMemo(() => {
    const values = bars.map((b) => b.value).filter(Number.isFinite);
    // A bucket of net returns goes below zero.
    return Scale.scaleLinear<number>({
      domain: [Math.min(0, ...values), Math.max(0, ...values) || 1],
      range: [innerHeight, 0],
      nice: true,
    });
  }, [bars, innerHeight]);
  if (innerWidth < 60 || bars.length === 0) return null;
  const partialNotes = [...new Set(bars.flatMap((b) => (b.partialNote ? [b.partialNote] : [])))];
  const everyNth = Math.ceil(bars.length / Math.max(1, Math.floor(innerWidth / 64)));
  const zero = y(0);
  return (
    <svg width={width} height={height} role="img" aria-label={title}>
      <defs>
        <pattern id={hatchId} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} fill={COLOUR} fillOpacity={0.25} />
          <line x1={0} y1={0} x2={0} y2={6} stroke={COLOUR} strokeWidth={3} />
        </pattern>
      </defs>
      <text x={MARGIN.left} y={14} className="chart-title">
        {title}
      </text>
      {partialNotes.length > 0 && (
        <g transform={`translate(${MARGIN.left}, 20)`} data-testid="partial-legend">
          <rect width={10} height={10} fill={`url(#${hatchId})`} stroke={COLOUR} strokeWidth={0.5} />
          <text x={14} y={9} className="chart-legend">
            {partialNotes.join('; ')}
          </text>
        </g>
      )}
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => compact.format(Number(v))}
          label={yLabel}
          labelOffset={40}
        />
        <Axis.AxisBottom
          scale={x}
          top={innerHeight}
          tickValues={bars.filter((_, i) => i % everyNth === 0).map((b) => b.period)}
          tickFormat={(v) => label(String(v))}
          label={xLabel}
        />
        {bars.map((b) => {
          if (!Number.isFinite(b.value)) return null;
          const top = Math.min(zero, y(b.value));
          return (
            <rect
              key={b.period}
              x={x(b.period) ?? 0}
              y={top}
              width={Math.max(1, x.bandwidth())}
              height={Math.max(0, Math.abs(y(b.value) - zero))}
              fill={b.partialNote ? `url(#${hatchId})` : COLOUR}
              stroke={b.partialNote ? COLOUR : undefined}
              strokeWidth={b.partialNote ? 1 : undefined}
              data-partial={b.partialNote ? 'true' : undefined}
            >
              <title>{`${label(b.period)}${b.partialNote ? ` (${b.partialNote})` : ''}: ${formatValue(b.value)}`}</title>
            </rect>
          );
        })}
      </Group.Group>
    </svg>
  );
}
