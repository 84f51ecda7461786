import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../hooks/useSession';
import { useWorkspaceActions } from '../../hooks/useWorkspaces';
import { PassphraseFields } from '../workspaces/PassphraseFields';

const IDLE_CHOICES = [5, 15, 30, 60, 0];

/** The open workspace: lock, idle lock, passphrase, workspace file, delete. */
export function WorkspaceSettings() {
  const session = useSession((s) => s.session);
  const actions = useWorkspaceActions();
  const navigate = useNavigate();
  const [passphrase, setPassphrase] = useState<string | null | undefined>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  if (!session) return null;
  const submitPassphrase = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === undefined) return;
    actions.changePassphrase.mutate(passphrase);
  };
  return (
    <section className="panel" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading">Workspace “{session.name}”</h2>
      <p>
        {session.encrypted
          ? 'Encrypted at rest with your passphrase (AES-GCM; key derived with PBKDF2-SHA-256, 600,000 iterations). The passphrase is never stored: if you lose it, the data cannot be recovered.'
          : 'This workspace has no passphrase: its data is stored unencrypted in this browser.'}
      </p>
      {session.encrypted && (
        <div className="form-row">
          <button
            type="button"
            className="button"
            onClick={() => actions.lock.mutate(undefined, { onSuccess: () => void navigate('/workspaces') })}
          >
            Lock now
          </button>
          <label>
            Lock after{' '}
            <select
              value={session.idleLockMinutes}
              onChange={(e) => actions.setIdleLock.mutate(Number(e.target.value))}
            >
              {IDLE_CHOICES.map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? 'never' : `${m} minutes idle`}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <form onSubmit={submitPassphrase}>
        <h3>{session.encrypted ? 'Change the passphrase' : 'Add a passphrase'}</h3>
        <PassphraseFields onChange={setPassphrase} optional={session.encrypted} />
        <button
          type="submit"
          className="button"
          disabled={passphrase === undefined || actions.changePassphrase.isPending}
        >
          {actions.changePassphrase.isPending
            ? 'Re-encrypting…'
            : passphrase === null && session.encrypted
              ? 'Remove the passphrase'
              : 'Save passphrase'}
        </button>
        {actions.changePassphrase.isSuccess && <p role="status">Saved: everything was re-encrypted.</p>}
        {actions.changePassphrase.isError && (
          <p role="alert" className="error">
            {actions.changePassphrase.error.message}
          </p>
        )}
      </form>
      <h3>Move it to another device</h3>
      <button type="button" className="button" onClick={() => actions.exportFile.mutate(session.name)}>
        Export workspace file
      </button>{' '}
      <span className="muted small">
        {session.encrypted
          ? 'The file stays encrypted; open it with the same passphrase.'
          : 'The file is not encrypted.'}
      </span>
      <h3>Delete this workspace</h3>
      {!confirmDelete ? (
        <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
          Delete workspace “{session.name}”
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="confirm-ws-delete" className="confirm">
          <p id="confirm-ws-delete">Delete “{session.name}” and all its data from this device?</p>
          <button
            type="button"
            className="button danger"
            onClick={() => actions.remove.mutate(undefined, { onSuccess: () => void navigate('/workspaces') })}
          >
            Yes, delete it
          </button>
          <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </div>
      )}
    </section>
  );
}
