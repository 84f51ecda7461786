// The fitted models as the user can check them: the buying model the holdout chose and Gamma-Gamma, their
// parameters with standard errors and unit, log-likelihood and convergence, any degenerate fit said in
// plain words, the spend–frequency correlation, data counts and every note.

import { BUYING_MODEL_INFO } from '../../analytics/clv/buyingModels';
import type { PredictionRun } from '../../hooks/usePredictions';
import { formatCount, formatDateTime, formatDay } from '../../lib/format';
import { fitStatus, parameterText } from './modelParameters';

const fixed = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** The model card of the Predictions page. */
export function ModelSummary({ run, currency }: { run: PredictionRun; currency: string }) {
  const fit = run.model;
  const info = BUYING_MODEL_INFO[fit.model.kind];
  const gg = run.gammaGamma;
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">The models</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="model-parameters">
          <caption>
            Fitted by maximum likelihood (Nelder–Mead on log-parameters, polished by Newton steps; ± is one standard
            error) on {formatCount(fit.customers)} customers as of {formatDay(run.analysisDate)}, time unit:{' '}
            {run.settings.unit}. Computed {formatDateTime(run.createdAt)} in {(run.durationMs / 1000).toFixed(1)} s.
            {run.rescored
              ? ` Live events since: ${formatCount(run.rescored.customers)} customer scorings with these parameters, as of ${formatDay(run.rescored.asOf)} (last ${formatDateTime(run.rescored.at)}).`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Parameters</th>
              <th scope="col">Log-likelihood</th>
              <th scope="col">Convergence</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{info.name} (repeat buying and drop-out)</th>
              <td data-testid="buying-model-parameters">
                {parameterText(fit.model, run.settings.unit, fit.standardErrors)}
              </td>
              <td>{fixed(fit.logLikelihood, 2)}</td>
              <td data-testid="buying-model-status">{fitStatus(fit)}</td>
            </tr>
            <tr>
              <th scope="row">Gamma-Gamma (spend per purchase)</th>
              <td data-testid="gamma-gamma-parameters">
                {gg
                  ? `p = ${fixed(gg.parameters.p)}, q = ${fixed(gg.parameters.q)}, γ = ${fixed(gg.parameters.gamma)} (${formatCount(gg.customers)} repeat customers)`
                  : 'not fitted'}
              </td>
              <td>{gg ? fixed(gg.logLikelihood, 2) : '—'}</td>
              <td>{gg ? `${gg.converged ? 'converged' : 'not converged'} after ${gg.iterations} iterations` : '—'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {fit.degenerate.length > 0 && (
        <div className="warning" role="status" data-testid="degenerate-fit">
          <p>
            {info.name}&apos;s fit is degenerate
            {run.selection.by === 'user'
              ? ' (it was picked in the settings)'
              : ': no model fitted soundly, so it is used anyway'}
            . Read its churn figures with caution:
          </p>
          <ul>
            {fit.degenerate.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <ul className="notes" aria-label="How to read the models">
        <li>
          A transaction is a customer&apos;s purchase day (several orders on one day count once). Cancellations cancel:
          a return or cancellation is taken off the purchase it undoes (the same order&apos;s line, or the
          customer&apos;s latest earlier line of the same product), a day whose purchases were all cancelled is no
          transaction, and spend is net. Recency and age are measured from each customer&apos;s first purchase day.
        </li>
        <li>
          {info.name}: {info.dropout} ({info.reference}). Churn risk is its chance of no purchase in the next{' '}
          {formatCount(run.settings.horizonDays)} days: one scale for one-time and repeat buyers alike.
        </li>
        {gg && (
          <li data-testid="spend-correlation">
            Spend per purchase and number of repeat purchases: correlation r = {fixed(gg.frequencySpendCorrelation, 3)}{' '}
            among the spend model&apos;s customers (the model assumes they are independent;{' '}
            {!Number.isFinite(gg.frequencySpendCorrelation)
              ? 'not measurable: spend or purchases do not vary'
              : Math.abs(gg.frequencySpendCorrelation) < 0.3
                ? 'weak, as it should be'
                : 'too strong: read LTV with caution'}
            ).{' '}
            {gg.populationMeanSpend === null
              ? 'Spend varies too much between customers for a population average: a one-time buyer is expected to spend about what their one purchase was.'
              : `A customer with no repeat history is expected to spend ${money.format(gg.populationMeanSpend)} per purchase.`}
          </li>
        )}
        <li>
          Lifetime value: expected purchases month by month over {run.settings.clvMonths} months × expected spend per
          purchase, discounted at {(run.settings.monthlyDiscountRate * 100).toFixed(1)} % a month.
          {run.ltvThresholds &&
            ` VIP (High) from ${money.format(run.ltvThresholds.high)}, Low below ${money.format(run.ltvThresholds.low)}.`}
        </li>
        <li>
          Next purchase date: the analysis date plus the median wait for the next purchase if the customer is still
          active, from the model&apos;s posterior buying rate given the customer&apos;s purchases and time since the
          first. Its confidence is the chance the purchase falls between half and one and a half times that wait. Next
          category: the customer&apos;s last category&apos;s transitions, backed off to their own mix and to overall
          popularity; confidence is that category&apos;s probability.
        </li>
        {run.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
