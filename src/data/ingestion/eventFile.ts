// A file of live events, or a day's export of purchases, read for the live queue: CSV/TSV with a header
// row, a JSON array, or NDJSON (one object per line). Rows become events by their column names (a
// purchases export without a "type" column is taken as purchases), and every event then gets the
// queue's own checks; each keeps its row, so a rejected one is named by file and row. CSV is read in
// slices and every format is yielded in batches (JSON is parsed whole). Pure: runs in the live worker.

import { delimitedRecords, detectDelimiter, detectNewline } from './parseDelimited';
import { readHead, readTextChunks } from './readText';

export type EventFileItem = { row: number; event: unknown } | { row: number; unreadable: string; reason: string };

const BATCH = 10_000;

/** Header names (lower case, letters and digits only) each event field is read from, first match wins. */
const FIELDS: Record<string, string[]> = {
  type: ['type', 'eventtype', 'event'],
  id: ['id', 'eventid', 'orderid', 'transactionid', 'purchaseid', 'invoiceno', 'invoice'],
  customerId: ['customerid', 'customer', 'userid', 'clientid'],
  campaignId: ['campaignid', 'campaign'],
  at: ['at', 'timestamp', 'time', 'eventtime', 'purchasedate', 'orderdate', 'date', 'createdat'],
  amount: ['amount', 'total', 'ordertotal', 'revenue', 'value'],
  value: ['value', 'count', 'cost', 'revenue'],
  category: ['category', 'productcategory'],
  channel: ['channel'],
};

const normal = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which cell holds each event field, from the header row. */
export function eventColumns(headers: readonly string[]): Record<string, number> {
  const names = headers.map(normal);
  const columns: Record<string, number> = {};
  for (const [field, aliases] of Object.entries(FIELDS)) {
    const at = aliases.map((a) => names.indexOf(a)).find((i) => i >= 0);
    if (at !== undefined) columns[field] = at;
  }
  return columns;
}

/** One row as an event; a row without a type is a purchase (a day's purchases export). */
export function eventFromCells(columns: Record<string, number>, cells: readonly string[]): Record<string, string> {
  const event: Record<string, string> = {};
  for (const [field, i] of Object.entries(columns)) {
    const v = cells[i]?.trim();
    if (v !== undefined && v !== '') event[field] = v;
  }
  if (columns.type === undefined) event.type = 'purchase';
  // A purchase's amount and a campaign event's value may share one column ("value", "revenue").
  if (event.type !== 'purchase') delete event.amount;
  return event;
}

/** An object read from JSON as an event: the same column names are understood. */
function eventFromObject(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if ('type' in value) return value;
  const headers = entries.map(([k]) => k);
  const cells = entries.map(([, v]) =>
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : v == null
          ? ''
          : JSON.stringify(v),
  );
  return eventFromCells(eventColumns(headers), cells);
}

async function* jsonItems(file: Blob): AsyncGenerator<EventFileItem[]> {
  const text = await file.text();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield [{ row: 1, unreadable: text.slice(0, 200), reason: `not JSON (${(error as Error).message})` }];
      return;
    }
    const items = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
    for (let i = 0; i < items.length; i += BATCH) {
      yield items.slice(i, i + BATCH).map((v, k) => ({ row: i + k + 1, event: eventFromObject(v) }));
    }
    return;
  }
  let batch: EventFileItem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      batch.push({ row: i + 1, event: eventFromObject(JSON.parse(line)) });
    } catch {
      batch.push({ row: i + 1, unreadable: line, reason: 'not JSON (one event object per line)' });
    }
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* delimitedItems(file: Blob): AsyncGenerator<EventFileItem[]> {
  const sample = new TextDecoder().decode(await readHead(file));
  const newline = detectNewline(sample);
  const dialect = {
    format: 'csv' as const,
    delimiter: detectDelimiter(sample, newline),
    newline,
    encoding: 'utf-8' as const,
  };
  let columns: Record<string, number> | null = null;
  for await (const records of delimitedRecords(file, dialect)) {
    const batch: EventFileItem[] = [];
    for (const record of records) {
      if (!columns) {
        columns = eventColumns(record.cells);
        continue;
      }
      batch.push(
        record.problem
          ? { row: record.row, unreadable: record.cells.join(dialect.delimiter), reason: record.problem }
          : { row: record.row, event: eventFromCells(columns, record.cells) },
      );
    }
    if (batch.length) yield batch;
  }
}

/** The file's events in batches, each with its row (record number in a CSV, line in NDJSON, item in an array). */
export async function* readEventFile(file: Blob): AsyncGenerator<EventFileItem[]> {
  let first = '';
  for await (const chunk of readTextChunks(file.slice(0, 4096))) first += chunk.text;
  const start = first.replace(/^\uFEFF/, '').trimStart()[0];
  yield* start === '[' || start === '{' ? jsonItems(file) : delimitedItems(file);
}
