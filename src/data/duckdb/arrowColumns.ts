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
