import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../hooks/useSession';
import { useWorkspaceActions, useWorkspaceList } from '../../hooks/useWorkspaces';
import { PassphraseFields } from './PassphraseFields';

/** The lock screen and workspace list: open or unlock a workspace, create one, or import a workspace file. */
export function WorkspacesPage() {
  const { data: workspaces = [] } = useWorkspaceList();
  const actions = useWorkspaceActions();
  const session = useSession((s) => s.session);
  const navigate = useNavigate();
  const [passphrases, setPassphrases] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const [name, setName] = useState('');
  const [newPassphrase, setNewPassphrase] = useState<string | null | undefined>(null);

  const open = (id: string, encrypted: boolean) => (event: FormEvent) => {
    event.preventDefault();
    setFailed(null);
    actions.open.mutate(
      { id, passphrase: encrypted ? (passphrases[id] ?? '') : null },
      {
        onSuccess: () => void navigate('/'),
        onError: (error) => setFailed({ id, message: error.message }),
      },
    );
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    if (newPassphrase === undefined) return;
    actions.create.mutate({ name, passphrase: newPassphrase }, { onSuccess: () => void navigate('/data') });
  };

  return (
    <>
      <h1>Workspaces</h1>
      <p className="muted">
        Each workspace keeps its own data on this device. A workspace with a passphrase is encrypted at rest and locks
        when you leave it.
      </p>
      <ul className="workspace-list" aria-label="Workspaces">
        {workspaces.map((w) => (
          <li key={w.id} className="panel">
            <form onSubmit={open(w.id, w.kdf !== null)} aria-label={`Open ${w.name}`}>
              <h2>
                {w.name} {w.kdf && <span className="badge">passphrase</span>}
                {session?.id === w.id && <span className="badge">open</span>}
              </h2>
              {w.kdf && (
                <label>
                  Passphrase{' '}
                  <input
                    type="password"
                    autoComplete="current-password"
                    value={passphrases[w.id] ?? ''}
                    onChange={(e) => setPassphrases({ ...passphrases, [w.id]: e.target.value })}
                  />
                </label>
              )}{' '}
              <button type="submit" className="button primary" disabled={actions.open.isPending}>
                {w.kdf ? 'Unlock' : 'Open'}
              </button>
              {failed?.id === w.id && (
                <p role="alert" className="error">
                  {failed.message}
                </p>
              )}
            </form>
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">New workspace</h2>
        <form onSubmit={create}>
          <label>
            Name <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <PassphraseFields onChange={setNewPassphrase} optional />
          <button
            type="submit"
            className="button primary"
            disabled={newPassphrase === undefined || actions.create.isPending}
          >
            {actions.create.isPending ? 'Creating…' : 'Create workspace'}
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="import-ws-heading">
        <h2 id="import-ws-heading">Import a workspace file</h2>
        <input
          type="file"
          accept=".lantern"
          aria-label="Workspace file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) actions.importFile.mutate(file);
            e.target.value = '';
          }}
        />
        {actions.importFile.isError && (
          <p role="alert" className="error">
            {actions.importFile.error.message}
          </p>
        )}
        {actions.importFile.isSuccess && <p role="status">Imported “{actions.importFile.data.name}”.</p>}
      </section>
    </>
  );
}
