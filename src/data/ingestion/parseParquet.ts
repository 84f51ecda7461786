// Reads Parquet with hyparquet (pure JavaScript): DuckDB-WASM's Parquet reader is an extension that
// would be fetched from the internet, and Lantern fetches nothing.

import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from 'hyparquet';
import type { Cell } from './stagingBatch';

function asyncBuffer(blob: Blob): AsyncBuffer {
  return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export interface ParquetInfo {
  headers: string[];
  rowCount: number;
}

/** Column names and row count from the Parquet footer. */
export async function parquetInfo(blob: Blob): Promise<ParquetInfo> {
  const metadata = await parquetMetadataAsync(asyncBuffer(blob));
  const root = metadata.schema[0];
  const headers = metadata.schema.slice(1, 1 + (root?.num_children ?? 0)).map((s) => s.name);
  return { headers, rowCount: Number(metadata.num_rows) };
}

/** Yields rows of text cells, `batchRows` at a time, in file order. */
export async function* parquetRows(
  blob: Blob,
  headers: string[],
  batchRows = 50_000,
  limit = Infinity,
): AsyncGenerator<Cell[][]> {
  const file = asyncBuffer(blob);
  const { rowCount } = await parquetInfo(blob);
  const total = Math.min(rowCount, limit);
  for (let start = 0; start < total; start += batchRows) {
    const objects = (await parquetReadObjects({
      file,
      rowStart: start,
      rowEnd: Math.min(start + batchRows, total),
    })) as Record<string, unknown>[];
    yield objects.map((o) => headers.map((h) => toCell(o[h])));
  }
}
