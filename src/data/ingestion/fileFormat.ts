// Recognises what a dropped file is from its name and first bytes, before anything parses it, so a
// binary or empty file gets a clear message instead of a page of garbage.

export type FileFormat = 'csv' | 'tsv' | 'whitespace' | 'json' | 'ndjson' | 'parquet';

export type FormatVerdict = { ok: true; format: FileFormat; hasBom: boolean } | { ok: false; message: string };

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const GZIP_MAGIC = [0x1f, 0x8b];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/** Largest file Lantern imports in the browser; larger ones get a message before any work starts. */
export const MAX_IMPORT_BYTES = 768 * 1024 * 1024;
/** JSON arrays are parsed whole, so they get a smaller limit than streamed formats. */
export const MAX_JSON_ARRAY_BYTES = 128 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${(bytes / 1024).toFixed(0)} kB`;
}

/** Decides the format of a file from its name, size and first bytes (`head`, up to 64 kB). */
export function detectFileFormat(fileName: string, fileSize: number, head: Uint8Array): FormatVerdict {
  const name = fileName.toLowerCase();
  if (fileSize === 0) return { ok: false, message: `${fileName} is empty (0 bytes): there is nothing to import.` };
  if (fileSize > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `${fileName} is ${formatSize(fileSize)}; Lantern imports files up to ${formatSize(MAX_IMPORT_BYTES)} in the browser. Split it into smaller files (for example one per year) and drop them together.`,
    };
  }
  if (startsWith(head, PARQUET_MAGIC) || name.endsWith('.parquet')) {
    if (!startsWith(head, PARQUET_MAGIC))
      return { ok: false, message: `${fileName} is named .parquet but is not a Parquet file.` };
    return { ok: true, format: 'parquet', hasBom: false };
  }
  if (startsWith(head, ZIP_MAGIC)) {
    return {
      ok: false,
      message: `${fileName} is a ZIP archive (an Excel .xlsx workbook is one): it is not a recognised data file. Export the sheet as CSV and drop that.`,
    };
  }
  if (startsWith(head, PNG_MAGIC) || startsWith(head, GZIP_MAGIC) || startsWith(head, PDF_MAGIC) || looksBinary(head)) {
    return {
      ok: false,
      message: `${fileName} looks like a binary file, not text: it is not a recognised data file (CSV, TSV, JSON, NDJSON or Parquet).`,
    };
  }
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const text = new TextDecoder('utf-8').decode(head.subarray(hasBom ? 3 : 0));
  if (text.trim() === '') return { ok: false, message: `${fileName} is empty: it contains only white space.` };
  const first = text.trimStart()[0];
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return { ok: true, format: 'ndjson', hasBom };
  if (first === '[' || (name.endsWith('.json') && first !== '{')) return { ok: true, format: 'json', hasBom };
  if (first === '{') {
    // One object per line is NDJSON; a single object spanning lines is JSON of the wrong shape.
    const firstLine = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
    return { ok: true, format: isCompleteJsonObject(firstLine) ? 'ndjson' : 'json', hasBom };
  }
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return { ok: true, format: 'tsv', hasBom };
  if (looksWhitespaceSeparated(text)) return { ok: true, format: 'whitespace', hasBom };
  return { ok: true, format: 'csv', hasBom };
}

function isCompleteJsonObject(line: string): boolean {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** NUL bytes or many control characters mean the file is not text. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** CDNOW-style logs: columns separated by runs of spaces, no commas, tabs or semicolons. */
function looksWhitespaceSeparated(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  if (/[,;\t|"]/.test(lines.join(''))) return false;
  const counts = lines.map((l) => l.trim().split(/\s+/).length);
  return counts.every((c) => c >= 2 && c === counts[0]);
}
