// Which buying model the holdout supports: BG/NBD, MBG/NBD and Pareto/NBD fitted on the calibration
// period, each judged on what then happened (purchases per customer, the chance of no purchase: its
// ranking and its calibration), with the reason for the choice and what is wrong with any fit, in words.

import { BUYING_MODEL_INFO } from '../../analytics/clv/buyingModels';
import type { HoldoutValidation } from '../../analytics/predictions/holdoutValidation';
import type { ModelSelection } from '../../analytics/predictions/predictCustomers';
import { formatCount, formatDay } from '../../lib/format';
import { parameterText } from './modelParameters';

const three = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const points = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} pts` : '—');

/** The model comparison of the Predictions page. */
export function ModelComparison({
  validation,
  selection,
  unit,
}: {
  validation: HoldoutValidation;
  selection: ModelSelection;
  unit: string;
}) {
  const degenerate = validation.models.filter((m) => m.calibrationFit.degenerate.length > 0);
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
            Holdout check of each model ({formatCount(validation.totals.actual)} repeat purchases happened): the lower
            the errors and the higher the AUC, the better it predicted
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Predicted</th>
              <th scope="col">Error per customer</th>
              <th scope="col">Error by frequency</th>
              <th scope="col">AUC of no purchase</th>
              <th scope="col">Risk calibration</th>
              <th scope="col">Holdout calibration</th>
              <th scope="col">Fit</th>
            </tr>
          </thead>
          <tbody>
            {validation.models.map((m) => {
              const fit = m.calibrationFit;
              return (
                <tr key={m.kind} aria-current={m.kind === selection.chosen ? 'true' : undefined}>
                  <th scope="row">
                    {BUYING_MODEL_INFO[m.kind].name}
                    {m.kind === selection.chosen ? ' (used)' : ''}
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
                  <td>{fit.degenerate.length > 0 ? 'degenerate' : fit.converged ? 'converged' : 'not converged'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="notes" aria-label="How to read the comparison">
        {validation.models.map((m) => (
          <li key={m.kind}>
            <strong>{BUYING_MODEL_INFO[m.kind].name}</strong>: {BUYING_MODEL_INFO[m.kind].dropout} (
            {BUYING_MODEL_INFO[m.kind].reference}). Fitted: {parameterText(m.calibrationFit.model, unit)}.
          </li>
        ))}
        <li>
          Error per customer: the mean of |holdout purchases − predicted|; by frequency: the same for the mean of each
          group of calibration purchases (0, 1, … 7+). Risk calibration: per decile of the churn risk (no purchase in
          the next {formatCount(validation.riskHorizonDays)} days) on {formatDay(validation.calibrationEnd)}, the mean
          and the largest gap between the predicted and the realised share that bought nothing; holdout calibration: the
          same for no purchase in the whole holdout.
        </li>
      </ul>
      {degenerate.length > 0 && (
        <div className="warning" data-testid="degenerate-calibration-fits">
          <p>What is wrong with the fits called degenerate:</p>
          <ul>
            {degenerate.flatMap((m) => m.calibrationFit.degenerate.map((problem) => <li key={problem}>{problem}</li>))}
          </ul>
        </div>
      )}
    </section>
  );
}
