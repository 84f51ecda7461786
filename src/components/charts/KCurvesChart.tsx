// The elbow (inertia) and silhouette curves for k = 2…10 side by side; clicking a point (or pressing
// Enter on it) asks for that many segments.

import { useMemo } from 'react';
import { Axis, Group, Scale, Shape } from '@visx/visx';
import type { KCandidate } from '../../analytics/segmentation/autoK';

interface KCurvesChartProps {
  candidates: KCandidate[];
  bestK: number;
  chosenK: number;
  onChooseK?: (k: number) => void;
  width: number;
}

const HEIGHT = 200;
const MARGIN = { top: 24, right: 16, bottom: 36, left: 56 };
const kOf = (c: KCandidate) => c.k;

function Curve({
  title,
  candidates,
  value,
  bestK,
  chosenK,
  onChooseK,
  width,
  format,
}: Omit<KCurvesChartProps, 'width'> & {
  title: string;
  value: (c: KCandidate) => number;
  width: number;
  format: (v: number) => string;
}) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () =>
      Scale.scaleLinear<number>({
        domain: [Math.min(...candidates.map(kOf)), Math.max(...candidates.map(kOf))],
        range: [0, innerWidth],
      }),
    [candidates, innerWidth],
  );
  const y = useMemo(() => {
    const values = candidates.map(value);
    return Scale.scaleLinear<number>({
      domain: [Math.min(...values), Math.max(...values)],
      range: [innerHeight, 0],
      nice: true,
    });
  }, [candidates, value, innerHeight]);
  if (innerWidth < 40) return null;
  return (
    <svg width={width} height={HEIGHT} role="group" aria-label={`${title} for k = 2 to ${candidates.length + 1}`}>
      <text x={MARGIN.left} y={14} className="chart-title">
        {title}
      </text>
      <Group.Group left={MARGIN.left} top={MARGIN.top}>
        <Axis.AxisLeft scale={y} numTicks={4} tickFormat={(v) => format(Number(v))} />
        <Axis.AxisBottom
          scale={x}
          top={innerHeight}
          numTicks={candidates.length}
          tickFormat={(v) => String(v)}
          label="k (segments)"
        />
        <Shape.LinePath data={candidates} x={(c) => x(c.k)} y={(c) => y(value(c))} stroke="#4e79a7" strokeWidth={2} />
        {candidates.map((c) => (
          <circle
            key={c.k}
            cx={x(c.k)}
            cy={y(value(c))}
            r={c.k === chosenK ? 7 : 5}
            className={`k-point${c.k === chosenK ? ' chosen' : ''}${c.k === bestK ? ' best' : ''}`}
            tabIndex={onChooseK ? 0 : undefined}
            role={onChooseK ? 'button' : undefined}
            aria-label={`k = ${c.k}: ${title.toLowerCase()} ${format(value(c))}${c.k === bestK ? ' (best silhouette)' : ''}`}
            onClick={() => onChooseK?.(c.k)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onChooseK?.(c.k);
            }}
          >
            <title>{`k = ${c.k}: ${format(value(c))}`}</title>
          </circle>
        ))}
      </Group.Group>
    </svg>
  );
}

const inertiaOf = (c: KCandidate) => c.inertia;
const silhouetteOf = (c: KCandidate) => c.silhouette;
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** Elbow and silhouette curves; the best-silhouette k is ringed, the chosen k drawn larger. */
export function KCurvesChart({ width, ...props }: KCurvesChartProps) {
  const half = Math.max(0, Math.floor((width - 16) / 2));
  return (
    <div className="k-curves">
      <Curve {...props} width={half} title="Inertia (elbow)" value={inertiaOf} format={(v) => compact.format(v)} />
      <Curve {...props} width={half} title="Silhouette" value={silhouetteOf} format={(v) => v.toFixed(2)} />
    </div>
  );
}
