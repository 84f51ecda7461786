// The outcome of one imported file on the Data page: the counts that add up to the rows read, rows
// already in the table (with "Import them anyway"), returns, and the rejected rows to browse or download.

import { useState } from 'react';
import { DataTable } from '../../components/ui/DataTable';
import { Pager } from '../../components/ui/Pager';
import type { FileImportReport } from '../../data/ingestion/importFiles';
import { TABLE_SPECS } from '../../data/schema';
import { useDownloadRejects } from '../../hooks/useDownloadRejects';
import { useImportAnyway } from '../../hooks/useImportJob';
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

/** "406,829 rows were already in the table and were skipped." in the user's locale. */
function alreadyPresentSentence(rows: number): string {
  return rows === 1
    ? '1 row was already in the table and was skipped.'
    : `${formatCount(rows)} rows were already in the table and were skipped.`;
}

/** What happened to one file: rows read = accepted + rejected + already in the table, returns, and the
 * rejects to see and download. */
export function ImportReportCard({ report }: { report: FileImportReport }) {
  const [showRejects, setShowRejects] = useState(false);
  const download = useDownloadRejects();
  const importAnyway = useImportAnyway(report);
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
        {report.alreadyPresent > 0 && (
          <>
            {' '}
            + <span data-testid="rows-already-present">{formatCount(report.alreadyPresent)}</span> already in the table
          </>
        )}
      </p>
      {report.alreadyPresent > 0 && (
        <div data-testid="already-present">
          <p>{alreadyPresentSentence(report.alreadyPresent)}</p>
          <p className="muted small">
            The file has no line id, so a row equal to one in the table on every mapped column counts as already there;
            lines the file itself repeats are kept.
          </p>
          {importAnyway && (
            <div className="actions">
              <button type="button" className="button" onClick={importAnyway}>
                Import them anyway
              </button>
            </div>
          )}
        </div>
      )}
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
