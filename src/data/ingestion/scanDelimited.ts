// A fast pass over a CSV's bytes that decides whether DuckDB's own CSV reader may stage it: only
// when every record is exactly one line with the header's number of fields, so DuckDB's record
// number plus an offset is the spreadsheet row. It also cuts the file into slices at line ends, so
// staging can report progress and be cancelled between slices.

import type { DelimitedDialect } from './parseDelimited';

export interface FileSlice {
  /** Byte range [start, end) of whole lines. */
  start: number;
  end: number;
  /** Spreadsheet row of the slice's first line (the header is row 1). */
  firstRow: number;
  /** Lines in the slice (the header included for the first slice). */
  lines: number;
}

export type ScanResult = { clean: true; slices: FileSlice[]; dataRows: number } | { clean: false; reason: string };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Scans the file once; `clean: false` names the first thing that needs the careful (Papa Parse) path. */
export async function scanDelimited(
  blob: Blob,
  dialect: DelimitedDialect,
  headerFields: number,
  sliceBytes = 64 * 1024 * 1024,
): Promise<ScanResult> {
  if (dialect.format !== 'csv' && dialect.format !== 'tsv')
    return { clean: false, reason: 'not comma- or tab-separated' };
  if (dialect.encoding !== 'utf-8') return { clean: false, reason: 'not UTF-8' };
  if (dialect.newline === '\r') return { clean: false, reason: 'lone-CR line ends' };
  const delimiter = dialect.delimiter.charCodeAt(0);
  if (dialect.delimiter.length !== 1) return { clean: false, reason: 'multi-character delimiter' };

  const slices: FileSlice[] = [];
  let sliceStart = 0;
  let sliceFirstRow = 1;
  let line = 0; // lines completed so far
  let fields = 1;
  let inQuotes = false;
  let lineLength = 0;
  let offset = 0;
  let afterCr = false;
  // A UTF-8 byte-order mark is left out of the first slice.
  const head = new Uint8Array(await blob.slice(0, 3).arrayBuffer());
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    offset = 3;
    sliceStart = 3;
  }
  const chunkBytes = 8 * 1024 * 1024;
  while (offset < blob.size) {
    const bytes = new Uint8Array(await blob.slice(offset, Math.min(offset + chunkBytes, blob.size)).arrayBuffer());
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      // A CR not followed by LF ends a record for a strict reader, where DuckDB's reader would not.
      if (afterCr && b !== LF) return { clean: false, reason: `a lone CR line end (row ${line + 1})` };
      afterCr = b === CR && !inQuotes;
      if (b === QUOTE) {
        inQuotes = !inQuotes;
      } else if (inQuotes) {
        if (b === LF || b === CR) return { clean: false, reason: `a quoted field spans lines (row ${line + 1})` };
      } else if (b === delimiter) {
        fields++;
      } else if (b === LF) {
        if (lineLength === 0) return { clean: false, reason: `blank line (row ${line + 1})` };
        if (fields !== headerFields)
          return { clean: false, reason: `row ${line + 1} has ${fields} fields, not ${headerFields}` };
        line++;
        fields = 1;
        lineLength = 0;
        const position = offset + i + 1;
        if (position - sliceStart >= sliceBytes) {
          slices.push({ start: sliceStart, end: position, firstRow: sliceFirstRow, lines: line - sliceFirstRow + 1 });
          sliceStart = position;
          sliceFirstRow = line + 1;
        }
        continue;
      }
      if (b !== CR) lineLength++;
    }
    offset += bytes.length;
  }
  if (inQuotes) return { clean: false, reason: 'a quote is never closed' };
  if (afterCr) return { clean: false, reason: 'a lone CR line end (last row)' };
  if (lineLength > 0) {
    if (fields !== headerFields)
      return { clean: false, reason: `row ${line + 1} has ${fields} fields, not ${headerFields}` };
    line++;
  }
  if (blob.size > sliceStart)
    slices.push({ start: sliceStart, end: blob.size, firstRow: sliceFirstRow, lines: line - sliceFirstRow + 1 });
  return { clean: true, slices: slices.filter((s) => s.lines > 0), dataRows: line - 1 };
}
