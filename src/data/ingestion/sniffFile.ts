// First look at a dropped file: format, encoding, dialect, header, a sample of rows for the mapping
// screen, and the evidence of how it writes numbers and dates (over the whole file or spread through it).
// Whole-file problems (empty, binary, no data rows, wrong JSON shape) come back as a message here.

import { detectFileFormat, MAX_JSON_ARRAY_BYTES, type FileFormat } from './fileFormat';
import { firstRowIsHeader, generatedHeaders, uniqueHeaders } from './headers';
import { delimitedRecords, detectDelimiter, detectNewline, type DelimitedDialect } from './parseDelimited';
import { JsonShapeError, readJsonArray, readNdjson } from './parseJson';
import { parquetInfo, parquetRows } from './parseParquet';
import type { FileEvidence } from './formatFindings';
import { readHead, type TextEncodingName } from './readText';
import { addRows, delimitedEvidence } from './spreadEvidence';
import type { Cell } from './stagingBatch';
import { bomEncoding, detectEncoding, utf16WithoutBom } from './textEncoding';

export const SAMPLE_ROWS = 20;

export interface SniffOverrides {
  delimiter?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
}

export type FileSniff =
  | {
      ok: true;
      fileName: string;
      fileSize: number;
      format: FileFormat;
      encoding: TextEncodingName;
      dialect: DelimitedDialect | null;
      hasHeader: boolean;
      headers: string[];
      sampleRows: Cell[][];
      /** How the file writes numbers and dates, per column (not for Parquet, whose columns are typed). */
      evidence?: FileEvidence;
      warnings: string[];
    }
  | { ok: false; fileName: string; fileSize: number; message: string };

const fail = (file: File, message: string): FileSniff => ({
  ok: false,
  fileName: file.name,
  fileSize: file.size,
  message: message.startsWith(file.name) ? message : `${file.name} ${message}`,
});

/** Looks at the start of a file and proposes how to read it; the user may override delimiter, header and encoding. */
export async function sniffFile(file: File, overrides: SniffOverrides = {}): Promise<FileSniff> {
  const head = await readHead(file);
  // UTF-16 text is judged on its head decoded (its zero bytes are not a sign of a binary file).
  const utf16 = utf16Of(head, overrides.encoding);
  const formatHead = utf16 ? new TextEncoder().encode(new TextDecoder(utf16).decode(head)) : head;
  const verdict = detectFileFormat(file.name, file.size, formatHead);
  if (!verdict.ok) return fail(file, verdict.message);
  const warnings: string[] = [];
  let encoding: TextEncodingName = overrides.encoding ?? 'utf-8';
  if (!overrides.encoding && verdict.format !== 'parquet') {
    const decided = await detectEncoding(file, head);
    encoding = decided.encoding;
    if (decided.warning) warnings.push(decided.warning);
  }
  const base = { ok: true as const, fileName: file.name, fileSize: file.size, encoding, warnings };

  if (verdict.format === 'json' || verdict.format === 'ndjson') {
    if (verdict.format === 'json' && file.size > MAX_JSON_ARRAY_BYTES) {
      return fail(
        file,
        `is a ${Math.round(file.size / 1e6)} MB JSON array; Lantern reads JSON arrays up to ${MAX_JSON_ARRAY_BYTES / 1024 / 1024} MB. Save it as NDJSON (one record per line) or CSV.`,
      );
    }
    try {
      const records =
        verdict.format === 'json' ? await readJsonArray(file, encoding) : await readNdjson(file, encoding);
      if (records.rows.length === 0) return fail(file, 'has no records: there is nothing to import.');
      return {
        ...base,
        format: verdict.format,
        dialect: null,
        hasHeader: true,
        headers: records.headers,
        sampleRows: records.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
        evidence: jsonEvidence(records.rows.map((r) => r.cells)),
      };
    } catch (error) {
      if (error instanceof JsonShapeError) return fail(file, error.message);
      throw error;
    }
  }

  if (verdict.format === 'parquet') {
    try {
      const info = await parquetInfo(file);
      if (info.rowCount === 0) return fail(file, 'has no data rows.');
      const sampleRows: Cell[][] = [];
      for await (const rows of parquetRows(file, info.headers, SAMPLE_ROWS, SAMPLE_ROWS)) sampleRows.push(...rows);
      return { ...base, format: 'parquet', dialect: null, hasHeader: true, headers: info.headers, sampleRows };
    } catch (error) {
      return fail(file, `could not be read as Parquet (${(error as Error).message}).`);
    }
  }

  const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, '');
  const newline = detectNewline(text);
  const format = verdict.format;
  const delimiter =
    overrides.delimiter ?? (format === 'tsv' ? '\t' : format === 'whitespace' ? ' ' : detectDelimiter(text, newline));
  const dialect: DelimitedDialect = {
    format: delimiter === '\t' && format === 'csv' ? 'tsv' : format,
    delimiter,
    newline,
    encoding,
  };
  const records: Cell[][] = [];
  for await (const batch of delimitedRecords(file.slice(0, 256 * 1024), dialect)) {
    records.push(...batch.map((r) => r.cells));
    if (records.length > SAMPLE_ROWS) break;
  }
  const first = (records[0] ?? []).map((c) => c ?? '');
  const hasHeader = overrides.hasHeader ?? firstRowIsHeader(first);
  const dataRows = hasHeader ? records.slice(1) : records;
  if (hasHeader && dataRows.length === 0) {
    return fail(file, 'has a header but no data rows: there is nothing to import.');
  }
  const width = Math.max(first.length, ...dataRows.slice(0, SAMPLE_ROWS).map((r) => r.length));
  const headers = hasHeader ? uniqueHeaders(first) : generatedHeaders(width);
  const repeated = hasHeader
    ? headers.filter((h, i) => h !== (first[i] ?? '').replace(/^\uFEFF/, '').trim() && (first[i] ?? '').trim() !== '')
    : [];
  if (repeated.length) warnings.push(`Column names repeat; the later ones were renamed: ${repeated.join(', ')}.`);
  if (!hasHeader)
    warnings.push(
      'No header row: the first row looks like data, so columns are named column1, column2, … Map them below.',
    );
  if (headers.length === 1 && format === 'csv') {
    warnings.push(
      `Every row has a single column: the delimiter may be wrong (read with "${delimiter === '\t' ? 'tab' : delimiter}").`,
    );
  }
  return {
    ...base,
    format: dialect.format,
    dialect,
    hasHeader,
    headers,
    sampleRows: dataRows.slice(0, SAMPLE_ROWS),
    evidence: await delimitedEvidence(file, dialect, hasHeader),
  };
}

/** The UTF-16 variant the file is in (the user's choice first, else its mark or its zero bytes), or null. */
function utf16Of(head: Uint8Array, chosen: TextEncodingName | undefined): TextEncodingName | null {
  const isUtf16 = (name: TextEncodingName | null) => name === 'utf-16le' || name === 'utf-16be';
  if (chosen) return isUtf16(chosen) ? chosen : null;
  const marked = bomEncoding(head);
  return isUtf16(marked) ? marked : utf16WithoutBom(head);
}

/** A JSON file's records are all read already: the evidence is the whole file's. */
function jsonEvidence(rows: Cell[][]): FileEvidence {
  const columns: FileEvidence['columns'] = [];
  addRows(columns, rows);
  return { columns, scope: 'the whole file' };
}
