// The customer list, virtualised: only the rows on screen are in the page, fetched from DuckDB in
// blocks of 100 as the user scrolls; sorting and filtering happen in SQL.

import { useRef } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from 'react-router';
import type { CustomerListQuery } from '../../data/segmentation/segmentQueries';
import { customerWindowQuery } from '../../hooks/useSegments';
import { CUSTOMER_PATH, customerState } from './customerLink';

const ROW_HEIGHT = 34;
const BLOCK = 100;
const LIST_COLUMNS = [
  'customer_id',
  'segment',
  'rfm_segment',
  'rfm_score',
  'risk_level',
  'churn_probability',
  'lifetime_value',
  'recency_days',
  'frequency',
  'monetary_total',
  'average_order_value',
  'tenure_days',
  'avg_interpurchase_days',
  'preferred_category',
  'returns_share',
];

interface CustomerListProps {
  query: CustomerListQuery;
  columns: string[];
  total: number;
  labels: Record<string, string>;
  onSort: (column: string) => void;
}

/** A scrolling table of all matching customers; the id link (or a click on the row) opens one. */
export function CustomerList({ query, columns, total, labels, onSort }: CustomerListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  // eslint-disable-next-line react-hooks/incompatible-library -- the list re-renders on scroll by design; nothing here is memoised.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const blocks = [...new Set(items.map((item) => Math.floor(item.index / BLOCK)))];
  const results = useQueries({ queries: blocks.map((block) => customerWindowQuery(query, block, BLOCK)) });
  const rowAt = (index: number) => {
    const at = blocks.indexOf(Math.floor(index / BLOCK));
    return results[at]?.data?.[index % BLOCK] ?? null;
  };
  const shown = LIST_COLUMNS.filter((c) => columns.includes(c));
  const positions = shown.map((c) => columns.indexOf(c));
  const template = `repeat(${shown.length}, minmax(8.5rem, 1fr))`;
  const minWidth = `${shown.length * 8.5 + 1}rem`;
  return (
    <div
      ref={scrollRef}
      className="customer-list"
      role="table"
      aria-rowcount={total + 1}
      aria-label="Customers"
      tabIndex={0}
    >
      <div
        className="customer-row header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, minWidth }}
      >
        {shown.map((column) => (
          <div
            role="columnheader"
            key={column}
            aria-sort={query.sortColumn === column ? (query.descending ? 'descending' : 'ascending') : 'none'}
          >
            <button
              type="button"
              className="sort-button"
              onClick={() => onSort(column)}
              title={`Sort by ${labels[column] ?? column}`}
            >
              {labels[column] ?? column}
              {query.sortColumn === column ? (query.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </div>
        ))}
      </div>
      <div className="customer-rows" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const id = row?.[positions[0] ?? 0] ?? null;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className="customer-row"
              style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              // The id cell is a link for keyboards and screen readers; a click anywhere on the row opens it too.
              onClick={() => id && void navigate(CUSTOMER_PATH, { state: customerState(id) })}
            >
              {positions.map((p, c) => (
                <div role="cell" key={c}>
                  {c === 0 && id ? (
                    <Link to={CUSTOMER_PATH} state={customerState(id)} onClick={(e) => e.stopPropagation()}>
                      {id}
                    </Link>
                  ) : row ? (
                    (row[p] ?? <span className="muted">–</span>)
                  ) : (
                    <span className="muted">…</span>
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
