// A small purchases Parquet file written with hyparquet-writer (a different library from the reader
// Lantern uses), with the types real exports carry: text, timestamps, doubles, 64-bit integers, nulls.

import { parquetWriteBuffer } from 'hyparquet-writer';

export const PARQUET_ROWS = 5;

/** Purchases as Parquet: 5 rows, one without a customer id. */
export function purchasesParquet(): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'customer_id', data: ['A1', 'A2', null, 'A1', 'A3'], type: 'STRING' },
      {
        name: 'purchase_date',
        data: [
          '2024-03-01T10:00:00Z',
          '2024-03-02T11:30:00Z',
          '2024-03-03T12:00:00Z',
          '2024-03-04T09:15:00Z',
          '2024-03-05T18:45:00Z',
        ].map((d) => new Date(d)),
        type: 'TIMESTAMP',
      },
      { name: 'amount', data: [19.99, 5.5, 7.25, -19.99, 120], type: 'DOUBLE' },
      { name: 'quantity', data: [1n, 2n, 1n, -1n, 3n], type: 'INT64' },
      { name: 'category', data: ['books', 'toys', 'books', 'books', null], type: 'STRING' },
    ],
  });
  return new Uint8Array(buffer);
}
