// The console's results: a virtualised grid (only the rows on screen are in the page), up to the
// console's row limit, with each column's DuckDB type under its name.

import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConsoleResult } from '../../data/sqlConsole/runConsoleQuery';

const ROW_HEIGHT = 30;

/** A scrolling grid of text cells. */
export function ResultsTable({ result }: { result: ConsoleResult }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the grid re-renders on scroll by design; nothing here is memoised.
  const virtualizer = useVirtualizer({
    count: result.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const template = `repeat(${result.columns.length}, minmax(9rem, 1fr))`;
  const minWidth = `${result.columns.length * 9 + 1}rem`;
  return (
    <div
      ref={scrollRef}
      className="customer-list results-grid"
      role="table"
      aria-label="Query results"
      aria-rowcount={result.rows.length + 1}
      tabIndex={0}
    >
      <div
        className="customer-row header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, minWidth }}
      >
        {result.columns.map((c, i) => (
          <div role="columnheader" key={`${c.name}-${i}`} title={c.type}>
            {c.name}
            {c.type && <span className="column-type"> {c.type}</span>}
          </div>
        ))}
      </div>
      <div className="customer-rows" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="row"
            aria-rowindex={item.index + 2}
            className="customer-row"
            style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
          >
            {(result.rows[item.index] ?? []).map((cell, c) => (
              <div role="cell" key={c} title={cell ?? 'NULL'}>
                {cell ?? <span className="muted">NULL</span>}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
