// The one URL Lantern may ever connect to (issue 9, item 1d): a Server-Sent Events or WebSocket stream
// the user typed in. It is checked here, in the page before the confirmation and again in the worker
// before connecting, so nothing but an http(s) or ws(s) URL without credentials is ever opened.

export type StreamKind = 'sse' | 'websocket';

export type StreamUrlCheck =
  { ok: true; url: string; origin: string; kind: StreamKind } | { ok: false; reason: string };

const KIND: Record<string, StreamKind> = { 'http:': 'sse', 'https:': 'sse', 'ws:': 'websocket', 'wss:': 'websocket' };
const INSECURE = new Set(['http:', 'ws:']);
const MAX_LENGTH = 2000;

// Browsers let an https page reach these over http/ws ("potentially trustworthy" hosts).
const isLoopback = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Checks a typed stream URL. `pageProtocol` (the app's own, e.g. "https:") refuses what the browser
 * would block as mixed content, so the user reads why here rather than a bare connection error.
 */
export function checkStreamUrl(typed: string, pageProtocol?: string): StreamUrlCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, reason: 'Type the URL of your event stream.' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: `The URL is longer than ${MAX_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'This is not a full URL (for example https://example.com/events or wss://…).' };
  }
  const kind = KIND[url.protocol];
  if (!kind)
    return {
      ok: false,
      reason: `Only http:, https: (Server-Sent Events), ws: and wss: (WebSocket) URLs can be used, not ${url.protocol}`,
    };
  if (url.username || url.password)
    return { ok: false, reason: 'Remove the user name and password from the URL: Lantern never sends credentials.' };
  if (url.hash) return { ok: false, reason: 'Remove the #… part: it is never sent to the server.' };
  if (pageProtocol === 'https:' && INSECURE.has(url.protocol) && !isLoopback(url.hostname))
    return {
      ok: false,
      reason: `Lantern is served over https, so the browser blocks ${url.protocol} streams: use ${kind === 'sse' ? 'https:' : 'wss:'}`,
    };
  return { ok: true, url: url.href, origin: url.origin, kind };
}
