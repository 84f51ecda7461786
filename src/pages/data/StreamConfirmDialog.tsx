// The confirmation before Lantern's only network connection: a modal dialog saying where it goes, that
// nothing is sent, and when it stops. Focus starts on Cancel, so Enter alone never connects; Escape cancels.

import { useEffect, useRef } from 'react';

export interface StreamConfirmDialogProps {
  url: string;
  origin: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks once per Connect; nothing connects until "Connect" in here is pressed. */
export function StreamConfirmDialog({ url, origin, onConfirm, onCancel }: StreamConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="stream-confirm-heading"
      aria-describedby="stream-confirm-text"
      onCancel={onCancel}
    >
      <h2 id="stream-confirm-heading">Connect to {origin}?</h2>
      <div id="stream-confirm-text">
        <p>
          This is the only network access Lantern ever makes, and it goes only to <strong>{origin}</strong>, at{' '}
          <code>{url}</code>.
        </p>
        <p>
          Nothing is sent to it: Lantern only receives events from it, checks them and adds them to this workspace on
          this device. (Your browser opens the connection with its usual request headers, such as this app’s address.)
        </p>
        <p>
          The connection stops when you press Disconnect or close this tab, and it is never opened by itself, not even
          after a reload.
        </p>
      </div>
      <div className="actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={onConfirm}>
          Connect to {origin}
        </button>
      </div>
    </dialog>
  );
}
