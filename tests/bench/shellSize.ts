// The app's own JavaScript the first page loads (issue 8: under 250 kB gzipped), measured in the built
// app on the demo workspace: the scripts the page requests until the Dashboard's key figures show, and
// all of them once its lazily loaded charts are in, gzipped from dist/. DuckDB's WASM and worker bundles
// and the app's own workers are not counted (they load off the main thread).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppUnderTest } from '../e2e/support/browser';

export interface ScriptSize {
  files: number;
  rawKb: number;
  gzipKb: number;
}

export interface ShellSize {
  /** Until the key figures show. */
  firstContent: ScriptSize;
  /** Once the charts, loaded after, are in too. */
  withCharts: ScriptSize;
}

function sizeOf(scripts: Iterable<string>): ScriptSize {
  let files = 0;
  let raw = 0;
  let gzip = 0;
  for (const pathname of scripts) {
    const bytes = readFileSync(path.join(DIST, pathname.replace(/^.*\/assets\//, 'assets/')));
    files++;
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

const DIST = path.resolve(import.meta.dirname, '../../dist');

/** Opens the first page on the demo in a fresh context and sums the scripts it requested. */
export async function measureShell(app: AppUnderTest): Promise<ShellSize> {
  const context = await app.newContext();
  const page = await context.newPage();
  // tsx names functions with an `__name` helper that does not exist in the page.
  await page.addInitScript('globalThis.__name = (f) => f');
  // Notes the moment the key figures first appear, in the page's own clock.
  await page.addInitScript(() => {
    const mark = () => {
      if (document.querySelector('[data-testid="kpi-Orders"]')) {
        (window as unknown as { __firstContentAt: number }).__firstContentAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(mark);
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${app.url}?demo#/`);
  await page.getByTestId('kpi-Orders').waitFor({ timeout: 120_000 });
  await page.getByRole('heading', { name: 'Cohort retention' }).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const { at, scripts } = await page.evaluate(() => ({
    at: (window as unknown as { __firstContentAt: number }).__firstContentAt,
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js') && !/worker/i.test(e.name))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  await context.close();
  if (typeof at !== 'number') throw new Error('The key figures were never seen appearing.');
  return {
    firstContent: sizeOf(scripts.filter((s) => s.start <= at).map((s) => s.path)),
    withCharts: sizeOf(new Set(scripts.map((s) => s.path))),
  };
}
