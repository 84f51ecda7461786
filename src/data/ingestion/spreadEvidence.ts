// Gathers a delimited file's format evidence (formatEvidence) from the whole file when it is small, and
// otherwise from windows spread evenly through it, so a file whose head happens to look one way (the
// first 20 amounts all "1.500", the first days of every month) is judged on all of its months.

import { addCell, emptyEvidence, type ColumnEvidence } from './formatEvidence';
import type { FileEvidence } from './formatFindings';
import { delimitedRecords, type DelimitedDialect } from './parseDelimited';
import type { Cell } from './stagingBatch';

/** Files up to this size are read whole. */
export const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
/** Larger ones: this many windows of WINDOW_BYTES, the first at the start and the last at the end. */
export const WINDOWS = 64;
export const WINDOW_BYTES = 256 * 1024;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Adds rows of cells to per-column evidence, growing the columns as needed. */
export function addRows(columns: ColumnEvidence[], rows: Iterable<readonly Cell[]>) {
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (cell == null || cell === '') continue;
      addCell((columns[i] ??= emptyEvidence()), cell);
    }
  }
}

/** The windows' byte ranges; UTF-16 windows start on an even byte so characters stay whole. */
export function windowRanges(size: number, encoding: DelimitedDialect['encoding']): [number, number][] {
  if (size <= WHOLE_FILE_BYTES) return [[0, size]];
  const step = (size - WINDOW_BYTES) / (WINDOWS - 1);
  return Array.from({ length: WINDOWS }, (_, i) => {
    let start = Math.round(i * step);
    if (encoding.startsWith('utf-16')) start -= start % 2;
    return [start, Math.min(size, start + WINDOW_BYTES)];
  });
}

/** Evidence per column over the file (or its spread windows); the header row and partial lines at window edges are left out. */
export async function delimitedEvidence(
  file: Blob,
  dialect: DelimitedDialect,
  hasHeader: boolean,
): Promise<FileEvidence> {
  const columns: ColumnEvidence[] = [];
  const ranges = windowRanges(file.size, dialect.encoding);
  for (const [start, end] of ranges) {
    const records: Cell[][] = [];
    for await (const batch of delimitedRecords(file.slice(start, end), dialect)) {
      for (const record of batch) {
        if (record.problem) continue;
        if (start === 0 && hasHeader && record.row === 1) continue;
        records.push(record.cells);
      }
    }
    // A window cut mid-line: its first and last records are partial.
    if (start > 0) records.shift();
    if (end < file.size) records.pop();
    addRows(columns, records);
  }
  const scope =
    ranges.length === 1
      ? 'the whole file'
      : `${WINDOWS} places spread through the file (${MB(WINDOWS * WINDOW_BYTES)} of ${MB(file.size)})`;
  return { columns, scope };
}
