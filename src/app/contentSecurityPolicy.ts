// Lantern's Content-Security-Policy: code, workers, WASM and connections from the app's own origin
// only. DuckDB compiles its WASM at run time ('wasm-unsafe-eval'); downloads are blob: links.

/** The policy for the built app's meta tag. `extraConnect` is for a user-configured live-event URL. */
export function contentSecurityPolicy(extraConnect: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src 'self'${extraConnect.map((u) => ` ${u}`).join('')}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}
