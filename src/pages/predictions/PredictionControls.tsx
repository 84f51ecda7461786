// The prediction settings form: the buying model (chosen on the holdout, or picked), time unit, horizons,
// discount rate, risk thresholds, value-tier shares and the calibration end for the holdout check;
// Predict starts the job in the ML worker.

import { useState } from 'react';
import { BUYING_MODEL_INFO, BUYING_MODEL_KINDS } from '../../analytics/clv/buyingModels';
import {
  DEFAULT_PREDICTION_SETTINGS,
  checkPredictionSettings,
  type ModelChoice,
  type PredictionSettings,
  type TimeUnit,
} from '../../analytics/predictions/predictionSettings';
import { AnalysisDateField } from '../../components/ui/AnalysisDateField';
import { JobStatus } from '../../components/ui/JobStatus';
import { ProblemList } from '../../components/ui/ProblemList';
import { usePredictionJob } from '../../hooks/usePredictionJob';
import { formatDay } from '../../lib/format';

interface PredictionControlsProps {
  lastSettings: PredictionSettings | null;
  analysisDate: string | null;
  lastPurchaseDay: string | null;
  /** The calibration end the last run used (shown when the field is empty). */
  lastCalibrationEnd: string | null;
}

const percent = (v: number) => String(Math.round(v * 1000) / 10);

/** Settings and the Run button of the prediction models. */
export function PredictionControls({
  lastSettings,
  analysisDate,
  lastPurchaseDay,
  lastCalibrationEnd,
}: PredictionControlsProps) {
  const job = usePredictionJob();
  const start = lastSettings ?? DEFAULT_PREDICTION_SETTINGS;
  const [unit, setUnit] = useState<TimeUnit>(start.unit);
  const [model, setModel] = useState<ModelChoice>(start.model);
  const [horizonDays, setHorizon] = useState(String(start.horizonDays));
  const [clvMonths, setClvMonths] = useState(String(start.clvMonths));
  const [discount, setDiscount] = useState(percent(start.monthlyDiscountRate));
  const [high, setHigh] = useState(percent(start.riskThresholds.high));
  const [medium, setMedium] = useState(percent(start.riskThresholds.medium));
  const [vipShare, setVipShare] = useState(percent(start.ltvTierShares.high));
  const [lowShare, setLowShare] = useState(percent(start.ltvTierShares.low));
  const [calibrationEnd, setCalibrationEnd] = useState(start.calibrationEnd ?? '');
  const settings: PredictionSettings = {
    unit,
    model,
    horizonDays: Number(horizonDays),
    clvMonths: Number(clvMonths),
    monthlyDiscountRate: Number(discount) / 100,
    riskThresholds: { high: Number(high) / 100, medium: Number(medium) / 100 },
    ltvTierShares: { high: Number(vipShare) / 100, low: Number(lowShare) / 100 },
    calibrationEnd: calibrationEnd || null,
  };
  const problems = checkPredictionSettings(settings);
  const running = job.status === 'running';
  return (
    <form
      className="segment-controls"
      aria-label="Prediction settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) void job.start({ settings });
      }}
    >
      <AnalysisDateField analysisDate={analysisDate} lastPurchaseDay={lastPurchaseDay} disabled={running} />
      <fieldset disabled={running}>
        <legend>Models</legend>
        <div className="inline-fields">
          <label>
            Model{' '}
            <select value={model} onChange={(e) => setModel(e.target.value as ModelChoice)}>
              <option value="auto">the one the holdout supports</option>
              {BUYING_MODEL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {BUYING_MODEL_INFO[kind].name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Time unit{' '}
            <select value={unit} onChange={(e) => setUnit(e.target.value as TimeUnit)}>
              <option value="weeks">weeks</option>
              <option value="days">days</option>
            </select>
          </label>
          <label>
            Churn risk and expected purchases over the next{' '}
            <input type="number" min={1} max={3650} value={horizonDays} onChange={(e) => setHorizon(e.target.value)} />{' '}
            days
          </label>
          <label>
            Lifetime value over{' '}
            <input type="number" min={1} max={120} value={clvMonths} onChange={(e) => setClvMonths(e.target.value)} />{' '}
            months, discounted at{' '}
            <input
              type="number"
              min={0}
              max={99}
              step={0.1}
              value={discount}
              onChange={(e) => setDiscount(e.target.value)}
            />{' '}
            % a month
          </label>
          <label>
            Holdout check: calibrate through{' '}
            <input
              type="date"
              value={calibrationEnd}
              onChange={(e) => setCalibrationEnd(e.target.value)}
              aria-describedby="calibration-help"
            />
          </label>
          <span id="calibration-help" className="muted">
            Empty: two thirds of the way through the data, leaving the last third as holdout
            {lastCalibrationEnd && !calibrationEnd ? ` (the last run: through ${formatDay(lastCalibrationEnd)})` : ''}.
          </span>
        </div>
      </fieldset>
      <fieldset disabled={running}>
        <legend>Risk levels and value tiers</legend>
        <div className="inline-fields">
          <label>
            High churn risk from{' '}
            <input type="number" min={1} max={99} value={high} onChange={(e) => setHigh(e.target.value)} /> % chance of
            no purchase in that time
          </label>
          <label>
            Medium from{' '}
            <input type="number" min={1} max={99} value={medium} onChange={(e) => setMedium(e.target.value)} /> %
          </label>
          <label>
            VIP (High value): the top{' '}
            <input type="number" min={1} max={99} value={vipShare} onChange={(e) => setVipShare(e.target.value)} /> % by
            lifetime value
          </label>
          <label>
            Cost optimisation (Low value): the bottom{' '}
            <input type="number" min={1} max={99} value={lowShare} onChange={(e) => setLowShare(e.target.value)} /> %
          </label>
        </div>
      </fieldset>
      <ProblemList problems={problems} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={running || problems.length > 0}>
          Predict
        </button>
      </div>
      <JobStatus
        status={job.status}
        progressLabel="Prediction progress"
        fraction={job.progress?.fraction ?? 0}
        error={job.error}
        onCancel={job.progress?.phase === 'saving' ? undefined : job.cancel}
      >
        {job.progress ? `${job.progress.phase}: ${job.progress.detail}` : 'starting…'}
      </JobStatus>
    </form>
  );
}
