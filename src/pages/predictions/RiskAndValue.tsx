// Churn risk and lifetime value across customers: counts per risk level with the seed's actions,
// and the two distributions as histograms.

import { LTV_ACTIONS, RISK_ACTIONS, RISK_LEVELS } from '../../analytics/predictions/predictionSettings';
import { BarChart } from '../../components/charts/BarChart';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { ChartBox } from '../../components/charts/ChartBox';
import { usePredictionDistributions, type PredictionRun } from '../../hooks/usePredictions';
import { formatCount, formatPercent } from '../../lib/format';

/** Risk levels, and the risk and LTV histograms. */
export function RiskAndValue({ run, currency }: { run: PredictionRun; currency: string }) {
  const distributions = usePredictionDistributions(run.createdAt);
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  const { high, medium } = run.settings.riskThresholds;
  const rule = {
    High: `≥ ${formatPercent(high)}`,
    Medium: `${formatPercent(medium)}–${formatPercent(high)}`,
    Low: `< ${formatPercent(medium)}`,
  };
  return (
    <section aria-labelledby="risk-heading">
      <h2 id="risk-heading">Churn risk and lifetime value</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table" data-testid="risk-levels">
          <thead>
            <tr>
              <th scope="col">Churn risk</th>
              <th scope="col">Chance of no purchase in the next {run.settings.horizonDays} days</th>
              <th scope="col">Customers</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {[...RISK_LEVELS].reverse().map((level) => (
              <tr key={level}>
                <th scope="row">{level}</th>
                <td>{rule[level]}</td>
                <td>{formatCount(run.riskCounts[RISK_LEVELS.indexOf(level)] ?? 0)}</td>
                <td>
                  {RISK_ACTIONS[level].action}: {RISK_ACTIONS[level].detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.ltvThresholds && (
        <p className="muted">
          Value tiers: High ({LTV_ACTIONS.High.action}) the top {formatPercent(run.settings.ltvTierShares.high)}, Low (
          {LTV_ACTIONS.Low.action}) the bottom {formatPercent(run.settings.ltvTierShares.low)}, Medium (
          {LTV_ACTIONS.Medium.action}) the rest.
        </p>
      )}
      {distributions.data && (
        <div className="chart-row">
          <ChartFigure
            caption="Customers by churn probability"
            fileName="lantern-churn-distribution"
            table={{
              columns: ['from', 'to', 'customers'],
              rows: (distributions.data?.churn ?? []).map((b) => [
                formatPercent(b.from),
                formatPercent(b.to),
                formatCount(b.customers),
              ]),
            }}
          >
            <ChartBox
              height={232}
              chart={(width) => (
                <BarChart
                  title="Customers by churn probability"
                  labels={distributions.data.churn.map((b) => `${Math.round(b.from * 100)}`)}
                  series={[
                    { name: 'customers', colour: '#e15759', values: distributions.data.churn.map((b) => b.customers) },
                  ]}
                  xLabel="churn probability (%, bins of 5)"
                  yLabel="customers"
                  formatValue={formatCount}
                  width={width}
                />
              )}
            />
          </ChartFigure>
          {distributions.data.lifetimeValue.length > 0 && (
            <ChartFigure
              caption={`Customers by ${run.settings.clvMonths}-month lifetime value`}
              fileName="lantern-ltv-distribution"
              table={{
                columns: ['from', 'to', 'customers'],
                rows: (distributions.data?.lifetimeValue ?? []).map((b) => [
                  money.format(b.from),
                  money.format(b.to),
                  formatCount(b.customers),
                ]),
              }}
            >
              <ChartBox
                height={232}
                chart={(width) => (
                  <BarChart
                    title={`Customers by ${run.settings.clvMonths}-month lifetime value`}
                    labels={distributions.data.lifetimeValue.map((b) => money.format(b.from))}
                    series={[
                      {
                        name: 'customers',
                        colour: '#59a14f',
                        values: distributions.data.lifetimeValue.map((b) => b.customers),
                      },
                    ]}
                    xLabel={`lifetime value (${currency}, bin start; top 1 % in the last bin)`}
                    yLabel="customers"
                    formatValue={formatCount}
                    width={width}
                  />
                )}
              />
            </ChartFigure>
          )}
        </div>
      )}
    </section>
  );
}
