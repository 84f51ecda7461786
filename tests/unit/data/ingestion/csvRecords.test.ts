import { describe, expect, it } from 'vitest';
import { CsvRecordReader, type CsvRecord, type CsvRecordLimits } from '../../../../src/data/ingestion/csvRecords';

/** Feeds `text` in slices of `size` characters and collects the records. */
function read(text: string, size = text.length || 1, limits: CsvRecordLimits = {}): CsvRecord[] {
  const reader = new CsvRecordReader(',', limits);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length || i === 0; i += size) {
    out.push(...reader.push(text.slice(i, i + size), i + size >= text.length));
  }
  return out;
}

const cells = (records: CsvRecord[]) => records.map((r) => r.cells);

describe('CsvRecordReader', () => {
  it('ends a record at CRLF, LF or a lone CR alike, and leaves no CR in a value', () => {
    const records = read('a,b\r\n1,x\n2,y\r3,z\r\n4,w');
    expect(cells(records)).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
      ['4', 'w'],
    ]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps quoted line ends, commas and doubled quotes inside one record, counting physical lines', () => {
    const records = read('id,note\n1,"two\r\nlines, ""quoted"""\n2,plain\n');
    expect(cells(records)).toEqual([
      ['id', 'note'],
      ['1', 'two\r\nlines, "quoted"'],
      ['2', 'plain'],
    ]);
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('gives the same records whatever the slice size, even cut between CR and LF or inside a doubled quote', () => {
    const text = 'id,note,amount\r\n1,"a ""b""\r\nc",3\r\n\r\n2,"x,y",4\r5,plain,6\n"7","",8';
    const whole = read(text);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(read(text, size)).toEqual(whole);
    expect(whole.map((r) => r.row)).toEqual([1, 2, 4, 5, 6]);
  });

  it('counts a blank line as a row without returning it', () => {
    expect(read('a\n\n \nb\n').map((r) => [r.row, r.cells])).toEqual([
      [1, ['a']],
      [4, ['b']],
    ]);
  });

  it('flags text after a closing quote on one line, keeping the record', () => {
    const [, record] = read('a,b\n"x"y,2\n');
    expect(record?.cells).toEqual(['xy', '2']);
    expect(record?.problem).toMatch(/text after the closing quote of column 1/);
  });

  it('rejects only the line of a quote that never closes, and reads every line after it', () => {
    const lines = ['id,name', '1,ok', '2,"broken', ...Array.from({ length: 50 }, (_, i) => `${i + 3},fine`)];
    const records = read(lines.join('\n') + '\n', 17);
    expect(records).toHaveLength(53);
    const broken = records[2];
    expect(broken?.row).toBe(3);
    expect(broken?.problem).toMatch(/lines 3–53 \(to the end of the file\).*resumes on line 4/);
    expect(records.slice(3).every((r) => r.problem === null && r.cells.length === 2)).toBe(true);
    expect(records.at(-1)?.cells).toEqual(['52', 'fine']);
  });

  it('gives up waiting for a closing quote after the line limit, without holding the rest of the file', () => {
    const lines = ['id,name', '1,"broken', ...Array.from({ length: 30 }, (_, i) => `${i + 2},fine`), '99,"ok"'];
    const records = read(lines.join('\n'), 9, { maxQuotedLines: 5 });
    expect(records[1]?.problem).toMatch(/more than 5 lines from line 2/);
    expect(records).toHaveLength(33);
    expect(records.at(-1)?.cells).toEqual(['99', 'ok']);
  });

  it('resynchronises when a later quote would close the stray one into a record of the wrong shape', () => {
    const records = read('a,b,c\n1,"x,2\n3,y,4\n5,"p, q",6\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '"x', '2'],
      ['3', 'y', '4'],
      ['5', 'p, q', '6'],
    ]);
    expect(records[1]?.problem).toMatch(/lines 2–4 into one broken record/);
  });
});
