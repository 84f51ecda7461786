import { useState } from 'react';
import { DataTable } from '../../components/ui/DataTable';
import { Pager } from '../../components/ui/Pager';
import type { FileImportReport } from '../../data/ingestion/importFiles';
import { TABLE_SPECS } from '../../data/schema';
import { useDownloadRejects } from '../../hooks/useDownloadRejects';
import { useTablePage } from '../../hooks/useWorkspace';
import { formatCount, formatDateTime } from '../../lib/format';

const PAGE = 20;

/** The rejected rows of one file, a page at a time. */
function RejectedRows({ report }: { report: FileImportReport }) {
  const [page, setPage] = useState(0);
  const { data } = useTablePage(report.rejectsTable, page, PAGE);
  if (!data) return <p role="status">Loading rejected rows…</p>;
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  return (
    <>
      <DataTable
        caption={`Rejected rows of ${report.fileName}`}
        columns={['row', 'column', 'reason', ...data.columns.slice(3)]}
        rows={data.rows}
      />
      {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
    </>
  );
}

/** What happened to one file: rows read = accepted + rejected, returns, and the rejects to see and download. */
export function ImportReportCard({ report }: { report: FileImportReport }) {
  const [showRejects, setShowRejects] = useState(false);
  const download = useDownloadRejects();
  return (
    <article className="panel report" data-testid="import-report" data-file={report.fileName}>
      <h3>
        {report.fileName} → {TABLE_SPECS[report.kind].label}
      </h3>
      <p className="muted small">
        {report.mode === 'append' ? 'Added to the table' : 'Replaced the table'} · {formatDateTime(report.importedAt)}
      </p>
      <p className="counts">
        <span data-testid="rows-read">{formatCount(report.rowsRead)}</span> rows read ={' '}
        <span data-testid="rows-accepted">{formatCount(report.accepted)}</span> accepted +{' '}
        <span data-testid="rows-rejected">{formatCount(report.rejected)}</span> rejected
      </p>
      {report.returns > 0 && <p>{formatCount(report.returns)} returns or cancellations kept and labelled.</p>}
      {report.createdCustomers > 0 && (
        <p>{formatCount(report.createdCustomers)} customers created for purchases of unknown customers.</p>
      )}
      {report.rejected > 0 && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-expanded={showRejects}
            onClick={() => setShowRejects(!showRejects)}
          >
            {showRejects ? 'Hide rejected rows' : 'Show rejected rows'}
          </button>
          <button
            type="button"
            className="button"
            data-testid="download-rejects"
            onClick={() => download.mutate({ rejectsTable: report.rejectsTable, fileName: report.fileName })}
          >
            Download rejected rows (CSV)
          </button>
        </div>
      )}
      {showRejects && <RejectedRows report={report} />}
    </article>
  );
}
