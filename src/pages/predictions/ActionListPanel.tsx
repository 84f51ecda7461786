// One action list (who to retain, who to treat as VIP): its first rows, its size, and a CSV of all.

import { Link } from 'react-router';
import { ACTION_LISTS, type ActionList } from '../../data/predictions/predictionQueries';
import { actionListCsv, useActionList } from '../../hooks/usePredictions';
import { plainText } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { formatCount, formatPercent } from '../../lib/format';
import { CUSTOMER_PATH, customerState } from '../customers/customerLink';

const SHOWN = 10;

/** The top of an action list with its download. */
export function ActionListPanel({
  list,
  runAt,
  currency,
  onError,
}: {
  list: ActionList;
  runAt: string;
  currency: string;
  onError: (message: string) => void;
}) {
  const spec = ACTION_LISTS[list];
  const rows = useActionList(list, SHOWN, runAt);
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return (
    <div className="action-list" data-testid={`action-list-${list}`}>
      <h3>
        {spec.title} ({formatCount(rows.data?.total ?? 0)})
      </h3>
      <p className="muted">{spec.why}</p>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Churn probability</th>
              <th scope="col">Lifetime value</th>
              <th scope="col">Next purchase</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {(rows.data?.rows ?? []).map((r) => (
              <tr key={plainText(r.customer_id)}>
                <td>
                  <Link to={CUSTOMER_PATH} state={customerState(plainText(r.customer_id))}>
                    {plainText(r.customer_id)}
                  </Link>
                </td>
                <td>{formatPercent(Number(r.churn_probability))}</td>
                <td>{r.lifetime_value == null ? '—' : money.format(Number(r.lifetime_value))}</td>
                <td>{plainText(r.next_purchase_date) || '—'}</td>
                <td>{plainText(list === 'retain' ? r.risk_action : r.ltv_action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          actionListCsv(list)
            .then((blob) => downloadBlob(blob, `lantern-${list}.csv`))
            .catch((error: Error) => onError(error.message));
        }}
      >
        Download all {formatCount(rows.data?.total ?? 0)} as CSV
      </button>
    </div>
  );
}
