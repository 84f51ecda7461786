// Which buying model the holdout supports: BG/NBD, MBG/NBD and Pareto/NBD fitted on the calibration
// period, each judged on what then happened (purchases per customer, the chance of no purchase: its
// ranking and its calibration), with the reason for the choice and any model set aside.

import { BUYING_MODEL_INFO } from '../../analytics/clv/buyingModels';
import type { HoldoutValidation } from '../../analytics/predictions/holdoutValidation';
import type { ModelSelection } from '../../analytics/predictions/predictCustomers';
import { formatCount, formatDay } from '../../lib/format';
import { parameterText } from './modelParameters';

const two = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const three = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const points = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} pts` : '—');

/** The model comparison table of the Predictions page. */
export function ModelComparison({
  validation,
  selection,
  unit,
}: {
  validation: HoldoutValidation;
  selection: ModelSelection;
  unit: string;
}) {
  return (
    <section aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Which model the holdout supports</h2>
      <p data-testid="model-choice">
        Each model was fitted on purchases through {formatDay(validation.calibrationEnd)} and asked to predict the next{' '}
        {formatCount(validation.holdoutDays)} days. Used: <strong>{BUYING_MODEL_INFO[selection.chosen].name}</strong>.{' '}
        {selection.reason}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="model-comparison">
          <caption>
            Holdout check of each model: the lower the errors and the higher the AUC, the better it predicted
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Repeat purchases predicted (happened: {formatCount(validation.totals.actual)})</th>
              <th scope="col">Mean error per customer</th>
              <th scope="col">Error by frequency group</th>
              <th scope="col">AUC of no purchase</th>
              <th scope="col">
                Churn risk (next {formatCount(validation.riskHorizonDays)} days): mean / largest gap per decile
              </th>
              <th scope="col">No purchase in the holdout: mean / largest gap per decile</th>
              <th scope="col">Fit on the calibration period</th>
            </tr>
          </thead>
          <tbody>
            {validation.models.map((m) => {
              const info = BUYING_MODEL_INFO[m.kind];
              const fit = m.calibrationFit;
              return (
                <tr key={m.kind} aria-current={m.kind === selection.chosen ? 'true' : undefined}>
                  <th scope="row">
                    {info.name}
                    {m.kind === selection.chosen ? ' (used)' : ''}
                    <br />
                    <span className="muted">{info.dropout}</span>
                  </th>
                  <td>{formatCount(Math.round(m.totals.predicted))}</td>
                  <td>{three(m.meanAbsoluteError)}</td>
                  <td>{three(m.bucketError)}</td>
                  <td>{three(m.noPurchaseAuc)}</td>
                  <td>
                    {points(m.riskCalibrationError)} / {points(m.maxRiskCalibrationGap)}
                  </td>
                  <td>
                    {points(m.calibrationError)} / {points(m.maxCalibrationGap)}
                  </td>
                  <td>
                    {fit.degenerate.length > 0 ? (
                      <span>
                        <strong>degenerate:</strong> {fit.degenerate.join(' ')}
                      </span>
                    ) : (
                      `${fit.converged ? 'converged' : 'not converged'}; ${parameterText(fit.model, unit)}; log-likelihood ${two(fit.logLikelihood)}`
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
