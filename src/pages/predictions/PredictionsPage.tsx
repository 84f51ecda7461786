// Predictions: churn risk, lifetime value and the next purchase for every customer (the buying model the
// holdout supports, with Gamma-Gamma), which model that is and why, how well it predicted a holdout
// period, and the action lists, all exportable.

import { Link } from 'react-router';
import { useState } from 'react';
import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';
import { useCustomerFeatures } from '../../hooks/useCustomerFeatures';
import { useHasData } from '../../hooks/useHasData';
import { predictionsCsv, predictionsJson, predictionsOutOfDate } from '../../hooks/usePredictions';
import { usePredictionJob } from '../../hooks/usePredictionJob';
import { useWorkspace } from '../../hooks/useWorkspace';
import { downloadBlob } from '../../lib/download';
import { ActionListPanel } from './ActionListPanel';
import { ModelComparison } from './ModelComparison';
import { ModelSummary } from './ModelSummary';
import { PredictionControls } from './PredictionControls';
import { RiskAndValue } from './RiskAndValue';
import { ValidationPanel } from './ValidationPanel';

/** The Predictions view. */
export function PredictionsPage() {
  const hasPurchases = useHasData('purchases');
  const { data: manifest } = useWorkspace();
  const features = useCustomerFeatures(hasPurchases === true, manifest?.settings.analysisDate ?? null);
  const job = usePredictionJob();
  const [exportError, setExportError] = useState<string | null>(null);
  if (hasPurchases !== true || !manifest) {
    return (
      <WaitingForDataPage
        title="Predictions"
        table="purchases"
        promise="Churn risk, expected purchases, lifetime value and the next purchase for every customer, with a check of how well the models predicted a holdout period."
      />
    );
  }
  const run = manifest.predictions;
  const currency = manifest.settings.currency;
  const outOfDate = predictionsOutOfDate(manifest, features.data?.analysisDate ?? null);
  const refitProposed = run
    ? manifest.modelLog.findLast((e) => e.fitCreatedAt === run.createdAt && e.kind === 'proposed')
    : undefined;
  const download = (make: () => Promise<Blob>, name: string) => {
    setExportError(null);
    make()
      .then((blob) => downloadBlob(blob, name))
      .catch((error: Error) => setExportError(error.message));
  };
  const modelJson = () => {
    if (!run) return Promise.reject(new Error('No model yet.'));
    const { model: fit, fits, selection, gammaGamma, settings, analysisDate, customers, validation } = run;
    const model = {
      analysisDate,
      unit: settings.unit,
      createdAt: run.createdAt,
      customers,
      data: run.dataCounts,
      model: fit,
      selection,
      fitsOnAllCustomers: fits,
      gammaGamma,
      settings,
      holdout: validation && {
        calibrationEnd: validation.calibrationEnd,
        holdoutDays: validation.holdoutDays,
        customers: validation.customers,
        models: validation.models,
        riskHorizonDays: validation.riskHorizonDays,
        riskLevels: validation.riskLevels,
        riskDeciles: validation.riskDeciles,
        churnAuc: { model: validation.churn.modelAuc, logistic: validation.churn.logisticAuc },
        paceNote: validation.paceNote,
        category: validation.category,
      },
      notes: run.notes,
    };
    return Promise.resolve(new Blob([JSON.stringify(model, null, 2)], { type: 'application/json' }));
  };
  return (
    <>
      <h1>Predictions</h1>
      <p className="muted">
        Fitted on purchases up to the analysis date (the same date as the segments). Everything is computed on this
        device.
      </p>
      <PredictionControls
        key={run?.createdAt ?? 'none'}
        lastSettings={run?.settings ?? null}
        analysisDate={manifest.settings.analysisDate}
        lastPurchaseDay={features.data?.analysisDate ?? null}
        lastCalibrationEnd={run?.validation?.calibrationEnd ?? null}
      />
      {!run && job.status !== 'running' && <p className="muted">No predictions yet: press “Predict”.</p>}
      {run && (
        <>
          {outOfDate && (
            <p role="status" className="warning">
              {outOfDate}
            </p>
          )}
          {refitProposed && (
            <p role="status" className="warning" data-testid="refit-proposed">
              Lantern proposes a refit: {refitProposed.reasons.join(' ')} <Link to="/monitoring">See Monitoring</Link>
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => download(predictionsCsv, 'lantern-predictions.csv')}
            >
              Download predictions (CSV)
            </button>
            <button
              type="button"
              className="button"
              onClick={() => download(predictionsJson, 'lantern-predictions.json')}
            >
              Download predictions (JSON)
            </button>
            <button type="button" className="button" onClick={() => download(modelJson, 'lantern-model.json')}>
              Download the fitted model (JSON)
            </button>
          </div>
          {exportError && <p role="alert">{exportError}</p>}
          <RiskAndValue run={run} currency={currency} />
          {run.validation && (
            <ModelComparison validation={run.validation} selection={run.selection} unit={run.settings.unit} />
          )}
          <ModelSummary run={run} currency={currency} />
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">Who to act on</h2>
            <div className="action-lists">
              <ActionListPanel list="retain" runAt={run.createdAt} currency={currency} onError={setExportError} />
              {run.gammaGamma && (
                <ActionListPanel list="vip" runAt={run.createdAt} currency={currency} onError={setExportError} />
              )}
            </div>
          </section>
          {run.validation ? (
            <ValidationPanel validation={run.validation} unit={run.settings.unit} />
          ) : (
            <p className="warning">{run.validationNote}</p>
          )}
        </>
      )}
    </>
  );
}
