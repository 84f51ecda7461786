// Writes demo data as CSV files with the canonical headers of schema.ts: RFC 4180 quoting, '\n' line ends, empty
// fields for nulls. Pure string building, so the browser can hand the files to the importer and the CLI can stream
// millions of rows to disk chunk by chunk.

import { TABLE_SPECS, type TableKind } from '../schema';
import {
  demoColumns,
  type DemoCampaign,
  type DemoCustomer,
  type DemoData,
  type DemoPerformance,
  type DemoPurchase,
  type DemoStream,
  type DemoValue,
} from './generateDemo';

export interface CsvFile {
  name: string;
  text: string;
}

/** A piece of a CSV file: complete lines only, and how many data rows they hold (0 for the header). */
export interface CsvChunk {
  text: string;
  rows: number;
}

export interface CsvFileStream {
  kind: TableKind;
  name: string;
  /** Header first, then one chunk per batch of rows; each call starts the file again. */
  chunks(): Generator<CsvChunk>;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 wants it: quoted only when it holds a comma, quote or line break. */
export function csvField(value: DemoValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row as a CSV line (without the line end), fields in the given column order. */
export function csvLine(row: Readonly<Record<string, DemoValue>>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[columns[i] ?? '']);
  }
  return line;
}

/** A header chunk and one chunk per batch, so large tables never become one giant string. */
export function* csvChunks<T>(
  columns: readonly string[],
  batches: Iterable<readonly T[]>,
  formatLine: (row: T) => string,
): Generator<CsvChunk> {
  yield { text: columns.map((column) => csvField(column)).join(',') + '\n', rows: 0 };
  for (const batch of batches) {
    if (batch.length === 0) continue;
    const lines: string[] = [];
    for (const row of batch) lines.push(formatLine(row));
    lines.push('');
    yield { text: lines.join('\n'), rows: batch.length };
  }
}

// One hand-written formatter per table: reading fixed properties is several times faster than looking columns up
// by name, which matters at millions of rows. Their column order must equal demoColumns(kind); a test checks it.
const q = csvField;

/** A customers.csv line, columns in schema order. */
export function customerCsvLine(row: DemoCustomer): string {
  return `${q(row.customer_id)},${row.age},${q(row.gender)},${q(row.location)},${q(row.income_range)},${q(row.registration_date)},${q(row.email)},${q(row.phone)}`;
}

/** A purchases.csv line, columns in schema order. */
export function purchaseCsvLine(row: DemoPurchase): string {
  return `${q(row.id)},${q(row.order_id)},${q(row.customer_id)},${q(row.purchase_date)},${row.amount},${row.quantity},${row.unit_price},${q(row.product_id)},${q(row.category)},${q(row.channel)},${row.is_return}`;
}

/** A campaigns.csv line, columns in schema order. */
export function campaignCsvLine(row: DemoCampaign): string {
  return `${q(row.campaign_id)},${q(row.name)},${q(row.type)},${q(row.target_segment)},${row.budget},${q(row.start_date)},${q(row.end_date)},${q(row.status)}`;
}

/** A campaign_performance.csv line, columns in schema order. */
export function performanceCsvLine(row: DemoPerformance): string {
  return `${q(row.campaign_id)},${q(row.date)},${row.impressions},${row.clicks},${row.conversions},${row.revenue},${row.cost},${q(row.ctr)},${q(row.cpc)},${q(row.roas)}`;
}

/** File name of a table's CSV, after its DuckDB table name (purchases.csv, campaign_performance.csv, …). */
export function demoCsvName(kind: TableKind): string {
  return `${TABLE_SPECS[kind].table}.csv`;
}

function* inBatches<T>(rows: readonly T[], batchRows: number): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += batchRows) yield rows.slice(start, start + batchRows);
}

function joinChunks(chunks: Iterable<CsvChunk>): string {
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(chunk.text);
  return parts.join('');
}

/** The four demo tables as whole CSV texts, for the browser's importer and for tests. */
export function demoToCsvFiles(data: DemoData): CsvFile[] {
  const batchRows = 5000;
  return [
    {
      name: demoCsvName('customers'),
      text: joinChunks(csvChunks(demoColumns('customers'), inBatches(data.customers, batchRows), customerCsvLine)),
    },
    {
      name: demoCsvName('purchases'),
      text: joinChunks(csvChunks(demoColumns('purchases'), inBatches(data.purchases, batchRows), purchaseCsvLine)),
    },
    {
      name: demoCsvName('campaigns'),
      text: joinChunks(csvChunks(demoColumns('campaigns'), inBatches(data.campaigns, batchRows), campaignCsvLine)),
    },
    {
      name: demoCsvName('performance'),
      text: joinChunks(
        csvChunks(demoColumns('performance'), inBatches(data.performance, batchRows), performanceCsvLine),
      ),
    },
  ];
}

/** The four demo tables as chunk generators; purchases are generated while they are written. */
export function demoCsvStreams(stream: DemoStream, batchRows = 1000): CsvFileStream[] {
  return [
    {
      kind: 'customers',
      name: demoCsvName('customers'),
      chunks: () => csvChunks(demoColumns('customers'), inBatches(stream.customers, batchRows), customerCsvLine),
    },
    {
      kind: 'purchases',
      name: demoCsvName('purchases'),
      chunks: () => csvChunks(demoColumns('purchases'), stream.purchaseBatches(batchRows), purchaseCsvLine),
    },
    {
      kind: 'campaigns',
      name: demoCsvName('campaigns'),
      chunks: () => csvChunks(demoColumns('campaigns'), inBatches(stream.campaigns, batchRows), campaignCsvLine),
    },
    {
      kind: 'performance',
      name: demoCsvName('performance'),
      chunks: () => csvChunks(demoColumns('performance'), inBatches(stream.performance, batchRows), performanceCsvLine),
    },
  ];
}
