import { useImportJob } from '../../hooks/useImportJob';
import { formatCount } from '../../lib/format';

/** The running import's progress bar with rows processed and Cancel; its outcome once it ends. */
export function ImportStatus() {
  const { status, label, progress, error, cancel } = useImportJob();
  if (status === 'running') {
    const phase =
      progress?.phase === 'checking' ? 'Checking' : progress?.phase === 'saving' ? 'Saving to this device' : 'Reading';
    return (
      <div className="import-status" role="status" aria-live="polite">
        <div>
          <strong>{label}</strong>: {phase} {progress?.fileName}
          {progress && progress.rowsRead > 0 && <> · {formatCount(progress.rowsRead)} rows processed</>}
        </div>
        <progress max={1} value={progress?.fraction ?? 0} aria-label="Import progress" />
        {progress?.phase !== 'saving' && (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
    );
  }
  if (status === 'failed' || status === 'cancelled') {
    return (
      <div className={status === 'failed' ? 'import-status error' : 'import-status'} role="alert">
        {error}
      </div>
    );
  }
  return null;
}
