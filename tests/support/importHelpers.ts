// Runs Lantern's whole import path in Node: sniff, propose a mapping, stage, check and swap.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDroppedFile } from '../../src/data/ingestion/compressedFile';
import { proposeMapping } from '../../src/data/ingestion/detectMapping';
import {
  importFiles,
  type FileImportReport,
  type FileToImport,
  type ImportContext,
} from '../../src/data/ingestion/importFiles';
import type { ImportOptions } from '../../src/data/ingestion/importOptions';
import { sniffFile, type FileSniff, type SniffOverrides } from '../../src/data/ingestion/sniffFile';
import { scanDelimited } from '../../src/data/ingestion/scanDelimited';
import { stageFile } from '../../src/data/ingestion/stageFile';
import { planFromSniff, sampleFromSniff } from '../../src/data/ingestion/stagePlan';
import type { SqlConnection } from '../../src/data/sql';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A File from a path (or raw content) as the browser would hand it over. */
export function fileFrom(name: string, content?: string | Uint8Array): File {
  const data = content ?? readFileSync(name);
  return new File([data as BlobPart], path.basename(name));
}

export type OkSniff = Extract<FileSniff, { ok: true }>;

/** Sniffs a file and fails the test with the file's message when it is refused. */
export async function sniffOk(file: File, overrides: SniffOverrides = {}): Promise<OkSniff> {
  const sniff = await sniffFile(file, overrides);
  if (!sniff.ok) throw new Error(`refused: ${sniff.message}`);
  return sniff;
}

let counter = 0;

/**
 * Slices small enough that every file, even a fixture of a few lines, is read by DuckDB in several
 * pieces (rows cut at slice ends are the risk), and few enough (about 32) that a demo-sized file is not
 * read in tens of thousands of them.
 */
function testSliceBytes(fileBytes: number): number {
  return Math.max(64, Math.ceil(fileBytes / 32));
}

/**
 * 'auto': clean CSVs go through DuckDB's CSV reader as in the app, in tiny slices so even small fixtures
 * go through several DuckDB reads; 'javascript': always the JavaScript parsers; 'app': as 'auto' with the
 * app's own slice and batch sizes, for real exports of hundreds of thousands of lines.
 */
export type ReaderChoice = 'auto' | 'javascript' | 'app';

/** Imports files with the proposed mapping (optionally adjusted) and returns one report per file. */
export async function importWithProposal(
  conn: SqlConnection,
  files: File[],
  adjust: (options: ImportOptions, sniff: OkSniff) => Partial<ImportOptions> = () => ({}),
  overrides: SniffOverrides = {},
  reader: ReaderChoice = 'auto',
  item: Pick<FileToImport, 'repeatOf'> = {},
  context: Pick<ImportContext, 'confirmShrink'> = {},
): Promise<FileImportReport[]> {
  const items = [];
  for (const dropped of files) {
    // As the page does: a .csv.gz is opened first and is the file inside from then on.
    const opened = await openDroppedFile(dropped);
    if (!opened.ok) throw new Error(`refused: ${opened.message}`);
    const file = opened.file;
    const sniff = await sniffOk(file, overrides);
    const proposal = proposeMapping(sampleFromSniff(sniff));
    const options = { ...proposal.options, ...adjust(proposal.options, sniff) };
    items.push({
      id: `f${++counter}`,
      file,
      options,
      plan: planFromSniff(sniff),
      ...item,
    });
  }
  const appSizes = reader === 'app';
  const result = await importFiles(items, {
    conn,
    stage: (f, plan, sink, onProgress) => stageFile(f, plan, sink, onProgress, appSizes ? undefined : 1000),
    scan:
      reader !== 'javascript'
        ? (f, plan) =>
            plan.dialect
              ? scanDelimited(f, plan.dialect, plan.headers.length, appSizes ? undefined : testSliceBytes(f.size))
              : Promise.resolve({ clean: false, reason: 'not delimited' })
        : undefined,
    today: '2026-11-25',
    ...context,
  });
  return result.reports;
}
