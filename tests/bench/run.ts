// `npm run bench`: builds the app, generates purchase files with the demo-data CLI, and times Lantern
// in headless Chromium next to native DuckDB and a Papa Parse pipeline on the same files. Prints a
// table and writes bench-results/latest.json. Figures only: nothing here fails on timing.
//
//   npm run bench                      # 100k and 1M purchase rows, 3 runs each
//   npm run bench -- --rows 5000000    # other sizes (comma-separated, up to 5M)
//   npm run bench -- --runs 5 --skip-build
//   npm run bench -- --only campaigns        # just the 200 campaigns × 365 days optimisation
//   npm run bench -- --only purchases        # just the purchase sizes
//   npm run bench -- --only live             # just the live events (--live-rates 100000,50000p for some)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../e2e/support/browser';
import { campaignRun, generateCampaignFiles, type CampaignBenchRun } from './campaignsInBrowser';
import { lanternRun, type LanternRun } from './lanternInBrowser';
import { liveRun } from './liveInBrowser';
import { liveStoreRun } from './liveStore';
import { nativeDuckDbRun, type NativeRun } from './nativeDuckDb';
import { papaPipelineRun, type PapaRun } from './papaPipeline';
import { printCampaignReport, printReport, type SizeResult } from './report';
import { measureShell } from './shellSize';
import { median, repeat } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'bench-results');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = option('only') ?? 'all';
if (!['all', 'campaigns', 'purchases', 'live'].includes(only))
  throw new Error('--only takes campaigns, purchases or live.');
const sizes =
  only === 'campaigns' || only === 'live' ? [] : (option('rows') ?? '100000,1000000').split(',').map(Number);
const runs = Number(option('runs') ?? 3);
if (sizes.some((n) => !Number.isFinite(n) || n < 1000 || n > 5_000_000))
  throw new Error('--rows takes sizes from 1000 to 5000000.');
if (!(runs >= 3)) throw new Error('--runs must be at least 3 (medians of fewer runs mislead on a noisy machine).');

