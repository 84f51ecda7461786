// Customers: every customer with their features, segment and RFM, sorted and filtered in DuckDB and
// scrolled virtually; the legend says how each feature is computed.

import { useDeferredValue, useState } from 'react';
import { RFM_SEGMENTS } from '../../analytics/rfm';
import { CUSTOMER_FEATURE_DOCS } from '../../data/features/featureDocs';
import type { CustomerListQuery } from '../../data/segmentation/segmentQueries';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { useCustomerFeatures } from '../../hooks/useCustomerFeatures';
import { useHasData } from '../../hooks/useHasData';
import { useCustomerList } from '../../hooks/useSegments';
import { useWorkspace } from '../../hooks/useWorkspace';
import { formatCount, formatDay } from '../../lib/format';
import { CustomerList } from './CustomerList';

const LABELS: Record<string, string> = {
  ...Object.fromEntries(CUSTOMER_FEATURE_DOCS.map((d) => [d.column, d.label])),
  segment: 'Segment',
  rfm_segment: 'RFM segment',
  rfm_score: 'RFM score',
  risk_level: 'Churn risk',
  churn_probability: 'Churn probability',
  lifetime_value: 'Lifetime value',
};

/** Customers with their per-customer features as of the analysis date. */
export function CustomersPage() {
  const hasPurchases = useHasData('purchases');
  const { data: manifest } = useWorkspace();
  const features = useCustomerFeatures(hasPurchases === true, manifest?.settings.analysisDate ?? null);
  const [query, setQuery] = useState<CustomerListQuery>({
    segmentId: null,
    rfmSegment: null,
    search: '',
    sortColumn: 'monetary_total',
    descending: true,
  });
  const run = manifest?.segmentation ?? null;
  // Typing in the search box should not re-query on every key; a segment from an older run no longer exists.
  const search = useDeferredValue(query.search);
  const effective: CustomerListQuery = {
    ...query,
    search,
    segmentId: run && query.segmentId !== null && query.segmentId <= run.k ? query.segmentId : null,
    rfmSegment: run ? query.rfmSegment : null,
  };
  const list = useCustomerList(features.isSuccess, effective);
  if (hasPurchases !== true) {
    return (
      <WaitingForDataPage
        title="Customers"
        table="purchases"
        promise="Who your customers are, how recently and often they buy and what they spend, their segments, churn risk and predicted lifetime value."
      />
    );
  }
  const sortBy = (column: string) =>
    setQuery({
      ...query,
      sortColumn: column,
      descending: query.sortColumn === column ? !query.descending : column !== 'customer_id',
    });
  return (
    <>
      <h1>Customers</h1>
      {features.isPending && <p role="status">Computing customer features…</p>}
      {features.isError && (
        <p role="alert" className="error">
          {features.error.message}
        </p>
      )}
      {features.data && (
        <p data-testid="features-summary">
          {formatCount(features.data.customers)} customers as of{' '}
          {features.data.analysisDate ? formatDay(features.data.analysisDate) : '—'}
          {manifest?.settings.analysisDate ? ' (set in Segments)' : ' (the last purchase day)'}.
        </p>
      )}
      <div className="inline-fields" role="search">
        <label>
          Customer id{' '}
          <input
            type="search"
            value={query.search}
            onChange={(e) => setQuery({ ...query, search: e.target.value })}
            placeholder="contains…"
          />
        </label>
        {run && (
          <>
            <label>
              Segment{' '}
              <select
                aria-label="Filter by segment"
                value={effective.segmentId ?? ''}
                onChange={(e) => setQuery({ ...query, segmentId: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">All segments</option>
                {run.profiles.map((p) => (
                  <option key={p.segmentId} value={p.segmentId}>
                    {p.segmentId}. {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              RFM segment{' '}
              <select
                aria-label="Filter by RFM segment"
                value={query.rfmSegment ?? ''}
                onChange={(e) => setQuery({ ...query, rfmSegment: e.target.value || null })}
              >
                <option value="">All</option>
                {RFM_SEGMENTS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {list.data && (
        <>
          <p className="muted" data-testid="customer-count">
            {formatCount(list.data.total)} customers match. Click a column to sort; open a customer for their history.
          </p>
          <CustomerList
            key={JSON.stringify(effective)}
            query={effective}
            columns={list.data.columns}
            total={list.data.total}
            labels={LABELS}
            onSort={sortBy}
          />
        </>
      )}
      {list.isError && (
        <p role="alert" className="error">
          {list.error.message}
        </p>
      )}
      <details>
        <summary>How each feature is computed</summary>
        <dl className="legend">
          {CUSTOMER_FEATURE_DOCS.map((doc) => (
            <div key={doc.column}>
              <dt>
                {doc.label} <code>{doc.column}</code>
                {doc.unit ? ` (${doc.unit})` : ''}
              </dt>
              <dd>{doc.how}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
