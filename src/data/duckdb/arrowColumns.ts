// Reads a query result's columns as Float64Arrays straight from Arrow vectors, with NULL as NaN:
// building row objects for 100k customers would hold the main thread for a few hundred ms.

interface ArrowVectorLike {
  length: number;
  nullCount: number;
  get(index: number): unknown;
  isValid(index: number): boolean;
  toArray(): ArrayLike<unknown>;
}

interface ArrowTableLike {
  schema: { fields: { name: string }[] };
  getChild(name: string): ArrowVectorLike | null;
}

/** Every column of an Arrow table as doubles; NULL, and values that are not numbers, become NaN. */
export function numericColumns(table: ArrowTableLike): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = {};
  for (const { name } of table.schema.fields) {
    const vector = table.getChild(name);
    if (!vector) continue;
    const values = vector.toArray();
    const out = new Float64Array(vector.length);
    const hasNulls = vector.nullCount > 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = hasNulls && !vector.isValid(i) ? NaN : Number(values[i]);
    }
    columns[name] = out;
  }
  return columns;
}

/** Column-wise concatenation of per-batch columns (a result read batch by batch). */
export function concatColumns(parts: readonly Record<string, Float64Array>[]): Record<string, Float64Array> {
  const names = Object.keys(parts[0] ?? {});
  const out: Record<string, Float64Array> = {};
  for (const name of names) {
    const column = new Float64Array(parts.reduce((n, p) => n + (p[name]?.length ?? 0), 0));
    let at = 0;
    for (const part of parts) {
      const piece = part[name] ?? new Float64Array(0);
      column.set(piece, at);
      at += piece.length;
    }
    out[name] = column;
  }
  return out;
}
