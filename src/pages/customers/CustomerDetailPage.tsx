// One customer: their segment and RFM with what to do, their features (with how each is computed),
// their record from the customers file, and their purchase history.

import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CUSTOMER_FEATURE_DOCS } from '../../data/features/featureDocs';
import { DataTable } from '../../components/ui/DataTable';
import { RFM_ACTIONS, type RfmSegment } from '../../analytics/rfm';
import { useCustomerFeatures } from '../../hooks/useCustomerFeatures';
import { useCustomerDetail } from '../../hooks/useSegments';
import { useWorkspace } from '../../hooks/useWorkspace';
import { plainText } from '../../lib/csv';
import { formatCount } from '../../lib/format';
import { CUSTOMER_PATH, customerFromState, customerState } from './customerLink';
import { CustomerPredictionsCard } from './CustomerPredictionsCard';
import { predictionsOutOfDate } from '../../hooks/usePredictions';

const text = (value: unknown) => plainText(value) || '–';

/** A feature value; a mix (JSON of shares) reads as "Books 60 % · Music 40 %". */
function featureText(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      const shares = JSON.parse(value) as Record<string, number>;
      return Object.entries(shares)
        .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
        .join(' · ');
    } catch {
      return value;
    }
  }
  return text(value);
}

/** The customer detail view at /customer, the customer named in the navigation state. */
export function CustomerDetailPage() {
  const inPath = useParams().customerId;
  const location = useLocation();
  const navigate = useNavigate();
  const customerId = inPath ?? customerFromState(location.state);
  // An old link with the id in the path: the same entry is replaced by one without it.
  useEffect(() => {
    if (inPath) void navigate(CUSTOMER_PATH, { replace: true, state: customerState(inPath) });
  }, [inPath, navigate]);
  const { data: manifest } = useWorkspace();
  // Opened directly (a reload or a shared link), the features table may not be built yet.
  const features = useCustomerFeatures(manifest !== undefined, manifest?.settings.analysisDate ?? null);
  const detail = useCustomerDetail(customerId, customerId !== '' && features.isSuccess);
  if (customerId === '') {
    return (
      <>
        <h1>Customer</h1>
        <p>
          Choose a customer from the <Link to="/customers">Customers list</Link>. Which customer a page shows is not
          written into its address, so the browser's history holds no customer ids, and a bookmark or a new tab opens
          this page empty.
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/customers">← All customers</Link>
      </p>
      <h1>
        Customer <span className="customer-id">{customerId}</span>
      </h1>
      {detail.isPending && <p role="status">Loading…</p>}
      {features.isError && (
        <p role="alert" className="error">
          {features.error.message}
        </p>
      )}
      {detail.isError && (
        <p role="alert" className="error">
          {detail.error.message}
        </p>
      )}
      {detail.data && !detail.data.features && <p>No purchases by this customer up to the analysis date.</p>}
      {detail.data?.segment && (
        <section aria-labelledby="segment-heading" className="card-like">
          <h2 id="segment-heading">
            Segment {text(detail.data.segment.segment_id)}: {text(detail.data.segment.segment_name)}
          </h2>
          <p>
            <strong>{text(detail.data.segment.tier)}</strong> · {text(detail.data.segment.treatment)}
          </p>
          <p className="muted">{text(detail.data.segment.description)}</p>
          <p>
            RFM {text(detail.data.segment.rfm_r)}
            {text(detail.data.segment.rfm_f)}
            {text(detail.data.segment.rfm_m)}: <strong>{text(detail.data.segment.rfm_segment)}</strong>.{' '}
            {RFM_ACTIONS[detail.data.segment.rfm_segment as RfmSegment] ?? ''}
          </p>
        </section>
      )}
      {detail.data?.features && manifest?.predictions && (
        <CustomerPredictionsCard
          customerId={customerId}
          run={manifest.predictions}
          currency={manifest.settings.currency}
          outOfDate={predictionsOutOfDate(manifest, features.data?.analysisDate ?? null)}
        />
      )}
      {detail.data?.features && (
        <section aria-labelledby="features-heading">
          <h2 id="features-heading">Features</h2>
          <div className="table-scroll" tabIndex={0}>
            <table className="data-table feature-table">
              <caption className="visually-hidden">This customer’s features and how each is computed</caption>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Value</th>
                  <th scope="col">How it is computed</th>
                </tr>
              </thead>
              <tbody>
                {CUSTOMER_FEATURE_DOCS.filter((d) => d.column !== 'customer_id').map((doc) => (
                  <tr key={doc.column}>
                    <th scope="row">{doc.label}</th>
                    <td data-feature={doc.column}>
                      {featureText(detail.data.features?.[doc.column])}
                      {doc.unit && detail.data.features?.[doc.column] != null ? ` ${doc.unit}` : ''}
                    </td>
                    <td className="muted">{doc.how}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {detail.data?.profile && (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">From the customers file</h2>
          <dl className="legend">
            {Object.entries(detail.data.profile).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{text(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {detail.data && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Purchase history</h2>
          <p className="muted">
            {formatCount(detail.data.purchases.total)} purchase lines
            {detail.data.purchases.total > detail.data.purchases.rows.length ? ', the latest 500 shown' : ''}, newest
            first.
          </p>
          <DataTable
            caption="Purchase history"
            columns={detail.data.purchases.columns}
            rows={detail.data.purchases.rows}
          />
        </section>
      )}
    </>
  );
}
