// Streams CSV, TSV and whitespace-separated files record by record with spreadsheet row numbers, slice
// by slice so a file of any size fits: CsvRecordReader reads records as RFC 4180 defines them (a record
// split by a quoted newline still counts as one row); Papa Parse guesses the delimiter.

import Papa from 'papaparse';
import { CsvRecordReader } from './csvRecords';
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
  /** A problem with this record's quoting. */
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

/** Yields the file's records in batches, each with its spreadsheet row number; blank lines are skipped but counted. */
export async function* delimitedRecords(
  blob: Blob,
  dialect: DelimitedDialect,
  onProgress?: (p: RecordProgress) => void,
  sliceBytes?: number,
): AsyncGenerator<DelimitedRecord[]> {
  const split = dialect.format === 'whitespace' ? new WhitespaceLines() : new CsvRecordReader(dialect.delimiter);
  let first = true;
  for await (const chunk of readTextChunks(blob, dialect.encoding, sliceBytes)) {
    let text = chunk.text;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (first && text !== '') first = false;
    const batch: DelimitedRecord[] = split.push(text, chunk.done);
    onProgress?.({ bytesRead: chunk.bytesRead });
    if (batch.length) yield batch;
  }
}

/** Lines of a whitespace-separated log (any line end), split on runs of spaces or tabs. */
class WhitespaceLines {
  private carry = '';
  private row = 0;

  push(text: string, final: boolean): DelimitedRecord[] {
    let joined = this.carry + text;
    // A slice may end between CR and LF: keep the CR until the next slice says which it is.
    const heldCr = !final && joined.endsWith('\r');
    if (heldCr) joined = joined.slice(0, -1);
    const lines = joined.split(/\r\n|\n|\r/);
    this.carry = final ? '' : (lines.pop() ?? '') + (heldCr ? '\r' : '');
    if (final && lines.at(-1) === '') lines.pop();
    const out: DelimitedRecord[] = [];
    for (const line of lines) {
      this.row++;
      if (line.trim() !== '') out.push({ row: this.row, cells: line.trim().split(/\s+/), problem: null });
    }
    return out;
  }
}
