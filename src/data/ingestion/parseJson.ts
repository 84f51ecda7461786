// Reads JSON (an array of records) and NDJSON (one record per line) into rows of text cells.
// A broken NDJSON line becomes a rejected row with its line number; the other lines are kept.
// Nested objects become dotted columns ("customer.id") and numbers keep the digits the file wrote, so an
// id above 2^53 is not merged with its neighbour.

import type { Cell } from './stagingBatch';
import { JsonNumberText, jsonNumberText, parseJson, stringifyJson } from './exactJson';
import { readTextChunks, type TextEncodingName } from './readText';

export interface JsonRecords {
  headers: string[];
  /** One entry per record: its row number (array index + 1, or NDJSON line), cells in header order, and a problem. */
  rows: { row: number; cells: Cell[]; problem: string | null }[];
}

export class JsonShapeError extends Error {}

/** Objects nested deeper than this stay one cell of JSON text. */
const MAX_DEPTH = 4;

/** Turns a JSON value that is not an object into the text a cell holds; lists stay JSON text. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return jsonNumberText(value) ?? stringifyJson(value) ?? null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumberText);

/** A record's fields with nested objects spread into dotted paths: {"customer": {"id": "JN2"}} → customer.id. */
function flatten(record: Record<string, unknown>, prefix = '', depth = 0, into = new Map<string, unknown>()) {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix + key;
    if (isRecord(value) && depth < MAX_DEPTH && Object.keys(value).length > 0)
      flatten(value, `${name}.`, depth + 1, into);
    else into.set(name, value);
  }
  return into;
}

function collect(records: { row: number; value: unknown; problem: string | null }[]): JsonRecords {
  const headers: string[] = [];
  const seen = new Set<string>();
  const fields = records.map((r) => (isRecord(r.value) ? flatten(r.value) : null));
  for (const f of fields) {
    for (const key of f?.keys() ?? []) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  const rows = records.map((r, i) => {
    const f = fields[i];
    const problem = r.problem ?? (f ? null : `not a record (${stringifyJson(r.value)?.slice(0, 40)})`);
    return { row: r.row, cells: headers.map((h) => toCell(f?.get(h))), problem };
  });
  return { headers, rows };
}

/** Parses a JSON file that must hold an array of records (or {data: [...]}, as many APIs export). */
export async function readJsonArray(blob: Blob, encoding: TextEncodingName = 'utf-8'): Promise<JsonRecords> {
  let text = '';
  for await (const chunk of readTextChunks(blob, encoding)) text += chunk.text;
  let parsed: unknown;
  try {
    parsed = parseJson(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new JsonShapeError(`is not valid JSON (${(error as Error).message}).`);
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const inner = Object.values(parsed as Record<string, unknown>).find(Array.isArray);
    if (inner) parsed = inner;
  }
  if (!Array.isArray(parsed)) {
    throw new JsonShapeError(
      'is JSON but not a list of records: expected an array of records like [{"customer_id": …}, …].',
    );
  }
  return collect((parsed as unknown[]).map((value, i) => ({ row: i + 1, value, problem: null })));
}

/** Parses NDJSON: each non-blank line one record; a line that is not JSON is a rejected row. */
export async function readNdjson(blob: Blob, encoding: TextEncodingName = 'utf-8'): Promise<JsonRecords> {
  const records: { row: number; value: unknown; problem: string | null }[] = [];
  let carry = '';
  let line = 0;
  const take = (text: string) => {
    line++;
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '') return;
    try {
      records.push({ row: line, value: parseJson(trimmed), problem: null });
    } catch (error) {
      records.push({
        row: line,
        value: {},
        problem: `invalid json (${(error as Error).message}): ${trimmed.slice(0, 60)}`,
      });
    }
  };
  for await (const chunk of readTextChunks(blob, encoding)) {
    const lines = (carry + chunk.text).split('\n');
    carry = chunk.done ? '' : (lines.pop() ?? '');
    for (const l of lines) take(l);
  }
  return collect(records);
}
