// The user's own event stream on the Data page: off until a URL is typed and the connection confirmed,
// then its state and counts. Its events join the live queue like the simulator's and the form's.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkStreamUrl } from '../../analytics/live/streamUrl';
import type { StreamStatus } from '../../contracts/live';
import { connectStream, disconnectStream, lastStreamUrl } from '../../data/live/liveStream';
import { useLiveStream } from '../../hooks/useLive';
import { formatCount } from '../../lib/format';
import { StreamConfirmDialog } from './StreamConfirmDialog';

const several = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** What the stream is doing, said once per change, and its counts, which change too often to announce. */
function describe(status: StreamStatus | null): { state: string; counts: string } {
  if (!status) return { state: 'Not connected: Lantern makes no network connection.', counts: '' };
  const origin = new URL(status.url).origin;
  const counts = `${several(status.messages, 'message')}, ${several(status.items, 'event')} received from ${origin}.`;
  const detail = status.detail ? ` ${status.detail}` : '';
  switch (status.state) {
    case 'connecting':
      return { state: `Connecting to ${origin}…${detail}`, counts };
    case 'open':
      return { state: `Connected to ${status.url}.`, counts };
    case 'error':
      return { state: 'Not connected: the connection failed.', counts };
    case 'closed':
      return { state: `Not connected.${detail}`, counts };
  }
}

/** URL field, Connect (through the confirmation) or Disconnect, and the stream's status. */
export function LiveStreamForm() {
  const status = useLiveStream();
  const [typed, setTyped] = useState(lastStreamUrl);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ url: string; origin: string } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const active = status?.state === 'connecting' || status?.state === 'open';
  const said = describe(status);

  // Focus comes back to the button (now Disconnect, or Connect again) when the dialog closes.
  useEffect(() => {
    if (wasAsking.current && !asking) button.current?.focus();
    wasAsking.current = asking !== null;
  }, [asking]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (active) {
      void disconnectStream();
      return;
    }
    const check = checkStreamUrl(typed, location.protocol);
    setProblem(check.ok ? null : check.reason);
    if (check.ok) setAsking({ url: check.url, origin: check.origin });
  };
  const confirm = () => {
    const target = asking;
    setAsking(null);
    if (target) connectStream(target.url).catch((e: Error) => setProblem(e.message));
  };

  return (
    <>
      <form noValidate onSubmit={submit} aria-labelledby="stream-heading" className="live-stream">
        <h3 id="stream-heading">Your own event stream</h3>
        <p className="muted" id="stream-help">
          Off unless you connect. Lantern can receive events from a Server-Sent Events (http:, https:) or WebSocket
          (ws:, wss:) URL of yours; each message is one event as JSON, a JSON array of events, or one event per line,
          with the fields the form above sends (type, id, at, customerId or campaignId, amount or value). A Server-Sent
          Events server must allow this app’s origin (CORS).
        </p>
        <div className="inline-fields">
          <label>
            Stream URL{' '}
            <input
              type="url"
              value={typed}
              size={40}
              placeholder="wss://example.com/events"
              aria-describedby="stream-help"
              disabled={active}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
          <button ref={button} type="submit" className="button">
            {active ? 'Disconnect' : 'Connect…'}
          </button>
        </div>
        {problem && <p role="alert">{problem}</p>}
        <p data-testid="stream-status">
          <span role="status">{said.state}</span> {said.counts}
        </p>
        {status?.state === 'error' && <p role="alert">{status.detail}</p>}
      </form>
      {asking && (
        <StreamConfirmDialog
          url={asking.url}
          origin={asking.origin}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      )}
    </>
  );
}
