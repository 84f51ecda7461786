// Collects parsed rows (all cells as text) into Arrow record batches for DuckDB's staging table.
// Every row keeps its spreadsheet row number and, when the parser already found it broken, the reason.

import { Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

export type Cell = string | null;

/** Receives one Arrow IPC stream per batch; resolves when the batch is stored (back-pressure). */
export type BatchSink = (ipc: Uint8Array, rowCount: number) => Promise<void>;

/** Buffers rows and hands them to a sink in batches of `batchRows`. */
export class StagingBatcher {
  private rowNumbers: number[] = [];
  private problems: Cell[] = [];
  private columns: Cell[][];
  /** Rows handed over so far, including rows with a parse-level problem. */
  rowsStaged = 0;

  constructor(
    private readonly columnCount: number,
    private readonly sink: BatchSink,
    private readonly batchRows = 50_000,
  ) {
    this.columns = Array.from({ length: columnCount }, () => []);
  }

  /** Adds a row; cells beyond the header width must be reported as a problem by the caller. */
  add(rowNumber: number, cells: readonly Cell[], problem: string | null = null): void {
    this.rowNumbers.push(rowNumber);
    this.problems.push(problem);
    for (let c = 0; c < this.columnCount; c++) {
      const column = this.columns[c] as Cell[];
      const value = cells[c];
      column.push(value === undefined || value === '' ? null : value);
    }
  }

  get pending(): number {
    return this.rowNumbers.length;
  }

  /** Flushes when a full batch is waiting. */
  async maybeFlush(): Promise<void> {
    if (this.rowNumbers.length >= this.batchRows) await this.flush();
  }

  /** Hands every buffered row to the sink. */
  async flush(): Promise<void> {
    const n = this.rowNumbers.length;
    if (n === 0 && this.rowsStaged > 0) return;
    const vectors: Record<string, Vector<Int32 | Utf8>> = {
      __row: vectorFromArray(this.rowNumbers, new Int32()),
      __problem: vectorFromArray(this.problems, new Utf8()),
    };
    this.columns.forEach((values, c) => {
      vectors[`c${c}`] = vectorFromArray(values, new Utf8());
    });
    const ipc = tableToIPC(new Table(vectors), 'stream');
    this.rowNumbers = [];
    this.problems = [];
    this.columns = Array.from({ length: this.columnCount }, () => []);
    this.rowsStaged += n;
    await this.sink(ipc, n);
  }
}
