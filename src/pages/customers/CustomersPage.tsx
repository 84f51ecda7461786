import { useState } from 'react';
import { DataTable } from '../../components/ui/DataTable';
import { Pager } from '../../components/ui/Pager';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { useCustomerFeatures } from '../../hooks/useCustomerFeatures';
import { useHasData } from '../../hooks/useHasData';
import { useTablePage } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

const PAGE = 50;

const FEATURE_LEGEND: [string, string][] = [
  [
    'frequency',
    'purchase occasions: distinct orders, or distinct days when the file has no order id; returns excluded',
  ],
  ['repeat_purchases', 'frequency − 1'],
  ['monetary_total', 'sum of amounts, returns subtracted'],
  ['average_order_value', 'spend on purchases (returns excluded) ÷ frequency'],
  ['recency_days', 'days from the last purchase to the analysis date'],
  ['tenure_days', 'days from the first purchase to the analysis date'],
  ['returns_share', 'share of lines that are returns or cancellations'],
];

/** Customers with their per-customer features as of the analysis date. */
export function CustomersPage() {
  const hasPurchases = useHasData('purchases');
  const features = useCustomerFeatures(hasPurchases === true);
  const [page, setPage] = useState(0);
  const rows = useTablePage(features.isSuccess ? 'customer_features' : null, page, PAGE, {
    column: 'monetary_total',
    descending: true,
  });
  if (hasPurchases !== true) {
    return (
      <WaitingForDataPage
        title="Customers"
        table="purchases"
        promise="Who your customers are, how recently and often they buy and what they spend, their segments, churn risk and predicted lifetime value."
      />
    );
  }
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
          {formatCount(features.data.customers)} customers as of {features.data.analysisDate} (the last purchase day),
          highest spend first.
        </p>
      )}
      {rows.data && (
        <>
          <DataTable caption="Customer features" columns={rows.data.columns} rows={rows.data.rows} />
          <Pager page={page} pages={Math.max(1, Math.ceil(rows.data.total / PAGE))} onPage={setPage} />
        </>
      )}
      <details>
        <summary>How each feature is computed</summary>
        <dl className="legend">
          {FEATURE_LEGEND.map(([name, text]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
