// The SQL console: read-only SQL against the workspace's tables in DuckDB, on this device. Results
// show in a virtualised grid and export as CSV; statements that would change anything are refused.

import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { consoleCsv, consoleSchema, runInConsole } from '../../data/sqlConsole/consoleWorkspace';
import { CONSOLE_ROW_LIMIT } from '../../data/sqlConsole/runConsoleQuery';
import { toCsvText } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { formatCount } from '../../lib/format';
import { ResultsTable } from './ResultsTable';

const FIRST_QUERY = 'SELECT * FROM purchases ORDER BY purchase_date DESC LIMIT 100';

/** The SQL console view. */
export function SqlConsolePage() {
  const [sql, setSql] = useState(FIRST_QUERY);
  const schema = useQuery({ queryKey: ['console-schema'], queryFn: consoleSchema });
  const run = useMutation({ mutationFn: runInConsole });
  const [exportError, setExportError] = useState<string | null>(null);
  const result = run.data;
  const submit = () => {
    setExportError(null);
    run.mutate(sql);
  };
  const download = () => {
    if (!result) return;
    setExportError(null);
    const blob = result.isQuery
      ? consoleCsv(result.statement)
      : Promise.resolve(
          new Blob(
            [
              toCsvText(
                result.columns.map((c) => c.name),
                result.rows,
              ),
            ],
            { type: 'text/csv' },
          ),
        );
    blob.then((b) => downloadBlob(b, 'lantern-query.csv')).catch((e: Error) => setExportError(e.message));
  };
  return (
    <>
      <h1>SQL console</h1>
      <p className="muted">
        Read-only SQL (DuckDB’s dialect) against this workspace’s tables, run on this device. Statements that would
        change data, settings or files are refused; imports and deletions go through the Data page.
      </p>
      <div className="sql-console">
        <aside aria-label="Tables">
          <h2>Tables</h2>
          {schema.data?.length === 0 && <p className="muted">No tables yet: import data first.</p>}
          <ul className="schema-list">
            {schema.data?.map((t) => (
              <li key={t.table}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setSql(`SELECT * FROM ${t.table} LIMIT 100`)}
                  title={t.columns.join(', ')}
                >
                  {t.table}
                </button>
                <span className="muted"> {t.columns.length} columns</span>
              </li>
            ))}
          </ul>
        </aside>
        <form
          className="sql-editor"
          aria-label="SQL query"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="sql-text">Query</label>
          <textarea
            id="sql-text"
            spellCheck={false}
            rows={8}
            value={sql}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <div className="actions">
            <button type="submit" className="button primary" disabled={run.isPending}>
              Run
            </button>
            <span className="muted">Ctrl+Enter runs the query.</span>
            {result && (
              <button type="button" className="button" onClick={download}>
                Download results (CSV)
              </button>
            )}
          </div>
        </form>
      </div>
      {run.error && (
        <p role="alert" className="warning">
          {run.error.message}
        </p>
      )}
      {exportError && <p role="alert">{exportError}</p>}
      {result && !run.error && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <p role="status" data-testid="console-status">
            {formatCount(result.totalRows)} row{result.totalRows === 1 ? '' : 's'}
            {result.truncated
              ? ` (showing the first ${formatCount(CONSOLE_ROW_LIMIT)}; the download has all)`
              : ''} in {Math.round(result.ms)} ms
          </p>
          {result.columns.length > 0 && <ResultsTable result={result} />}
        </section>
      )}
    </>
  );
}