function generate(rows: number): string {
  const dir = path.join(OUT, `data-${rows}`);
  const csv = path.join(dir, 'purchases.csv');
  if (!existsSync(csv)) {
    execFileSync(
      'npx',
      [
        'tsx',
        'src/data/demo/cli.ts',
        '--customers',
        String(Math.max(1000, Math.round(rows / 10))),
        '--rows',
        String(rows),
        '--out',
        dir,
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
  return csv;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!process.argv.includes('--skip-build')) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const app = await startApp();
  const results: SizeResult[] = [];
  let campaigns: CampaignBenchRun[] = [];
  const shell = await measureShell(app);
  console.log(
    `\nFirst page (Dashboard on the demo), the app's own scripts: ${shell.firstContent.gzipKb.toFixed(0)} kB gzipped in ${shell.firstContent.files} files until the key figures show (${shell.firstContent.rawKb.toFixed(0)} kB raw; target < 250 kB), ${shell.withCharts.gzipKb.toFixed(0)} kB in ${shell.withCharts.files} files with the charts loaded after. DuckDB and the workers excluded.`,
  );
  try {
    if (only === 'all' || only === 'live') {
      const store = await liveStoreRun();
      console.log(
        `\nStoring live purchases (Node): ${store.newRows.toLocaleString('en')} new rows on ${store.storedRows.toLocaleString('en')} stored, appended as one chunk in ${store.appendMs.toFixed(0)} ms, the whole table again in ${store.wholeMs.toFixed(0)} ms.`,
      );
      // --live-rates 100000,50000p runs those only (p: after a prediction fit).
      const runsWanted = (option('live-rates') ?? '10000,50000,100000,50000p')
        .split(',')
        .map((r) => [Number(r.replace('p', '')), r.endsWith('p')] as const);
      for (const [rate, withPredictions] of runsWanted) {
        const r = await liveRun(app, rate, withPredictions ? 20 : 10, withPredictions);
        console.log(
          `\nLive events, simulator at ${rate.toLocaleString('en')}/s for ${r.seconds.toFixed(0)} s${withPredictions ? ', after a prediction fit' : ''}: ${r.receivedPerSecond.toFixed(0)} events/s received and processed in the worker, ${r.purchasesWrittenPerSecond.toFixed(0)} purchase rows/s written to DuckDB; update latency median ${r.latencyMedianMs} ms, max ${r.latencyMaxMs} ms; figures repainted at least ${r.minUpdatesPerSecond} times in every second; longest main-thread task ${r.longestTaskMs.toFixed(0)} ms; ${r.write.count} batch writes, median ${r.write.medianMs.toFixed(0)} ms, slowest ${r.write.maxMs.toFixed(0)} ms; ${r.store.count} stores, median ${r.store.medianMs.toFixed(0)} ms, slowest ${r.store.maxMs.toFixed(0)} ms. The queue alone (Node): ${r.queueAlonePerSecond.toFixed(0)} events/s.`,
        );
        if (r.rescoring)
          console.log(
            `  live rescoring: ${r.rescoring.customers.toLocaleString('en')} customer scorings in ${r.rescoring.rounds} rounds, median ${r.rescoring.medianMs.toFixed(0)} ms, slowest ${r.rescoring.maxMs.toFixed(0)} ms (the first scores everyone: the day moved)`,
          );
      }
    }
    if (only === 'all' || only === 'campaigns') {
      const files = generateCampaignFiles(path.join(OUT, 'campaigns-200x365'));
      console.log('\n200 campaigns × 365 days of performance');
      campaigns = await repeat(runs, async (i) => {
        const r = await campaignRun(app, files);
        console.log(
          `  run ${i + 1}: import ${r.importMs.toFixed(0)} ms, metrics table ${r.metricsMs.toFixed(0)} ms, optimisation ${r.optimisationMs.toFixed(0)} ms (grid ${r.inputsMs.toFixed(0)}, worker ${r.workerMs.toFixed(0)}: curves ${r.curvesMs.toFixed(0)}, reallocation ${r.allocationMs.toFixed(0)}, tests ${r.testsMs.toFixed(0)}; longest task ${r.longestTaskMs.toFixed(0)} ms)`,
        );
        return r;
      });
    }
    for (const rows of sizes) {
      const csv = generate(rows);
      console.log(`\n${rows.toLocaleString('en')} purchase rows (${csv})`);
      const native: NativeRun[] = await repeat(runs, async (i) => {
        const r = await nativeDuckDbRun(csv);
        console.log(
          `  native DuckDB run ${i + 1}: import ${r.importMs.toFixed(0)} ms, features ${r.featuresMs.toFixed(0)} ms`,
        );
        return r;
      });
      let papa: PapaRun[] = [];
      try {
        papa = await repeat(runs, async (i) => {
          const r = await papaPipelineRun(app.browser, csv);
          console.log(
            `  Papa Parse run ${i + 1}: parse ${r.parseMs.toFixed(0)} ms, group-by ${r.groupByMs.toFixed(0)} ms`,
          );
          return r;
        });
      } catch (error) {
        // Row objects for millions of rows can exhaust the tab: that is a result too.
        console.log(`  Papa Parse failed: ${(error as Error).message.split('\n')[0]}`);
      }
      let lantern: LanternRun[] = [];
      let lanternError: string | null = null;
      try {
        lantern = await repeat(runs, async (i) => {
          const r = await lanternRun(app, csv, 'purchases.csv');
          console.log(
            `  Lantern run ${i + 1}: import ${r.import.ms.toFixed(0)} ms (stage ${r.stage.ms.toFixed(0)}, check ${r.check.ms.toFixed(0)}; longest task ${r.import.longestTaskMs.toFixed(0)} ms), save ${r.save.ms.toFixed(0)} ms, features ${r.features.ms.toFixed(0)} ms, segmentation ${r.segmentation.ms.toFixed(0)} ms (worker ${r.segmentationWorker.ms.toFixed(0)}; longest task ${r.segmentation.longestTaskMs.toFixed(0)} ms), predictions ${r.predictions.ms.toFixed(0)} ms (worker ${r.predictionsWorker.ms.toFixed(0)}: fit ${r.predictionsFitMs.toFixed(0)}, score ${r.predictionsScoreMs.toFixed(0)}, check ${r.predictionsValidateMs.toFixed(0)}; ${r.predictionCustomers} customers; longest task ${r.predictions.longestTaskMs.toFixed(0)} ms)`,
          );
          return r;
        });
      } catch (error) {
        lanternError = (error as Error).message;
        console.log(`  Lantern failed: ${lanternError}`);
      }
      results.push({
        rows,
        runs,
        lanternError,
        lantern: lantern.length
          ? {
              rowsRead: lantern[0]?.rowsRead ?? 0,
              importMs: median(lantern.map((r) => r.import.ms)),
              stageMs: median(lantern.map((r) => r.stage.ms)),
              checkMs: median(lantern.map((r) => r.check.ms)),
              saveMs: median(lantern.map((r) => r.save.ms)),
              featuresMs: median(lantern.map((r) => r.features.ms)),
              segmentationMs: median(lantern.map((r) => r.segmentation.ms)),
              segmentationWorkerMs: median(lantern.map((r) => r.segmentationWorker.ms)),
              longestTaskSegmentationMs: Math.max(...lantern.map((r) => r.segmentation.longestTaskMs)),
              predictionsMs: median(lantern.map((r) => r.predictions.ms)),
              predictionsWorkerMs: median(lantern.map((r) => r.predictionsWorker.ms)),
              predictionsFitMs: median(lantern.map((r) => r.predictionsFitMs)),
              predictionsScoreMs: median(lantern.map((r) => r.predictionsScoreMs)),
              predictionsValidateMs: median(lantern.map((r) => r.predictionsValidateMs)),
              predictionCustomers: lantern[0]?.predictionCustomers ?? 0,
              longestTaskPredictionsMs: Math.max(...lantern.map((r) => r.predictions.longestTaskMs)),
              longestTaskImportMs: Math.max(...lantern.map((r) => r.import.longestTaskMs)),
              longestTaskSaveMs: Math.max(...lantern.map((r) => r.save.longestTaskMs)),
              longestTaskFeaturesMs: Math.max(...lantern.map((r) => r.features.longestTaskMs)),
              peakHeapMb: lantern.every((r) => r.peakHeapMb != null)
                ? Math.max(...lantern.map((r) => r.peakHeapMb ?? 0))
                : null,
            }
          : null,
        native: {
          importMs: median(native.map((r) => r.importMs)),
          featuresMs: median(native.map((r) => r.featuresMs)),
        },
        papa: papa.length
          ? { parseMs: median(papa.map((r) => r.parseMs)), groupByMs: median(papa.map((r) => r.groupByMs)) }
          : null,
      });
    }
  } finally {
    await app.close();
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    chromium: app.browser.version(),
    date: new Date().toISOString(),
  };
  writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify({ machine, shell, results, campaigns }, null, 2));
  if (results.length) printReport(machine, results);
  if (campaigns.length) printCampaignReport(campaigns);
  console.log(`\nWritten to ${path.relative(ROOT, path.join(OUT, 'latest.json'))}`);
}

await main();
