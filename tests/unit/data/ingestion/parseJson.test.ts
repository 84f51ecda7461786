// JSON records to text cells: nested objects spread into dotted columns, numbers exactly as written
// (ids above 2^53 included), lists kept as JSON text, broken NDJSON lines rejected with their line.

import { describe, expect, it } from 'vitest';
import { readJsonArray, readNdjson } from '../../../../src/data/ingestion/parseJson';

const blob = (text: string) => new Blob([text]);

describe('JSON records as cells', () => {
  it('spreads nested objects into dotted paths and keeps lists as JSON text', async () => {
    const parsed = await readJsonArray(
      blob(
        '[{"id": 1, "customer": {"id": "JN2", "address": {"city": "Zürich"}}, "tags": ["a", 2]}, {"id": 2, "customer": {}}]',
      ),
    );
    expect(parsed.headers).toEqual(['id', 'customer.id', 'customer.address.city', 'tags', 'customer']);
    expect(parsed.rows.map((r) => r.cells)).toEqual([
      ['1', 'JN2', 'Zürich', '["a",2]', null],
      ['2', null, null, null, '{}'],
    ]);
  });

  it('keeps numbers a double cannot hold as the file wrote them', async () => {
    const parsed = await readJsonArray(
      blob('{"data": [{"id": 9007199254740993, "v": 0.1}, {"id": 9007199254740992, "v": [12345678901234567890]}]}'),
    );
    expect(parsed.rows.map((r) => r.cells)).toEqual([
      ['9007199254740993', '0.1'],
      ['9007199254740992', '[12345678901234567890]'],
    ]);
  });

  it('NDJSON: each line on its own, exact ids, a broken line rejected by number', async () => {
    const parsed = await readNdjson(blob('{"id": 9007199254740993}\n{"id": 7}\n{"id": \n\n{"id": {"n": 1}}\n'));
    expect(parsed.headers).toEqual(['id', 'id.n']);
    expect(parsed.rows.map((r) => [r.row, r.cells, r.problem?.slice(0, 12) ?? null])).toEqual([
      [1, ['9007199254740993', null], null],
      [2, ['7', null], null],
      [3, [null, null], 'invalid json'],
      [5, [null, '1'], null],
    ]);
  });
});
