// The user's event stream, opened inside the live worker: an EventSource for http(s) URLs, a WebSocket
// for ws(s). It only receives; nothing is ever sent on it. Reconnecting is bounded so a dead stream
// never retries silently forever: EventSource retries by itself, and either kind gives up after
// MAX_RECONNECTS failures in a row (a WebSocket waits 1, 2, then 4 s) and reports it. A WebSocket the
// server closes normally (code 1000) is not reopened.

import { checkStreamUrl } from '../src/analytics/live/streamUrl';
import type { StreamStatus } from '../src/contracts/live';

export const MAX_RECONNECTS = 3;
const RETRY_MS = [1000, 2000, 4000];
/** A WebSocket that stayed open this long starts a new run of reconnects. */
const STAYED_OPEN_MS = 30_000;
/** Counts reach the page at most this often; state changes go at once. */
const REPORT_MS = 250;

/** What the connection needs from the worker's global scope (tests pass fakes). */
export interface StreamPlatform {
  EventSource: typeof EventSource;
  WebSocket: typeof WebSocket;
  location: { protocol: string };
}

export interface StreamConnection {
  /** Closes for good; the last status is "closed" with `detail`. */
  close(detail: string): void;
}

/**
 * Connects to a checked URL; `onMessage` gets each message's text and returns how many items it held.
 * Throws, connecting nothing, when the URL fails `checkStreamUrl`.
 */
export function openStream(
  typed: string,
  onMessage: (data: string) => number,
  onStatus: (status: StreamStatus) => void,
  platform: StreamPlatform = self,
): StreamConnection {
  const check = checkStreamUrl(typed, platform.location.protocol);
  if (!check.ok) throw new Error(check.reason);
  const status: StreamStatus = {
    state: 'connecting',
    url: check.url,
    kind: check.kind,
    messages: 0,
    items: 0,
    detail: null,
  };
  let ended = false;
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  let closeTransport = () => {};

  const report = (change: Partial<StreamStatus> = {}) => {
    Object.assign(status, change);
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = null;
    onStatus({ ...status });
  };
  const end = (state: 'error' | 'closed', detail: string) => {
    if (ended) return;
    ended = true;
    closeTransport();
    report({ state, detail });
  };
  const received = (data: unknown) => {
    if (ended) return;
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
    status.messages++;
    status.items += onMessage(text);
    reportTimer ??= setTimeout(report, REPORT_MS);
  };

  if (check.kind === 'sse') {
    let failures = 0;
    const source = new platform.EventSource(check.url);
    closeTransport = () => source.close();
    source.onopen = () => {
      failures = 0;
      report({ state: 'open', detail: null });
    };
    source.onmessage = (e: MessageEvent<string>) => received(e.data);
    source.onerror = () => {
      if (source.readyState === platform.EventSource.CLOSED)
        return end(
          'error',
          'The server refused the stream (an HTTP error, not text/event-stream, or no CORS permission for this app).',
        );
      failures++;
      if (failures > MAX_RECONNECTS)
        return end('error', `The connection failed ${MAX_RECONNECTS + 1} times in a row; press Connect to try again.`);
      report({
        state: 'connecting',
        detail: `The connection failed; the browser is trying again (attempt ${failures} of ${MAX_RECONNECTS}).`,
      });
    };
    report();
    return { close: (detail) => end('closed', detail) };
  }

  let attempts = 0;
  let openedAt = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let socket: WebSocket | null = null;
  closeTransport = () => {
    if (retry) clearTimeout(retry);
    socket?.close(1000);
  };
  const connect = () => {
    try {
      socket = new platform.WebSocket(check.url);
    } catch (error) {
      return end('error', `The browser refused the connection: ${(error as Error).message}`);
    }
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      openedAt = Date.now();
      report({ state: 'open', detail: null });
    };
    socket.onmessage = (e: MessageEvent<unknown>) => received(e.data);
    // An error is always followed by a close event, which decides what happens next.
    socket.onclose = (e: CloseEvent) => {
      if (ended) return;
      if (e.code === 1000) return end('closed', 'The server closed the stream.');
      if (openedAt && Date.now() - openedAt >= STAYED_OPEN_MS) attempts = 0;
      openedAt = 0;
      const why = `The connection ${status.state === 'open' ? 'closed' : 'failed'} (code ${e.code}${e.reason ? `: ${e.reason}` : ''})`;
      if (attempts >= MAX_RECONNECTS)
        return end('error', `${why}, after ${MAX_RECONNECTS} reconnects in a row; press Connect to try again.`);
      const waitMs = RETRY_MS[attempts] ?? 4000;
      attempts++;
      report({
        state: 'connecting',
        detail: `${why}; reconnecting in ${waitMs / 1000} s (attempt ${attempts} of ${MAX_RECONNECTS}).`,
      });
      retry = setTimeout(connect, waitMs);
    };
  };
  report();
  connect();
  return { close: (detail) => end('closed', detail) };
}
