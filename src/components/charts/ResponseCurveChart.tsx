// A campaign's response curve: each day's spend against its outcome, the fitted a·spend^b over the
// observed spend range (dashed where it extrapolates), and current and recommended spend marked.

import { useMemo } from 'react';
import { Axis, Group, Scale, Shape } from '@visx/visx';

interface ResponseCurveChartProps {
  title: string;
  spend: ArrayLike<number>;
  outcome: ArrayLike<number>;
  /** The mean curve, null when none was fitted. */
  curve: { a: number; b: number; spendRange: [number, number] } | null;
  current: number | null;
  recommended: number | null;
  outcomeLabel: string;
  formatSpend: (v: number) => string;
  formatOutcome: (v: number) => string;
  width: number;
}

const HEIGHT = 260;
const MARGIN = { top: 32, right: 16, bottom: 44, left: 68 };

/** Scatter of daily points with the fitted curve over them. */
export function ResponseCurveChart(props: ResponseCurveChartProps) {
  const { title, spend, outcome, curve, current, recommended, outcomeLabel, formatSpend, formatOutcome, width } = props;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const points = useMemo(() => {
    const out: { s: number; y: number }[] = [];
    for (let i = 0; i < spend.length; i++) {
      const s = Number(spend[i]);
      const y = Number(outcome[i]);
      if (Number.isFinite(s) && Number.isFinite(y)) out.push({ s, y });
    }
    return out;
  }, [spend, outcome]);
  const maxSpend = Math.max(1, ...points.map((p) => p.s), (recommended ?? 0) * 1.05, (current ?? 0) * 1.05);
  const x = Scale.scaleLinear<number>({ domain: [0, maxSpend], range: [0, innerWidth], nice: true });
  const curveAt = (s: number) => (curve ? curve.a * s ** curve.b : 0);
  const maxOutcome = Math.max(1, ...points.map((p) => p.y), curve ? curveAt(maxSpend) : 0);
  const y = Scale.scaleLinear<number>({ domain: [0, maxOutcome], range: [innerHeight, 0], nice: true });
  if (innerWidth < 60) return null;
  const line = (from: number, to: number) =>
    Array.from({ length: 41 }, (_, i) => from + ((to - from) * i) / 40).map((s) => ({ s, y: curveAt(s) }));
  const marker = (value: number | null, label: string, colour: string) =>
    value !== null && (
      <g>
        <line x1={x(value)} x2={x(value)} y1={0} y2={innerHeight} stroke={colour} strokeDasharray="4 3" />
        <text x={x(value) + 4} y={12} className="chart-legend" fill={colour}>
          {label}
        </text>
      </g>
    );
  return (
    <svg width={width} height={HEIGHT} role="img" aria-label={title}>
      <text x={MARGIN.left} y={14} className="chart-title">
        {title}
      </text>
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatOutcome(Number(v))}
          label={`${outcomeLabel} per day`}
          labelOffset={52}
        />
        <Axis.AxisBottom
          scale={x}
          top={innerHeight}
          numTicks={5}
          tickFormat={(v) => formatSpend(Number(v))}
          label="spend per day"
        />
        {points.map((p, i) => (
          <circle key={i} cx={x(p.s)} cy={y(p.y)} r={2.5} fill="#4e79a7" fillOpacity={0.45} />
        ))}
        {curve && (
          <>
            <Shape.LinePath
              data={line(curve.spendRange[0], curve.spendRange[1])}
              x={(p) => x(p.s)}
              y={(p) => y(p.y)}
              stroke="#e15759"
              strokeWidth={2}
            />
            <Shape.LinePath
              data={line(curve.spendRange[1], maxSpend)}
              x={(p) => x(p.s)}
              y={(p) => y(p.y)}
              stroke="#e15759"
              strokeWidth={2}
              strokeDasharray="5 4"
            />
            <Shape.LinePath
              data={line(0.001, curve.spendRange[0])}
              x={(p) => x(p.s)}
              y={(p) => y(p.y)}
              stroke="#e15759"
              strokeWidth={2}
              strokeDasharray="5 4"
            />
          </>
        )}
        {marker(current, 'current', '#555')}
        {marker(recommended, 'recommended', '#59a14f')}
      </Group.Group>
    </svg>
  );
}
