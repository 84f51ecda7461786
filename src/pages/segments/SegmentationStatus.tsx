import { JobStatus } from '../../components/ui/JobStatus';
import { useSegmentationJob } from '../../hooks/useSegmentationJob';

/** Progress with Cancel while the job runs; its error afterwards. */
export function SegmentationStatus() {
  const { status, progress, error, cancel } = useSegmentationJob();
  return (
    <JobStatus
      status={status}
      progressLabel="Segmentation progress"
      fraction={progress?.fraction ?? 0}
      error={error}
      onCancel={progress?.phase === 'saving' ? undefined : cancel}
    >
      <strong>Segmenting</strong>: {progress ? `${progress.phase} · ${progress.detail}` : 'reading features'}
    </JobStatus>
  );
}
