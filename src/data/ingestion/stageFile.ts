// Streams a whole file into Arrow batches for the staging table: every record becomes one staged
// row (with a parse problem when it is broken), so nothing is dropped before validation.

import type { FileFormat } from './fileFormat';
import { delimitedRecords, type DelimitedDialect } from './parseDelimited';
import { readJsonArray, readNdjson } from './parseJson';
import { parquetInfo, parquetRows } from './parseParquet';
import { StagingBatcher, type BatchSink } from './stagingBatch';
import type { TextEncodingName } from './readText';

export interface StagePlan {
  format: FileFormat;
  dialect: DelimitedDialect | null;
  hasHeader: boolean;
  headers: string[];
  encoding: TextEncodingName;
}

export interface StageProgress {
  rowsRead: number;
  /** 0..1 */
  fraction: number;
}

/** Parses the file per plan and sends its rows to the sink in batches; resolves with the number of rows staged. */
export async function stageFile(
  file: Blob,
  plan: StagePlan,
  sink: BatchSink,
  onProgress: (p: StageProgress) => void = () => {},
  batchRows = 50_000,
): Promise<number> {
  const width = plan.headers.length;
  const batcher = new StagingBatcher(width, sink, batchRows);
  const report = (fraction: number) => onProgress({ rowsRead: batcher.rowsStaged + batcher.pending, fraction });

  if (plan.format === 'json' || plan.format === 'ndjson') {
    const records =
      plan.format === 'json' ? await readJsonArray(file, plan.encoding) : await readNdjson(file, plan.encoding);
    const index = records.headers.map((h) => plan.headers.indexOf(h));
    for (const r of records.rows) {
      const cells = new Array<string | null>(width).fill(null);
      index.forEach((target, source) => {
        if (target >= 0) cells[target] = r.cells[source] ?? null;
      });
      batcher.add(r.row, cells, r.problem);
      if (batcher.pending >= batchRows) {
        await batcher.flush();
        report(batcher.rowsStaged / records.rows.length);
      }
    }
  } else if (plan.format === 'parquet') {
    const { rowCount } = await parquetInfo(file);
    let row = 0;
    for await (const rows of parquetRows(file, plan.headers, batchRows)) {
      for (const cells of rows) batcher.add(++row, cells);
      await batcher.flush();
      report(row / Math.max(1, rowCount));
    }
  } else {
    const dialect = plan.dialect;
    if (!dialect) throw new Error('A delimited file needs a dialect.');
    let fraction = 0;
    let skippedHeader = !plan.hasHeader;
    for await (const batch of delimitedRecords(
      file,
      dialect,
      (p) => (fraction = p.bytesRead / Math.max(1, file.size)),
    )) {
      for (const record of batch) {
        if (!skippedHeader) {
          skippedHeader = true;
          continue;
        }
        let problem = record.problem;
        if (!problem && record.cells.length > width) {
          const extra = record.cells
            .slice(width)
            .map((c) => JSON.stringify(c))
            .join(', ');
          problem = `wrong number of fields (${record.cells.length}, expected ${width}; extra values: ${extra.slice(0, 200)})`;
        }
        batcher.add(record.row, record.cells, problem);
        await batcher.maybeFlush();
      }
      report(fraction);
    }
  }
  await batcher.flush();
  report(1);
  return batcher.rowsStaged;
}
