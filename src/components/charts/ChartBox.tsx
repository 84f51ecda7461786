// A box that gives a chart its width: the chart is drawn at the box's measured width and a fixed height.

import type { ReactNode } from 'react';
import { Responsive } from '@visx/visx';

/** Renders `chart(width)` once the box has been measured. */
export function ChartBox({ height, chart }: { height: number; chart: (width: number) => ReactNode }) {
  return (
    <div className="chart-box" style={{ height }}>
      <Responsive.ParentSize debounceTime={50}>
        {({ width }) => (width > 0 ? chart(width) : null)}
      </Responsive.ParentSize>
    </div>
  );
}
