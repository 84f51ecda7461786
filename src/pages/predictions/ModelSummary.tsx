// The fitted models as the user can check them: BG/NBD and Gamma-Gamma parameters with their unit,
// log-likelihood and convergence, the spend–frequency correlation, data counts and every note.

import type { PredictionRun } from '../../hooks/usePredictions';
import { formatCount, formatDateTime, formatDay } from '../../lib/format';

const fixed = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** The model card of the Predictions page. */
export function ModelSummary({ run, currency }: { run: PredictionRun; currency: string }) {
  const { r, alpha, a, b } = run.bgNbd.parameters;
  const gg = run.gammaGamma;
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">The models</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="model-parameters">
          <caption>
            Fitted by maximum likelihood (Nelder–Mead on log-parameters) on {formatCount(run.bgNbd.customers)} customers
            as of {formatDay(run.analysisDate)}, time unit: {run.settings.unit}. Computed{' '}
            {formatDateTime(run.createdAt)} in {(run.durationMs / 1000).toFixed(1)} s.
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
              <th scope="row">BG/NBD (repeat buying and drop-out)</th>
              <td data-testid="bgnbd-parameters">
                r = {fixed(r)}, α = {fixed(alpha)} {run.settings.unit}, a = {fixed(a)}, b = {fixed(b)}
              </td>
              <td>{fixed(run.bgNbd.logLikelihood, 2)}</td>
              <td>
                {run.bgNbd.converged ? 'converged' : 'not converged'} after {run.bgNbd.iterations} iterations
              </td>
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
      <ul className="notes" aria-label="How to read the models">
        <li>
          A transaction is a customer&apos;s purchase day (several orders on one day count once); returns are not
          transactions. Recency and age are measured from each customer&apos;s first purchase day.
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
            ). A customer with no repeat history is expected to spend {money.format(gg.populationMeanSpend)} per
            purchase.
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
