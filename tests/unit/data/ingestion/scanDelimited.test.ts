import { describe, expect, it } from 'vitest';
import type { DelimitedDialect } from '../../../../src/data/ingestion/parseDelimited';
import { scanDelimited } from '../../../../src/data/ingestion/scanDelimited';

const csv: DelimitedDialect = { format: 'csv', delimiter: ',', newline: '\n', encoding: 'utf-8' };
const scan = (text: string, fields: number, sliceBytes = 1024, dialect = csv) =>
  scanDelimited(new Blob([text]), dialect, fields, sliceBytes);

describe('scanDelimited', () => {
  it('cuts a clean file into slices of whole lines with their first spreadsheet row', async () => {
    const text = 'a,b\n1,2\n3,"4,5"\n6,7\n';
    const result = await scan(text, 2, 8);
    expect(result).toEqual({
      clean: true,
      dataRows: 3,
      slices: [
        { start: 0, end: 8, firstRow: 1, lines: 2 },
        { start: 8, end: 16, firstRow: 3, lines: 1 },
        { start: 16, end: 20, firstRow: 4, lines: 1 },
      ],
    });
    if (result.clean) {
      const joined = result.slices.map((s) => text.slice(s.start, s.end)).join('');
      expect(joined).toBe(text);
    }
  });

  it('leaves a byte-order mark out and accepts CRLF and a missing final newline', async () => {
    const result = await scan('\uFEFFa,b\r\n1,2\r\n3,4', 2);
    expect(result).toEqual({ clean: true, dataRows: 2, slices: [{ start: 3, end: 16, firstRow: 1, lines: 3 }] });
  });

  it.each([
    ['a,b\n1,"two\nlines"\n', 'a quoted field spans lines (row 2)'],
    ['a,b\n1,2\n\n3,4\n', 'blank line (row 3)'],
    ['a,b\n1,2,3\n', 'row 2 has 3 fields, not 2'],
    ['a,b\n1\n', 'row 2 has 1 fields, not 2'],
    ['a,b\n1,"open\n', 'a quoted field spans lines (row 2)'],
  ])('sends %j to the careful parser: %s', async (text, reason) => {
    expect(await scan(text, 2)).toEqual({ clean: false, reason });
  });

  it('only takes UTF-8 comma- or tab-separated files', async () => {
    expect(await scan('a b\n', 2, 1024, { ...csv, format: 'whitespace', delimiter: ' ' })).toMatchObject({
      clean: false,
    });
    expect(await scan('a,b\n', 2, 1024, { ...csv, encoding: 'windows-1252' })).toMatchObject({ clean: false });
    expect(await scan('a\tb\n1\t2\n', 2, 1024, { ...csv, format: 'tsv', delimiter: '\t' })).toMatchObject({
      clean: true,
      dataRows: 1,
    });
  });
});
