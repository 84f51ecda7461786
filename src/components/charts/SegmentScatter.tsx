// Customers as points on two features, coloured by segment. Drawn on a canvas (tens of thousands of
// points stay fast); the axes are visx SVG over it. Both axes use a symmetric log scale, since spend
// and day counts are heavily skewed.

import { useEffect, useMemo, useRef } from 'react';
import { Axis, Scale } from '@visx/visx';
import { segmentColour } from './segmentColours';

interface SegmentScatterProps {
  x: Float64Array;
  y: Float64Array;
  segment: Float64Array;
  xLabel: string;
  yLabel: string;
  width: number;
  height: number;
}

const MARGIN = { top: 10, right: 16, bottom: 44, left: 64 };
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

function extent(values: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max === min ? min + 1 : max] : [0, 1];
}

/** A scatter of customers; points without a value on an axis (NULL) cannot be placed and are not drawn. */
export function SegmentScatter({ x, y, segment, xLabel, yLabel, width, height }: SegmentScatterProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The label counts what is painted, not what was read.
  const drawn = useMemo(() => {
    let n = 0;
    for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) n++;
    return n;
  }, [x, y]);
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom);
  const xScale = useMemo(
    () => Scale.scaleSymlog<number>({ domain: extent(x), range: [0, innerWidth] }),
    [x, innerWidth],
  );
  const yScale = useMemo(
    () => Scale.scaleSymlog<number>({ domain: extent(y), range: [innerHeight, 0] }),
    [y, innerHeight],
  );
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = innerWidth * ratio;
    canvas.height = innerHeight * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, innerWidth, innerHeight);
    context.globalAlpha = x.length > 5000 ? 0.35 : 0.7;
    for (let i = 0; i < x.length; i++) {
      const px = x[i] ?? NaN;
      const py = y[i] ?? NaN;
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      context.fillStyle = segmentColour(segment[i] ?? 0);
      context.fillRect(xScale(px) - 1.5, yScale(py) - 1.5, 3, 3);
    }
  }, [x, y, segment, xScale, yScale, innerWidth, innerHeight]);
  if (innerWidth < 40 || innerHeight < 40) return null;
  return (
    <div className="scatter" style={{ width, height }}>
      <canvas
        ref={canvasRef}
        style={{ left: MARGIN.left, top: MARGIN.top, width: innerWidth, height: innerHeight }}
        role="img"
        aria-label={`${drawn} customers by ${xLabel} and ${yLabel}, coloured by segment`}
        data-drawn={drawn}
      />
      <svg width={width} height={height} aria-hidden="true">
        <Axis.AxisLeft
          left={MARGIN.left}
          top={MARGIN.top}
          scale={yScale}
          numTicks={5}
          tickFormat={(v) => compact.format(Number(v))}
          label={yLabel}
        />
        <Axis.AxisBottom
          left={MARGIN.left}
          top={MARGIN.top + innerHeight}
          scale={xScale}
          numTicks={6}
          tickFormat={(v) => compact.format(Number(v))}
          label={xLabel}
        />
      </svg>
    </div>
  );
}
