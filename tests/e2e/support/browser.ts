// Browser-test harness: serves the built app (dist/) with Vite's preview server on a free port and
// drives Debian's Chromium through playwright-core. Never downloads a browser. Records every request
// of pages, workers and service workers so a test can fail on any that leaves the app's origin.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The built app to serve: dist/ unless LANTERN_DIST names another build (so two builds can be tested side by side).
const DIST = process.env.LANTERN_DIST ?? 'dist';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** Path of a Chromium to drive: CHROME_PATH, then the usual install locations. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Browser tests need Chromium and none was found. Install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface AppUnderTest {
  url: string;
  origin: string;
  browser: Browser;
  /** Requests that went anywhere but the app's origin (blob:/data: excluded), across every context. */
  foreignRequests: string[];
  /** Console messages about Content-Security-Policy violations, from every page. */
  cspViolations: string[];
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium; fails clearly when the build is missing. */
export async function startApp(): Promise<AppUnderTest> {
  if (!existsSync(path.join(ROOT, DIST, 'index.html'))) {
    throw new Error(`${DIST}/ is missing: run \`npm run build\` first (npm test does it for you).`);
  }
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: DIST },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const foreignRequests: string[] = [];
  const record = (request: Request) => {
    const url = request.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  };
  const cspViolations: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    url: `${origin}/`,
    origin,
    browser,
    foreignRequests,
    cspViolations,
    async newContext() {
      // A fixed locale: tests compare the page's numbers and dates with ones formatted for en-US.
      const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
      context.on('request', record);
      context.on('page', (page) =>
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
        }),
      );
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
