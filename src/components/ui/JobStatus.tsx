import type { ReactNode } from 'react';

interface JobStatusProps {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** What is happening, shown while running. */
  children: ReactNode;
  progressLabel: string;
  fraction: number;
  error: string | null;
  /** Absent when the job can no longer be cancelled (it is saving). */
  onCancel?: () => void;
}

/** A running job's progress bar with Cancel, and its error or cancellation once it ends. */
export function JobStatus({ status, children, progressLabel, fraction, error, onCancel }: JobStatusProps) {
  if (status === 'running') {
    return (
      <div className="import-status" role="status" aria-live="polite">
        <div>{children}</div>
        <progress max={1} value={fraction} aria-label={progressLabel} />
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
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
