// What drives churn in the logistic baseline: its standardised coefficients, shown on the Predictions
// page's holdout check and on the Monitoring page.

import type { ChurnBaseline } from '../../analytics/predictions/holdoutValidation';
import { formatPercent } from '../../lib/format';

const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function ChurnDriversTable({ importance }: { importance: ChurnBaseline['importance'] }) {
  if (importance.length === 0) return null;
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table" data-testid="feature-importance">
        <caption>Logistic baseline: standardised coefficients</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Coefficient</th>
            <th scope="col">Share of importance</th>
            <th scope="col">Effect</th>
          </tr>
        </thead>
        <tbody>
          {importance.map((f) => (
            <tr key={f.feature}>
              <th scope="row">{f.feature}</th>
              <td>{Number.isFinite(f.coefficient) ? twoDecimals.format(f.coefficient) : '—'}</td>
              <td>{formatPercent(f.share)}</td>
              <td>{f.direction}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
