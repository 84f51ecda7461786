// Cuts delimited text into records the way a strict RFC 4180 reader does, fed slice by slice: a record
// ends at CRLF, LF or a lone CR outside quotes (so a file with mixed line ends is not read in merged
// pairs), "" inside quotes is one quote, and a quote opens a field only at its start. A stray quote
// that would swallow the lines after it into one broken record rejects only its own line, and reading
// resumes on the next line, so one quote cannot hide the rest of the file.

export interface CsvRecord {
  /** 1-based record number, header and blank lines included: the row a spreadsheet shows. */
  row: number;
  /** Physical line of the file the record starts on. */
  line: number;
  cells: string[];
  /** Why the record cannot be trusted, or null. */
  problem: string | null;
}

export interface CsvRecordLimits {
  /** A quoted field running over more lines than this is taken for a quote that never closes. */
  maxQuotedLines?: number;
  /** Likewise for characters held while waiting for a closing quote. */
  maxQuotedChars?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const count = (n: number) => n.toLocaleString('en-US');

type Parsed =
  | { kind: 'more' }
  | { kind: 'record'; cells: string[]; end: number; problem: string | null; quotedLines: number }
  | { kind: 'runaway'; lines: number; reachedEnd: boolean };

/** Streaming record reader: `push` each decoded slice, `final` on the last, and take the records back. */
export class CsvRecordReader {
  private buffer = '';
  private row = 0;
  private line = 1;
  /** Fields a record should have: the first record's (the header's) count. */
  private expected: number | undefined;
  private readonly delimiter: number;
  private readonly maxQuotedLines: number;
  private readonly maxQuotedChars: number;

  constructor(
    private readonly delimiterText: string,
    limits: CsvRecordLimits = {},
  ) {
    if (delimiterText.length !== 1) throw new Error('The delimiter must be one character.');
    this.delimiter = delimiterText.charCodeAt(0);
    this.maxQuotedLines = limits.maxQuotedLines ?? 1_000;
    this.maxQuotedChars = limits.maxQuotedChars ?? 8 * 1024 * 1024;
  }

  /** Adds text and returns every record completed by it; blank lines are counted as rows but not returned. */
  push(text: string, final: boolean): CsvRecord[] {
    const buf = this.buffer + text;
    const out: CsvRecord[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const parsed = this.parse(buf, pos, final);
      if (parsed.kind === 'more') break;
      this.row++;
      if (parsed.kind === 'runaway') {
        pos = this.rejectLine(buf, pos, parsed, out);
        continue;
      }
      const blank =
        parsed.cells.length === 1 && (parsed.cells[0] ?? '').trim() === '' && !parsed.problem && !parsed.quotedLines;
      if (!blank) this.expected ??= parsed.cells.length;
      const spansLines = parsed.quotedLines > 0;
      if (spansLines && (parsed.problem || parsed.cells.length !== this.expected)) {
        pos = this.rejectLine(buf, pos, { lines: parsed.quotedLines + 1, reachedEnd: false }, out);
        continue;
      }
      if (!blank) out.push({ row: this.row, line: this.line, cells: parsed.cells, problem: parsed.problem });
      this.line += parsed.quotedLines + 1;
      pos = parsed.end;
    }
    // On the last slice every record is settled, so nothing is left over.
    this.buffer = buf.slice(pos);
    return out;
  }

  /** Rejects the physical line a runaway quote starts on and returns where reading resumes. */
  private rejectLine(
    buf: string,
    start: number,
    runaway: { lines: number; reachedEnd: boolean },
    out: CsvRecord[],
  ): number {
    let end = start;
    while (end < buf.length && buf.charCodeAt(end) !== LF && buf.charCodeAt(end) !== CR) end++;
    const text = buf.slice(start, end);
    const next = buf.charCodeAt(end) === CR && buf.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    const last = this.line + runaway.lines - 1;
    const swallowed = runaway.reachedEnd
      ? `lines ${count(this.line)}–${count(last)} (to the end of the file)`
      : runaway.lines > this.maxQuotedLines
        ? `more than ${count(this.maxQuotedLines)} lines from line ${count(this.line)}`
        : `lines ${count(this.line)}–${count(last)}`;
    out.push({
      row: this.row,
      line: this.line,
      cells: text.split(this.delimiterText),
      problem: `malformed quotes: a quote opened on line ${count(this.line)} does not close where a field ends, so read strictly it would take ${swallowed} into one broken record; only this line is rejected and reading resumes on line ${count(this.line + 1)}`,
    });
    this.line++;
    return Math.min(next, buf.length);
  }

  /** Parses one record at `start`; `more` when the buffer ends before the record can be settled. */
  private parse(buf: string, start: number, final: boolean): Parsed {
    const cells: string[] = [];
    let problem: string | null = null;
    let i = start;
    let quotedLines = 0;
    for (;;) {
      let value = '';
      if (buf.charCodeAt(i) === QUOTE) {
        i++;
        for (;;) {
          const close = buf.indexOf('"', i);
          const stop = close < 0 ? buf.length : close;
          for (let k = i; k < stop; k++) {
            const c = buf.charCodeAt(k);
            if (c === LF || (c === CR && buf.charCodeAt(k + 1) !== LF)) quotedLines++;
          }
          if (quotedLines > this.maxQuotedLines || stop - start > this.maxQuotedChars) {
            return { kind: 'runaway', lines: quotedLines + 1, reachedEnd: false };
          }
          if (close < 0) {
            if (!final) return { kind: 'more' };
            // The file's final line end closes its last line; it does not start another.
            const endsWithNewline = /[\r\n]$/.test(buf);
            return { kind: 'runaway', lines: quotedLines + (endsWithNewline ? 0 : 1), reachedEnd: true };
          }
          if (close + 1 === buf.length && !final) return { kind: 'more' };
          value += buf.slice(i, close);
          i = close + 1;
          if (buf.charCodeAt(i) === QUOTE) {
            value += '"';
            i++;
            continue;
          }
          break;
        }
        const after = i;
        i = this.fieldEnd(buf, i);
        if (i === buf.length && !final) return { kind: 'more' };
        if (i > after) {
          problem ??= `malformed quotes (text after the closing quote of column ${cells.length + 1})`;
          value += buf.slice(after, i);
        }
      } else {
        const from = i;
        i = this.fieldEnd(buf, i);
        if (i === buf.length && !final) return { kind: 'more' };
        value = buf.slice(from, i);
      }
      cells.push(value);
      const c = buf.charCodeAt(i);
      if (c === this.delimiter) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 === buf.length && !final) return { kind: 'more' };
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (c === LF) {
        i++;
      }
      return { kind: 'record', cells, end: i, problem, quotedLines };
    }
  }

  /** Index of the next delimiter or line end from `i` (or the buffer's end). */
  private fieldEnd(buf: string, i: number): number {
    while (i < buf.length) {
      const c = buf.charCodeAt(i);
      if (c === this.delimiter || c === LF || c === CR) return i;
      i++;
    }
    return i;
  }
}
