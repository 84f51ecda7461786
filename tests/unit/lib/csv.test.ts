import { describe, expect, it } from 'vitest';
import { csvCell, toCsvText } from '../../../src/lib/csv';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@import', "'@import"],
    ['\tTAB', "'\tTAB"],
    ['-3', '-3'],
    ['+1.5e3', '+1.5e3'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1,2', `"'=1,2"`],
  ])('%j becomes %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes numbers as they are, missing and non-finite values empty, objects as JSON', () => {
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell({ k: 3 })).toBe('"{""k"":3}"');
  });

  it('joins rows with CRLF', () => {
    expect(toCsvText(['id', 'name'], [[1, '=x']])).toBe("id,name\r\n1,'=x\r\n");
  });
});
