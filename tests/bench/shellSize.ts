// The app's own JavaScript the first page loads (issue 8: under 250 kB gzipped), measured in the built
// app: every script the page itself requests while opening the Dashboard, gzipped from dist/. DuckDB's
// WASM and worker bundles and the app's own workers are not counted (they load off the main thread).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppUnderTest } from '../e2e/support/browser';

export interface ShellSize {
  files: number;
  rawKb: number;
  gzipKb: number;
}

const DIST = path.resolve(import.meta.dirname, '../../dist');

/** Opens the first page in a fresh context and sums the scripts it requested. */
export async function measureShell(app: AppUnderTest): Promise<ShellSize> {
  const context = await app.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'script' && url.pathname.endsWith('.js') && !/worker/i.test(url.pathname)) {
      scripts.add(url.pathname);
    }
  });
  await page.goto(`${app.url}#/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  let raw = 0;
  let gzip = 0;
  for (const pathname of scripts) {
    const bytes = readFileSync(path.join(DIST, pathname.replace(/^.*\/assets\//, 'assets/')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: scripts.size, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}
