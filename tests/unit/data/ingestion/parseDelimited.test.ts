import { describe, expect, it } from 'vitest';
import {
  delimitedRecords,
  detectDelimiter,
  detectNewline,
  type DelimitedDialect,
} from '../../../../src/data/ingestion/parseDelimited';

const csv: DelimitedDialect = { format: 'csv', delimiter: ',', newline: '\n', encoding: 'utf-8' };

async function records(text: string, dialect: DelimitedDialect, sliceBytes: number) {
  const out: { row: number; cells: string[] }[] = [];
  for await (const batch of delimitedRecords(new Blob([text]), dialect, undefined, sliceBytes)) {
    out.push(...batch.map(({ row, cells }) => ({ row, cells })));
  }
  return out;
}

describe('delimitedRecords', () => {
  const text = 'id,note,amount\n1,"multi\nline, with comma",3.5\n2,"say ""hi""",4\n\n3,plain,5\n';
  const expected = [
    { row: 1, cells: ['id', 'note', 'amount'] },
    { row: 2, cells: ['1', 'multi\nline, with comma', '3.5'] },
    { row: 3, cells: ['2', 'say "hi"', '4'] },
    { row: 5, cells: ['3', 'plain', '5'] },
  ];

  // Tiny slices put the slice boundary inside quoted fields, escaped quotes and line ends.
  it.each([1, 2, 3, 5, 7, 11, 64, 4096])(
    'gives the same records and spreadsheet rows with %i-byte slices',
    async (slice) => {
      expect(await records(text, csv, slice)).toEqual(expected);
    },
  );

  it('handles CRLF and lone-CR line ends', async () => {
    expect(
      await records(
        text.replace(/\n/g, '\r\n').replace('multi\r\nline', 'multi\nline'),
        { ...csv, newline: '\r\n' },
        3,
      ),
    ).toEqual(expected);
    const cr = 'a,b\r1,2\r3,4';
    expect(await records(cr, { ...csv, newline: '\r' }, 2)).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ]);
  });

  it('splits whitespace-separated logs on runs of spaces', async () => {
    const log = ' 00001 19970101  1   11.77\n 00002 19970112  5   77.00\n';
    expect(await records(log, { format: 'whitespace', delimiter: ' ', newline: '\n', encoding: 'utf-8' }, 4)).toEqual([
      { row: 1, cells: ['00001', '19970101', '1', '11.77'] },
      { row: 2, cells: ['00002', '19970112', '5', '77.00'] },
    ]);
  });
});

describe('dialect detection', () => {
  it.each([
    ['a;b;c\n1;2;3\n', ';'],
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('finds the delimiter of %j', (sample, delimiter) => {
    expect(detectDelimiter(sample, '\n')).toBe(delimiter);
  });

  it.each([
    ['a\r\nb', '\r\n'],
    ['a\nb', '\n'],
    ['a\rb', '\r'],
  ])('finds the line end of %j', (sample, newline) => {
    expect(detectNewline(sample)).toBe(newline);
  });
});
