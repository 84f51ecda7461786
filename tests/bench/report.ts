// Prints benchmark results as Markdown tables with the targets next to them.

import type { CampaignBenchRun } from './campaignsInBrowser';
import { median } from './stats';

export interface SizeResult {
  rows: number;
  runs: number;
  lanternError: string | null;
  lantern: {
    rowsRead: number;
    importMs: number;
    stageMs: number;
    checkMs: number;
    saveMs: number;
    featuresMs: number;
    segmentationMs: number;
    segmentationWorkerMs: number;
    longestTaskSegmentationMs: number;
    predictionsMs: number;
    predictionsWorkerMs: number;
    predictionsFitMs: number;
    predictionsScoreMs: number;
    predictionsValidateMs: number;
    predictionCustomers: number;
    longestTaskPredictionsMs: number;
    longestTaskImportMs: number;
    longestTaskSaveMs: number;
    longestTaskFeaturesMs: number;
    peakHeapMb: number | null;
  } | null;
  native: { importMs: number; featuresMs: number };
  /** null when the pipeline failed (for example, the tab ran out of memory). */
  papa: { parseMs: number; groupByMs: number } | null;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Prints the table (medians of the runs) and the ratios the targets are stated in. */
export function printReport(machine: Record<string, string | number>, results: SizeResult[]): void {
  console.log(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, Chromium ${machine.chromium}\n`,
  );
  const header = [
    'rows',
    'import',
    'rows/s',
    'save (IndexedDB)',
    'features',
    'segmentation',
    'BG/NBD + Gamma-Gamma',
    'total analysis',
    'longest task: import / save / features / segmentation / predictions',
    'peak JS heap',
    'native DuckDB import / features',
    'Papa Parse + group-by',
    'import vs native',
    'Papa vs import',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const r of results) {
    const l = r.lantern;
    const papaTotal = r.papa ? r.papa.parseMs + r.papa.groupByMs : null;
    const cells = l
      ? [
          r.rows.toLocaleString('en'),
          `${s(l.importMs)} (parse+stage ${s(l.stageMs)}, checks ${s(l.checkMs)})`,
          Math.round(l.rowsRead / (l.importMs / 1000)).toLocaleString('en'),
          s(l.saveMs),
          s(l.featuresMs),
          `${s(l.segmentationMs)} (k-means worker ${s(l.segmentationWorkerMs)})`,
          `${s(l.predictionsMs)} (worker ${s(l.predictionsWorkerMs)}: fit ${s(l.predictionsFitMs)}, score ${l.predictionCustomers.toLocaleString('en')} customers ${s(l.predictionsScoreMs)}, holdout check ${s(l.predictionsValidateMs)})`,
          s(l.featuresMs + l.segmentationMs + l.predictionsMs),
          `${l.longestTaskImportMs.toFixed(0)} / ${l.longestTaskSaveMs.toFixed(0)} / ${l.longestTaskFeaturesMs.toFixed(0)} / ${l.longestTaskSegmentationMs.toFixed(0)} / ${l.longestTaskPredictionsMs.toFixed(0)} ms`,
          l.peakHeapMb == null ? 'n/a' : `${l.peakHeapMb.toFixed(0)} MB`,
          `${s(r.native.importMs)} / ${s(r.native.featuresMs)}`,
          r.papa ? `${s(r.papa.parseMs)} + ${s(r.papa.groupByMs)}` : 'failed (see log)',
          `${(l.importMs / r.native.importMs).toFixed(1)}×`,
          papaTotal == null ? 'n/a' : `${(papaTotal / (l.importMs + l.featuresMs)).toFixed(2)}×`,
        ]
      : [r.rows.toLocaleString('en'), `failed: ${r.lanternError ?? 'unknown'}`, ...Array<string>(12).fill('')];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    '\nSegmentation includes recomputing the features, auto-k over k = 2…10 and saving the two result tables. Predictions include reading the inputs in DuckDB, both fits, scoring, the holdout check (a second BG/NBD fit, the logistic baseline, the next-category check) and saving the two prediction tables.\nTargets: import of 1M rows within 1.5× native DuckDB and ≥ 5× faster than Papa Parse; whole analysis of 1M purchases under 10 s; no main-thread task over 100 ms; 5M rows import or a clear limit message.',
  );
  console.log(
    '"Papa vs import" is (Papa parse + group-by) ÷ (Lantern import + features): above 1 means Lantern is faster.',
  );
}

/** The campaign benchmark (medians of the runs; the longest task is the worst run's). */
export function printCampaignReport(runs: CampaignBenchRun[]): void {
  const m = (pick: (r: CampaignBenchRun) => number) => s(median(runs.map(pick)));
  console.log(
    '\n| campaign × days | import | metrics table | optimisation | of which grid (DuckDB) | worker: curves / reallocation / tests | longest main-thread task |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| 200 × 365 (${(runs[0]?.rows ?? 0).toLocaleString('en')} rows) | ${m((r) => r.importMs)} | ${m((r) => r.metricsMs)} | ${m((r) => r.optimisationMs)} | ${m((r) => r.inputsMs)} | ${m((r) => r.curvesMs)} / ${m((r) => r.allocationMs)} / ${m((r) => r.testsMs)} | ${Math.max(...runs.map((r) => r.longestTaskMs)).toFixed(0)} ms |`,
  );
  console.log(
    'The optimisation is one run of the Campaigns page: the grid read in DuckDB, then in the ML worker 200 response-curve fits, one reallocation with its 500-draw uncertainty range, bids, creative tests, drop detection.',
  );
}
