// Lantern's Content-Security-Policy: code, workers, WASM and connections from the app's own origin
// only. DuckDB compiles its WASM at run time ('wasm-unsafe-eval'); downloads are blob: links.
//
// The user's own event stream (Data page) is not listed here and cannot be: the policy is fixed at build
// time, and a page cannot loosen a meta CSP at run time (a second policy only tightens). It connects from
// the live worker instead. A dedicated worker loaded from a URL takes its CSP from its own response
// headers (CSP3), not from the document's meta tag. Checked in Chromium 156: with connect-src 'self'
// here, the page's own fetch to another origin is blocked while the live worker's EventSource and
// WebSocket connect (tests/e2e/liveStream.test.ts); a blob: worker (which inherits the page's policy)
// or a worker served with a CSP header is blocked. So the page stays restricted, and the one
// connection rests on the code: the live worker
// opens only a URL the user typed and confirmed, checked by checkStreamUrl. A host that adds a CSP header
// to the app's scripts must allow that URL in its connect-src for the stream to work.

/** The policy for the built app's meta tag. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}
