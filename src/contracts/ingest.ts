// The whole conversation with the ingest worker, as types: it reads files (parsing is the heavy
// part of an import) and makes demo data, so the page never parses on the main thread.

import type { OpenedFile } from '../data/ingestion/compressedFile';
import type { FileSniff, SniffOverrides } from '../data/ingestion/sniffFile';
import type { StagePlan, StageProgress } from '../data/ingestion/stageFile';
import type { DelimitedDialect } from '../data/ingestion/parseDelimited';
import type { ScanResult } from '../data/ingestion/scanDelimited';
import type { DemoFile, DemoRequest } from '../data/demo/demoFiles';

export interface IngestWorkerApi {
  /** The dropped file, or the file inside it when it is gzip-compressed (.csv.gz). */
  open(file: File): Promise<OpenedFile>;
  /** Format, dialect, header and sample rows of a file, or why it cannot be imported. */
  sniff(file: File, overrides?: SniffOverrides): Promise<FileSniff>;
  /** Parses the whole file, handing Arrow IPC batches to `onBatch` (awaited: back-pressure). */
  stage(
    file: File,
    plan: StagePlan,
    onBatch: (ipc: Uint8Array, rowCount: number) => Promise<void>,
    onProgress: (p: StageProgress) => void,
  ): Promise<number>;
  /** Whether DuckDB's CSV reader may stage the file, and its slices (see scanDelimited). */
  scan(file: File, dialect: DelimitedDialect, headerFields: number): Promise<ScanResult>;
  /** Demo data as CSV files, generated from a seed. */
  demoFiles(request: DemoRequest): Promise<DemoFile[]>;
}
