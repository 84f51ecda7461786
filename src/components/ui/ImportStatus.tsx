import { useImportJob } from '../../hooks/useImportJob';
import { formatCount } from '../../lib/format';
import { JobStatus } from './JobStatus';

/** The running import's progress bar with rows processed and Cancel; its outcome once it ends. */
export function ImportStatus() {
  const { status, label, progress, error, cancel } = useImportJob();
  const phase =
    progress?.phase === 'checking' ? 'Checking' : progress?.phase === 'saving' ? 'Saving to this device' : 'Reading';
  return (
    <JobStatus
      status={status}
      progressLabel="Import progress"
      fraction={progress?.fraction ?? 0}
      error={error}
      onCancel={progress?.phase === 'saving' ? undefined : cancel}
    >
      <strong>{label}</strong>: {phase} {progress?.fileName}
      {progress && progress.rowsRead > 0 && <> · {formatCount(progress.rowsRead)} rows processed</>}
    </JobStatus>
  );
}
