// The segment comparison table: size, revenue share, tier and treatment, and the typical customer of
// each segment; each row downloads its audience.

import type { SegmentProfile } from '../../analytics/segmentation/profiles';
import { TREATMENT_ACTIONS } from '../../analytics/segmentation/profiles';
import { segmentColour } from '../../components/charts/segmentColours';
import { MIX_COLUMNS } from '../../data/segmentation/segmentQueries';
import { formatCount, formatPercent } from '../../lib/format';

interface SegmentTableProps {
  profiles: SegmentProfile[];
  /** Commonest value of text features per segment (column → value and share), when loaded. */
  mix: Map<number, Record<string, { value: string; share: number } | null>>;
  currency: string;
  onDownloadAudience: (segmentId: number, name: string) => void;
}

const SUMMARY_COLUMNS: [string, string, 'days' | 'count' | 'money' | 'share'][] = [
  ['recency_days', 'Recency (days)', 'days'],
  ['frequency', 'Purchases', 'count'],
  ['monetary_total', 'Net spend', 'money'],
  ['average_order_value', 'Order value', 'money'],
  ['tenure_days', 'Tenure (days)', 'days'],
  ['avg_interpurchase_days', 'Days between purchases', 'days'],
  ['returns_share', 'Returns share', 'share'],
];

const MIX_LABELS: Record<(typeof MIX_COLUMNS)[number], string> = {
  preferred_category: 'category',
  preferred_channel: 'channel',
  gender: 'gender',
  location: 'location',
  income_range: 'income',
};

/** One row per segment, most valuable first. */
export function SegmentTable({ profiles, mix, currency, onDownloadAudience }: SegmentTableProps) {
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  const format = (value: number | null | undefined, kind: string) => {
    if (value == null) return '–';
    if (kind === 'money') return money.format(value);
    if (kind === 'share') return formatPercent(value);
    return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Segment comparison">
      <table className="data-table segment-table">
        <caption className="visually-hidden">Segments compared: median (and mean) of each feature</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Customers</th>
            <th scope="col">Revenue</th>
            <th scope="col">Tier and treatment</th>
            {SUMMARY_COLUMNS.map(([column, label]) => (
              <th scope="col" key={column}>
                {label}
                <br />
                <span className="muted">median (mean)</span>
              </th>
            ))}
            <th scope="col">
              Most common
              <br />
              <span className="muted">share of the segment</span>
            </th>
            <th scope="col">Audience</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.segmentId} data-segment={p.segmentId}>
              <th scope="row" className="segment-name">
                <span className="swatch" style={{ background: segmentColour(p.segmentId) }} aria-hidden="true" />
                {p.segmentId}. {p.name}
                <p className="muted segment-description">{p.description}</p>
              </th>
              <td>
                {formatCount(p.size)} ({formatPercent(p.customerShare)})
              </td>
              <td>
                {money.format(p.revenue)} ({formatPercent(p.revenueShare)})
              </td>
              <td>
                <strong>{p.tier}</strong>
                <br />
                <span title={TREATMENT_ACTIONS[p.treatment]}>{p.treatment}</span>
              </td>
              {SUMMARY_COLUMNS.map(([column, , kind]) => {
                const summary = p.features[column];
                return (
                  <td key={column}>
                    {format(summary?.median, kind)} <span className="muted">({format(summary?.mean, kind)})</span>
                  </td>
                );
              })}
              <td className="segment-mix">
                {MIX_COLUMNS.map((column) => {
                  const label = MIX_LABELS[column];
                  const top = mix.get(p.segmentId)?.[column];
                  return top ? (
                    <div key={column}>
                      <span className="muted">{label}:</span> {top.value} ({formatPercent(top.share)})
                    </div>
                  ) : null;
                })}
              </td>
              <td>
                <button type="button" className="button" onClick={() => onDownloadAudience(p.segmentId, p.name)}>
                  CSV
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
