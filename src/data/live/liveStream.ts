// The user's event stream on the main thread's side: asks the live worker to connect (only ever after
// the user confirmed the URL), keeps the status it reports for the page, and remembers the last URL in
// sessionStorage, so it is forgotten with the tab and never stored with the workspace or reconnected.

import { proxy } from 'comlink';
import { liveWorker } from '../../bridge/liveWorker';
import type { StreamStatus } from '../../contracts/live';
import { ensureRunning } from './liveSession';

const URL_KEY = 'lantern.liveStreamUrl';

let status: StreamStatus | null = null;
let generation = 0;
const listeners = new Set<() => void>();

/** The current stream's last reported status; null before the first Connect in this tab. */
export const streamStatus = (): StreamStatus | null => status;

/** Calls `listener` when the stream's status changes. */
export function onStreamChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Connects to the URL the user typed and confirmed; rejects with the reason when the URL is refused. */
export async function connectStream(url: string): Promise<void> {
  ensureRunning();
  rememberStreamUrl(url);
  // Only the newest connection's reports count (an older one's last "closed" may arrive after).
  const mine = ++generation;
  const onStatus = (next: StreamStatus) => {
    if (mine !== generation) return;
    status = next;
    listeners.forEach((l) => l());
  };
  await liveWorker().connectStream(url, proxy(onStatus));
}

/** Closes the stream; the worker reports "closed". */
export function disconnectStream(): Promise<void> {
  return liveWorker().disconnectStream();
}

/** The URL last connected to in this tab, to prefill the field (never to connect by itself). */
export function lastStreamUrl(): string {
  try {
    return sessionStorage.getItem(URL_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberStreamUrl(url: string) {
  try {
    sessionStorage.setItem(URL_KEY, url);
  } catch {
    // Storage refused (private mode): the field just starts empty next time.
  }
}
