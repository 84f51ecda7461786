// Streams CSV, TSV and whitespace-separated files record by record with spreadsheet row numbers.
// Papa Parse parses; this module only cuts the text at record boundaries outside quotes so a file
// of any size is parsed in slices, and a record split by a quoted newline still counts as one row.

import Papa from 'papaparse';
import { readTextChunks, type TextEncodingName } from './readText';

export type DelimitedFormat = 'csv' | 'tsv' | 'whitespace';
export type Newline = '\n' | '\r\n' | '\r';

export interface DelimitedDialect {
  format: DelimitedFormat;
  delimiter: string;
  newline: Newline;
  encoding: TextEncodingName;
}

export interface DelimitedRecord {
  /** 1-based record number in the file, header included: the row a spreadsheet shows. */
  row: number;
  cells: string[];
  /** A problem Papa Parse found with this record's quoting. */
  problem: string | null;
}

export interface RecordProgress {
  bytesRead: number;
}

/** Detects line endings from a text sample. */
export function detectNewline(sample: string): Newline {
  const crlf = sample.indexOf('\r\n');
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (lf === -1 && cr >= 0) return '\r';
  if (crlf >= 0 && crlf <= lf) return '\r\n';
  return '\n';
}

/** Guesses the delimiter of a CSV sample (comma, semicolon, tab or pipe). */
export function detectDelimiter(sample: string, newline: Newline): string {
  const result = Papa.parse<string[]>(sample, { preview: 30, newline, delimitersToGuess: [',', ';', '\t', '|'] });
  return result.meta.delimiter || ',';
}

/** Index just past the last newline that lies outside quotes, or -1. */
function lastRecordBoundary(text: string, newline: Newline, quoted: boolean): number {
  const nl = newline === '\r' ? 13 : 10;
  if (!quoted) {
    const i = text.lastIndexOf(newline === '\r' ? '\r' : '\n');
    return i < 0 ? -1 : i + 1;
  }
  let inQuotes = false;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === nl && !inQuotes) last = i + 1;
  }
  return last;
}

function splitSegment(segment: string, dialect: DelimitedDialect): { cells: string[]; problem: string | null }[] {
  if (dialect.format === 'whitespace') {
    return segment.split(dialect.newline).map((line) => ({
      cells: line.trim() === '' ? [''] : line.trim().split(/\s+/),
      problem: null,
    }));
  }
  const result = Papa.parse<string[]>(segment, {
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const records = result.data.map((cells) => ({ cells, problem: null as string | null }));
  for (const error of result.errors) {
    const record = error.row != null ? records[error.row] : undefined;
    if (record) record.problem = `malformed quotes (${error.message})`;
  }
  return records;
}

/** Yields the file's records in batches, each with its spreadsheet row number; blank lines are skipped but counted. */
export async function* delimitedRecords(
  blob: Blob,
  dialect: DelimitedDialect,
  onProgress?: (p: RecordProgress) => void,
  sliceBytes?: number,
): AsyncGenerator<DelimitedRecord[]> {
  let carry = '';
  let row = 0;
  const quoted = dialect.format !== 'whitespace';
  for await (const chunk of readTextChunks(blob, dialect.encoding, sliceBytes)) {
    let text = carry + chunk.text;
    if (row === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let segment: string;
    if (chunk.done) {
      segment = text.endsWith(dialect.newline) ? text.slice(0, -dialect.newline.length) : text;
      carry = '';
    } else {
      const boundary = lastRecordBoundary(text, dialect.newline, quoted);
      if (boundary < 0) {
        carry = text;
        continue;
      }
      segment = text.slice(0, boundary - dialect.newline.length);
      // A "\r\n" file cut at "\n" leaves nothing behind; the segment excludes the whole newline.
      carry = text.slice(boundary);
    }
    const batch: DelimitedRecord[] = [];
    if (segment === '') {
      // An empty segment between two boundaries is one blank line (Papa Parse returns no record for it).
      if (!chunk.done) row++;
    } else {
      for (const record of splitSegment(segment, dialect)) {
        row++;
        if (record.cells.length === 1 && (record.cells[0] ?? '').trim() === '') continue;
        batch.push({ row, cells: record.cells, problem: record.problem });
      }
    }
    onProgress?.({ bytesRead: chunk.bytesRead });
    if (batch.length) yield batch;
  }
}
