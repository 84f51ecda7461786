// The holdout check the user can see, for the model in use: fitted on the calibration period, its
// predictions for the holdout beside what happened, per frequency bucket, over time, by decile; the
// churn risk levels it would have set and what those customers then did; the supervised logistic
// baseline's AUC and feature importance; next-category accuracy against a simple baseline.

import { BUYING_MODEL_INFO } from '../../analytics/clv/buyingModels';
import type { HoldoutValidation } from '../../analytics/predictions/holdoutValidation';
import { BarChart } from '../../components/charts/BarChart';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { ChartBox } from '../../components/charts/ChartBox';
import { TrackingChart } from '../../components/charts/TrackingChart';
import { ChurnDriversTable } from './ChurnDriversTable';
import { formatCount, formatPercent, formatDay } from '../../lib/format';
import { parameterText } from './modelParameters';

const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const two = (v: number) => (Number.isFinite(v) ? twoDecimals.format(v) : '—');
const DAY_MS = 86_400_000;

/** Validation charts and tables for one holdout. */
export function ValidationPanel({ validation, unit }: { validation: HoldoutValidation; unit: string }) {
  const v = validation;
  const origin = new Date(Date.parse(v.calibrationEnd) - v.calibrationEndOffsetDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const error = v.totals.actual > 0 ? (v.totals.predicted - v.totals.actual) / v.totals.actual : NaN;
  const name = BUYING_MODEL_INFO[v.chosen].name;
  const largestGap = Math.max(0, ...v.riskDeciles.map((d) => Math.abs(d.meanScore - d.eventRate)));
  return (
    <section aria-labelledby="validation-heading">
      <h2 id="validation-heading">How well {name} predicts: holdout check</h2>
      <p data-testid="validation-summary">
        Fitted on purchases through {formatDay(v.calibrationEnd)} ({formatCount(v.customers)} customers;{' '}
        {parameterText(v.calibrationFit.model, unit)}), then asked to predict the next {formatCount(v.holdoutDays)}{' '}
        days: {two(v.totals.predicted)} repeat purchases predicted, {formatCount(v.totals.actual)} happened (
        {Number.isFinite(error) ? `${error >= 0 ? '+' : ''}${(error * 100).toFixed(1)} %` : '—'}).
      </p>
      {v.paceNote && (
        <p className="warning" data-testid="pace-note">
          {v.paceNote}
        </p>
      )}
      <div className="chart-row">
        <ChartFigure
          caption="Holdout repeat purchases per customer, by calibration purchases"
          fileName="lantern-holdout-buckets"
          table={{
            columns: ['calibration purchases', 'actual', 'predicted'],
            rows: v.buckets.map((b, i) => [
              i === v.buckets.length - 1 ? `${b.x}+` : String(b.x),
              two(b.actual),
              two(b.predicted),
            ]),
          }}
        >
          <ChartBox
            height={232}
            chart={(width) => (
              <BarChart
                title="Holdout repeat purchases per customer, by calibration purchases"
                labels={v.buckets.map((b, i) => (i === v.buckets.length - 1 ? `${b.x}+` : String(b.x)))}
                series={[
                  { name: 'actual', colour: '#4e79a7', values: v.buckets.map((b) => b.actual) },
                  { name: 'predicted', colour: '#e15759', values: v.buckets.map((b) => b.predicted) },
                ]}
                xLabel="repeat purchases in the calibration period"
                yLabel="mean holdout purchases"
                formatValue={two}
                width={width}
              />
            )}
          />
        </ChartFigure>
        <ChartFigure
          caption="Cumulative repeat purchases, actual and predicted"
          fileName="lantern-tracking"
          table={{
            columns: ['day', 'actual', 'predicted'],
            rows: v.tracking.map((t) => [String(t.offsetDays), two(t.actual), two(t.predicted)]),
          }}
        >
          <ChartBox
            height={252}
            chart={(width) => (
              <TrackingChart
                points={v.tracking}
                calibrationEndOffsetDays={v.calibrationEndOffsetDays}
                originDate={origin}
                width={width}
              />
            )}
          />
        </ChartFigure>
        <ChartFigure
          caption="No holdout purchase by decile of the predicted chance of none"
          fileName="lantern-holdout-deciles"
          table={{
            columns: ['decile', 'happened', 'predicted'],
            rows: v.deciles.map((d) => [String(d.decile), formatPercent(d.eventRate), formatPercent(d.meanScore)]),
          }}
        >
          <ChartBox
            height={232}
            chart={(width) => (
              <BarChart
                title="No holdout purchase, by decile of the predicted chance of none"
                labels={v.deciles.map((d) => String(d.decile))}
                series={[
                  { name: 'happened', colour: '#e15759', values: v.deciles.map((d) => d.eventRate) },
                  { name: 'predicted', colour: '#bab0ac', values: v.deciles.map((d) => d.meanScore) },
                ]}
                xLabel="decile (1 = lowest predicted chance of no purchase)"
                yLabel="share of customers"
                formatValue={(x) => formatPercent(x)}
                width={width}
              />
            )}
          />
        </ChartFigure>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="frequency-buckets">
          <caption>Mean holdout repeat purchases per customer by calibration repeat purchases</caption>
          <thead>
            <tr>
              <th scope="col">Calibration repeat purchases</th>
              <th scope="col">Customers</th>
              <th scope="col">Actual</th>
              <th scope="col">Predicted</th>
            </tr>
          </thead>
          <tbody>
            {v.buckets.map((b, i) => (
              <tr key={b.x}>
                <th scope="row">{i === v.buckets.length - 1 ? `${b.x}+` : b.x}</th>
                <td>{formatCount(b.customers)}</td>
                <td>{two(b.actual)}</td>
                <td>{two(b.predicted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="risk-level-check">
          <caption>
            The churn risk levels {name} would have set on {formatDay(v.calibrationEnd)}, and who then bought nothing in
            the next {formatCount(v.riskHorizonDays)} days
          </caption>
          <thead>
            <tr>
              <th scope="col">Churn risk</th>
              <th scope="col">Customers</th>
              <th scope="col">Of them bought only once</th>
              <th scope="col">Predicted chance of no purchase</th>
              <th scope="col">Bought nothing</th>
            </tr>
          </thead>
          <tbody>
            {[...v.riskLevels].reverse().map((r) => (
              <tr key={r.level}>
                <th scope="row">{r.level}</th>
                <td>{formatCount(r.customers)}</td>
                <td>{formatCount(r.customers - r.repeatCustomers)}</td>
                <td>{Number.isFinite(r.meanChurnProbability) ? formatPercent(r.meanChurnProbability) : '—'}</td>
                <td>{Number.isFinite(r.noPurchaseRate) ? formatPercent(r.noPurchaseRate) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="risk-deciles">
          <caption>
            Churn risk by decile on {formatDay(v.calibrationEnd)}: predicted against what happened in the next{' '}
            {formatCount(v.riskHorizonDays)} days (largest gap {(largestGap * 100).toFixed(1)} points)
          </caption>
          <thead>
            <tr>
              <th scope="col">Decile (1 = lowest risk)</th>
              <th scope="col">Customers</th>
              <th scope="col">Predicted chance of no purchase</th>
              <th scope="col">Bought nothing</th>
            </tr>
          </thead>
          <tbody>
            {v.riskDeciles.map((d) => (
              <tr key={d.decile}>
                <th scope="row">{d.decile}</th>
                <td>{formatCount(d.customers)}</td>
                <td>{formatPercent(d.meanScore)}</td>
                <td>{formatPercent(d.eventRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Churn: {name} against a supervised baseline</h3>
      <p data-testid="churn-auc">
        Predicting “no purchase in the holdout” for {formatCount(v.churn.testCustomers)} customers: {name}&apos;s chance
        of no purchase in that time, AUC {two(v.churn.modelAuc)}; logistic regression on recency, frequency, spend and
        tenure, trained one holdout earlier on {formatCount(v.churn.trainingCustomers)} customers (label: no purchase in
        the following {formatCount(v.holdoutDays)} days), AUC{' '}
        {v.churn.logisticAuc === null ? '—' : two(v.churn.logisticAuc)}.{' '}
        {v.churn.logisticAuc !== null &&
          (v.churn.logisticAuc > v.churn.modelAuc + 0.02
            ? `On this data the supervised baseline ranks churners clearly better than ${name}.`
            : v.churn.logisticAuc > v.churn.modelAuc
              ? `On this data the supervised baseline ranks churners a little better (within 0.02).`
              : `On this data ${name} ranks churners at least as well.`)}{' '}
        {v.churn.logisticNote}
      </p>
      <ChurnDriversTable importance={v.churn.importance} />
      {v.category && (
        <>
          <h3>Next category</h3>
          <div className="table-scroll" tabIndex={0}>
            <table className="data-table" data-testid="category-accuracy">
              <caption>
                First holdout purchase&apos;s category for {formatCount(v.category.customers)} customers who bought
                again
              </caption>
              <thead>
                <tr>
                  <th scope="col">Predictor</th>
                  <th scope="col">Top-1 accuracy</th>
                  <th scope="col">Top-3 accuracy</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Transitions with back-off (Lantern)</th>
                  <td>{formatPercent(v.category.model.top1)}</td>
                  <td>{formatPercent(v.category.model.top3)}</td>
                </tr>
                <tr>
                  <th scope="row">The customer&apos;s most frequent category</th>
                  <td>{formatPercent(v.category.baseline.top1)}</td>
                  <td>{formatPercent(v.category.baseline.top3)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
