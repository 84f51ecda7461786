// The analysis date every feature, segment and prediction is computed as of: a date input with a way
// back to the default (the last purchase day). Shared by the Segments and Predictions forms.

import { useSetAnalysisDate } from '../../hooks/useSegments';

interface AnalysisDateFieldProps {
  /** The date the user set, or null for the default. */
  analysisDate: string | null;
  lastPurchaseDay: string | null;
  /** A job is running: the date cannot change under it. */
  disabled: boolean;
}

/** The "Analysis date" fieldset. */
export function AnalysisDateField({ analysisDate, lastPurchaseDay, disabled }: AnalysisDateFieldProps) {
  const setAnalysisDate = useSetAnalysisDate();
  return (
    <fieldset>
      <legend>Analysis date</legend>
      <label>
        Features as of{' '}
        <input
          type="date"
          value={analysisDate ?? lastPurchaseDay ?? ''}
          disabled={disabled || setAnalysisDate.isPending}
          onChange={(e) => setAnalysisDate.mutate(e.target.value || null)}
        />
      </label>{' '}
      {analysisDate ? (
        <button type="button" className="button" onClick={() => setAnalysisDate.mutate(null)} disabled={disabled}>
          Use the last purchase day
        </button>
      ) : (
        <span className="muted">the last purchase day in the data (default)</span>
      )}
      {setAnalysisDate.isError && <p className="error">{setAnalysisDate.error.message}</p>}
    </fieldset>
  );
}
