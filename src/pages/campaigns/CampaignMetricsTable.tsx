// The metrics table: one row per campaign, day, channel or target segment over the range, sortable by
// any column (sorting in the table library; a few hundred rows at most), with the total from the sums.

import { memo, useMemo, useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { formatMetric, type MetricKind } from '../../analytics/campaigns/campaignMetrics';
import type { CampaignGrouping, CampaignMetricRow, CampaignMetricTable } from '../../data/campaigns/campaignQueries';
import { formatCount } from '../../lib/format';
import { useShowAll } from '../../components/ui/ShowAll';

const GROUP_LABELS: Record<CampaignGrouping, string> = {
  campaign: 'Campaign',
  day: 'Day',
  channel: 'Channel / type',
  segment: 'Target segment',
};

interface CampaignMetricsTableProps {
  table: CampaignMetricTable;
  grouping: CampaignGrouping;
  currency: string;
}

const helper = createColumnHelper<CampaignMetricRow>();
// react-table sorts undefined last; null ratios ("—") become undefined for it.
const orUndefined = (v: number | null) => (v === null || !Number.isFinite(v) ? undefined : v);

/** Sortable metrics with a total row. */
export const CampaignMetricsTable = memo(function CampaignMetricsTable({
  table,
  grouping,
  currency,
}: CampaignMetricsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => {
    const count = (v: number) => (Number.isFinite(v) ? formatCount(Math.round(v * 100) / 100) : '—');
    const money = (v: number | null) => formatMetric(v, 'money', currency);
    const metric = (key: 'ctr' | 'cpc' | 'cvr' | 'cpa' | 'roas', header: string, kind: MetricKind) =>
      helper.accessor((r) => orUndefined(r[key]), {
        id: key,
        header,
        sortUndefined: 'last',
        cell: (c) => formatMetric(c.getValue() ?? null, kind, currency),
      });
    const sum = (key: 'impressions' | 'clicks' | 'conversions', header: string) =>
      helper.accessor((r) => orUndefined(r[key]), {
        id: key,
        header,
        sortUndefined: 'last',
        cell: (c) => count(c.getValue() ?? Number.NaN),
      });
    return [
      helper.accessor('label', { header: GROUP_LABELS[grouping], cell: (c) => c.getValue() }),
      ...(grouping === 'campaign'
        ? [
            helper.accessor((r) => r.type ?? undefined, { id: 'type', header: 'Type', sortUndefined: 'last' }),
            helper.accessor((r) => r.targetSegment ?? undefined, {
              id: 'segment',
              header: 'Segment',
              sortUndefined: 'last',
            }),
          ]
        : []),
      helper.accessor('days', { header: 'Days' }),
      sum('impressions', 'Impressions'),
      sum('clicks', 'Clicks'),
      sum('conversions', 'Conversions'),
      helper.accessor((r) => orUndefined(r.cost), {
        id: 'cost',
        header: 'Cost',
        sortUndefined: 'last',
        cell: (c) => money(c.getValue() ?? null),
      }),
      helper.accessor((r) => orUndefined(r.revenue), {
        id: 'revenue',
        header: 'Revenue',
        sortUndefined: 'last',
        cell: (c) => money(c.getValue() ?? null),
      }),
      metric('ctr', 'CTR', 'ratio'),
      metric('cpc', 'CPC', 'money'),
      metric('cvr', 'CVR', 'ratio'),
      metric('cpa', 'CPA', 'money'),
      metric('roas', 'ROAS', 'multiple'),
      helper.accessor('mismatchRows', {
        header: 'Rows with disagreeing ratios',
        cell: (c) => (c.getValue() > 0 ? formatCount(c.getValue()) : ''),
      }),
    ];
  }, [grouping, currency]);
  const reactTable = useReactTable({
    data: table.rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const { shown, button } = useShowAll(reactTable.getRowModel().rows, 50, 'rows');
  const totalCells = reactTable.getFlatHeaders().map((h) => {
    const id = h.column.id;
    if (id === 'label') return 'Total';
    if (id === 'type' || id === 'segment') return '';
    const r = table.total;
    const value: Record<string, string> = {
      days: String(r.days),
      impressions: Number.isFinite(r.impressions) ? formatCount(r.impressions) : '—',
      clicks: Number.isFinite(r.clicks) ? formatCount(r.clicks) : '—',
      conversions: Number.isFinite(r.conversions) ? formatCount(Math.round(r.conversions * 100) / 100) : '—',
      cost: formatMetric(orUndefined(r.cost) ?? null, 'money', currency),
      revenue: formatMetric(orUndefined(r.revenue) ?? null, 'money', currency),
      ctr: formatMetric(r.ctr, 'ratio', currency),
      cpc: formatMetric(r.cpc, 'money', currency),
      cvr: formatMetric(r.cvr, 'ratio', currency),
      cpa: formatMetric(r.cpa, 'money', currency),
      roas: formatMetric(r.roas, 'multiple', currency),
      mismatchRows: r.mismatchRows > 0 ? formatCount(r.mismatchRows) : '',
    };
    return value[id] ?? '';
  });
  return (
    <div
      className="table-scroll campaign-table"
      tabIndex={0}
      role="region"
      aria-label={`Metrics by ${GROUP_LABELS[grouping].toLowerCase()}`}
    >
      <table className="data-table">
        <caption className="visually-hidden">Campaign metrics by {GROUP_LABELS[grouping].toLowerCase()}</caption>
        <thead>
          {reactTable.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            {totalCells.map((text, i) => (
              <th key={i} scope={i === 0 ? 'row' : undefined}>
                {text}
              </th>
            ))}
          </tr>
        </tfoot>
      </table>
      {button}
    </div>
  );
});
