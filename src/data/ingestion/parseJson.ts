// Reads JSON (an array of records) and NDJSON (one record per line) into rows of text cells.
// A broken NDJSON line becomes a rejected row with its line number; the other lines are kept.

import type { Cell } from './stagingBatch';
import { readTextChunks, type TextEncodingName } from './readText';

export interface JsonRecords {
  headers: string[];
  /** One entry per record: its row number (array index + 1, or NDJSON line), cells in header order, and a problem. */
  rows: { row: number; cells: Cell[]; problem: string | null }[];
}

export class JsonShapeError extends Error {}

/** Turns any JSON value into the text a cell holds. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function collect(records: { row: number; value: unknown; problem: string | null }[]): JsonRecords {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) {
      for (const key of Object.keys(r.value)) {
        if (!seen.has(key)) {
          seen.add(key);
          headers.push(key);
        }
      }
    }
  }
  const rows = records.map((r) => {
    const isRecord = r.value !== null && typeof r.value === 'object' && !Array.isArray(r.value);
    const object = isRecord ? (r.value as Record<string, unknown>) : {};
    const problem = r.problem ?? (isRecord ? null : `not a record (${JSON.stringify(r.value)?.slice(0, 40)})`);
    return { row: r.row, cells: headers.map((h) => toCell(object[h])), problem };
  });
  return { headers, rows };
}

/** Parses a JSON file that must hold an array of records (or {data: [...]}, as many APIs export). */
export async function readJsonArray(blob: Blob, encoding: TextEncodingName = 'utf-8'): Promise<JsonRecords> {
  let text = '';
  for await (const chunk of readTextChunks(blob, encoding)) text += chunk.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
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
      records.push({ row: line, value: JSON.parse(trimmed) as unknown, problem: null });
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
