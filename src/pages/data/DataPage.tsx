import { useImportJob, useRunImport, useTryDemo } from '../../hooks/useImportJob';
import { toImportItems, usePendingFiles } from '../../hooks/usePendingFiles';
import { useTables, useWorkspace } from '../../hooks/useWorkspace';
import { missingRequiredFields } from '../../data/ingestion/detectMapping';
import { formatFindings, unansweredFindings } from '../../data/ingestion/formatFindings';
import { DropZone } from './DropZone';
import { ImportReportCard } from './ImportReportCard';
import { PendingFileCard } from './PendingFileCard';
import { ReplaceConfirmation } from './ReplaceConfirmation';
import { TablesPanel } from './TablesPanel';
import { LiveEventsPanel } from './LiveEventsPanel';

/** Import files (drop, map, preview, import), see what each import kept and rejected, and browse the tables. */
export function DataPage() {
  const pending = usePendingFiles();
  const job = useImportJob();
  const tryDemo = useTryDemo();
  const { data: manifest } = useWorkspace();
  const { data: tables } = useTables();
  const items = toImportItems(pending.files);
  const blocked =
    items.some((i) => missingRequiredFields(i.options).length > 0) ||
    pending.files.some(
      (f) =>
        f.sniff?.ok === true &&
        f.options !== null &&
        unansweredFindings(formatFindings(f.sniff.evidence, f.options), f.options).length > 0,
    ) ||
    pending.files.some((f) => f.status === 'sniffing');
  const runImport = useRunImport();
  const startImport = async () => {
    if (await runImport(items)) pending.clear();
  };
  const history = (manifest?.imports ?? []).filter((r) => !job.reports.some((j) => j.id === r.id)).reverse();
  return (
    <>
      <h1>Data</h1>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <DropZone onFiles={(files) => void pending.add(files)} />
        {pending.files.map((p) => (
          <PendingFileCard
            key={p.id}
            pending={p}
            onOptions={(options) => pending.setOptions(p.id, options)}
            onResniff={(overrides) => void pending.resniff(p, overrides)}
            onRemove={() => pending.remove(p.id)}
          />
        ))}
        <div className="actions">
          {items.length > 0 && (
            <button
              type="button"
              className="button primary"
              disabled={blocked || job.status === 'running'}
              onClick={() => void startImport()}
            >
              Import {items.length} file{items.length === 1 ? '' : 's'}
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={job.status === 'running'}
            onClick={() => {
              const replaces = (tables ?? []).length > 0;
              if (!replaces || window.confirm('The demo data replaces the tables in this workspace. Continue?'))
                tryDemo();
            }}
          >
            {(tables ?? []).length > 0 ? 'Replace with the demo data' : 'Load the demo data'}
          </button>
        </div>
        {job.confirmation && <ReplaceConfirmation {...job.confirmation} />}
      </section>
      {job.reports.length > 0 && (
        <section aria-labelledby="result-heading" data-testid="last-import">
          <h2 id="result-heading">Last import</h2>
          {job.reports.map((r) => (
            <ImportReportCard key={r.id} report={r} />
          ))}
        </section>
      )}
      <section aria-labelledby="tables-heading">
        <h2 id="tables-heading">Tables</h2>
        <TablesPanel />
      </section>
      {(tables ?? []).length > 0 && <LiveEventsPanel />}
      {history.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Earlier imports</h2>
          {history.map((r) => (
            <ImportReportCard key={r.id} report={r} />
          ))}
        </section>
      )}
    </>
  );
}
