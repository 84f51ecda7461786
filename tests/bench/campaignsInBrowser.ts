// The campaign benchmark of issue 7: 200 campaigns × 365 days of daily performance, generated from
// known power response curves with noise, imported through the Data page, then the Campaigns page's
// metrics table and one optimisation (curve fits, reallocation, bids, creatives, drops) in the worker.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppUnderTest } from '../e2e/support/browser';
import { mulberry32 } from '../../src/analytics/random';

export interface CampaignBenchRun {
  rows: number;
  importMs: number;
  metricsMs: number;
  optimisationMs: number;
  inputsMs: number;
  workerMs: number;
  curvesMs: number;
  allocationMs: number;
  testsMs: number;
  longestTaskMs: number;
}

const TYPES = ['paid search', 'paid social', 'display', 'email', 'sms', 'affiliate'];

/** Writes campaigns.csv and campaign-performance.csv (once) and returns their paths. */
export function generateCampaignFiles(dir: string, campaigns = 200, days = 365): string[] {
  const files = [path.join(dir, 'campaigns.csv'), path.join(dir, 'campaign-performance.csv')];
  if (files.every(existsSync)) return files;
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(2026);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const campaignLines = ['campaign_id,name,type,target_segment'];
  const performance = ['campaign_id,date,impressions,clicks,conversions,revenue,cost'];
  for (let c = 0; c < campaigns; c++) {
    const id = `BENCH-${String(c + 1).padStart(3, '0')}`;
    campaignLines.push(`${id},Campaign ${c + 1},${TYPES[c % TYPES.length]},Segment ${c % 8}`);
    const spendLevel = 50 + 450 * random();
    const b = 0.4 + 0.5 * random();
    const a = (1.5 + 4 * random()) * spendLevel ** (1 - b);
    let level = 1;
    for (let d = 0; d < days; d++) {
      if (d % 21 === 0) level = Math.exp(0.4 * normal());
      const cost = Math.round(spendLevel * level * Math.exp(0.1 * normal()) * 100) / 100;
      const revenue = Math.round(a * cost ** b * Math.exp(0.2 * normal()) * 100) / 100;
      const conversions = Math.max(0, Math.round(revenue / 70));
      const clicks = Math.max(conversions, Math.round(cost / 0.6));
      const impressions = Math.max(clicks, Math.round(clicks / 0.02));
      const date = new Date(Date.UTC(2025, 10, 1 + d)).toISOString().slice(0, 10);
      performance.push(`${id},${date},${impressions},${clicks},${conversions},${revenue},${cost}`);
    }
  }
  writeFileSync(files[0]!, campaignLines.join('\n') + '\n');
  writeFileSync(files[1]!, performance.join('\n') + '\n');
  return files;
}

/** One fresh workspace: import both files, open the Campaigns page and wait for the optimisation. */
export async function campaignRun(app: AppUnderTest, files: string[]): Promise<CampaignBenchRun> {
  const context = await app.newContext();
  const page = await context.newPage();
  // tsx names functions with an `__name` helper that does not exist in the page.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${app.url}#/data`);
  await page.getByRole('heading', { name: 'Tables' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles(files);
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import 2 files');
    return button && !button.disabled;
  });
  await page.getByRole('button', { name: 'Import 2 files' }).click();
  await page
    .getByTestId('last-import')
    .locator('[data-file="campaign-performance.csv"]')
    .waitFor({ timeout: 10 * 60_000 });
  const importMs = await page.evaluate(() => performance.getEntriesByName('lantern:import').at(-1)?.duration ?? NaN);
  const rows = Number(
    (
      await page
        .getByTestId('last-import')
        .locator('[data-file="campaign-performance.csv"]')
        .getByTestId('rows-read')
        .textContent()
    )?.replace(/\D/g, ''),
  );
  await page.goto(`${app.url}#/campaigns`);
  // A cheap check: Playwright's role queries walk the whole page on the main thread and would be
  // counted as the app's long tasks.
  await page.waitForFunction(() => document.getElementById('recommendations-heading'), undefined, {
    timeout: 10 * 60_000,
    polling: 250,
  });
  const measures = await page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name).at(-1);
    const run = last('lantern:campaigns');
    const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks;
    const end = run ? run.startTime + run.duration : 0;
    const overlapping = run ? tasks.filter((t) => t.start < end && t.start + t.duration > run.startTime) : [];
    return {
      metricsMs: last('lantern:campaign-metrics:campaign')?.duration ?? NaN,
      optimisationMs: run?.duration ?? NaN,
      inputsMs: last('lantern:campaigns:inputs')?.duration ?? NaN,
      workerMs: last('lantern:campaigns:worker')?.duration ?? NaN,
      curvesMs: last('lantern:campaigns:curves')?.duration ?? NaN,
      allocationMs: last('lantern:campaigns:allocation')?.duration ?? NaN,
      testsMs: last('lantern:campaigns:tests')?.duration ?? NaN,
      longestTaskMs: Math.max(0, ...overlapping.map((t) => t.duration)),
    };
  });
  await context.close();
  return { rows, importMs, ...measures };
}
