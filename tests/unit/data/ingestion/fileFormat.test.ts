import { describe, expect, it } from 'vitest';
import { detectFileFormat, MAX_IMPORT_BYTES } from '../../../../src/data/ingestion/fileFormat';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFileFormat', () => {
  it.each([
    ['a.csv', 'customer_id,amount\n1,2\n', 'csv'],
    ['a.tsv', 'customer_id\tamount\n', 'tsv'],
    ['a.txt', ' 00001 19970101  1   11.77\n 00002 19970112  5   77.00\n', 'whitespace'],
    ['a.json', '[{"a":1}]', 'json'],
    ['a.ndjson', '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['export.json', '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['export.json', '{\n "data": [] }', 'json'],
  ])('%s is %s', (name, text, format) => {
    const verdict = detectFileFormat(name, text.length, bytes(text));
    expect(verdict).toMatchObject({ ok: true, format });
  });

  it('recognises Parquet by its magic bytes', () => {
    expect(detectFileFormat('x.bin', 100, bytes('PAR1xxxx'))).toMatchObject({ ok: true, format: 'parquet' });
  });

  it.each([
    ['empty.csv', 0, '', 'is empty (0 bytes)'],
    ['book.xlsx', 10, 'PK\u0003\u0004rest', 'not a recognised data file'],
    ['nul.csv', 10, 'a,b\u0000c', 'binary'],
    ['blank.csv', 3, '  \n', 'only white space'],
  ])('refuses %s with a clear message', (name, size, text, message) => {
    const verdict = detectFileFormat(name, size, bytes(text));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.message).toContain(name);
      expect(verdict.message).toContain(message);
    }
  });

  it('states the size limit before reading a file that is too large (e.g. 1 GB)', () => {
    const verdict = detectFileFormat('huge.csv', 1_000_000_000, bytes('a,b\n'));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/huge\.csv is 954 MB; Lantern imports files up to 768 MB/);
    expect(detectFileFormat('ok.csv', MAX_IMPORT_BYTES, bytes('a,b\n')).ok).toBe(true);
  });
});
