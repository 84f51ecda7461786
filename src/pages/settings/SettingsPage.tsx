import { useState } from 'react';
import { useDeleteEverything } from '../../hooks/useDeleteEverything';
import { WorkspaceSettings } from './WorkspaceSettings';

/** Workspace settings; "Delete all local data" really empties IndexedDB and DuckDB. */
export function SettingsPage() {
  const [confirming, setConfirming] = useState(false);
  const deleteEverything = useDeleteEverything();
  return (
    <>
      <h1>Settings</h1>
      <WorkspaceSettings />
      <section aria-labelledby="danger-heading" className="panel">
        <h2 id="danger-heading">Local data</h2>
        <p>
          Everything Lantern knows lives in this browser (IndexedDB) and in the in-memory database. Deleting removes
          every workspace, with all tables, imports and settings, from this device.
        </p>
        {!confirming ? (
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            Delete all local data
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="confirm-delete" className="confirm">
            <p id="confirm-delete">Delete every table and import on this device? This cannot be undone.</p>
            <button
              type="button"
              className="button danger"
              disabled={deleteEverything.isPending}
              onClick={() => deleteEverything.mutate()}
            >
              {deleteEverything.isPending ? 'Deleting…' : 'Yes, delete everything'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep my data
            </button>
          </div>
        )}
        {deleteEverything.isError && (
          <p role="alert" className="error">
            {deleteEverything.error.message}
          </p>
        )}
      </section>
    </>
  );
}
