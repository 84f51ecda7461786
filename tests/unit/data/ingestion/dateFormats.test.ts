import { describe, expect, it } from 'vitest';
import { detectDateFormat, looksLikeDate } from '../../../../src/data/ingestion/dateFormats';

describe('detectDateFormat', () => {
  it.each([
    [['2024-03-01', '2024-12-31'], 'iso'],
    [['2024-03-01 14:05:11 +0100', '2024-03-02T10:00:00Z'], 'iso'],
    [['12/1/2010 8:26', '12/13/2010 9:00'], 'mdy'],
    [['3/1/2024', '4/2/2024'], 'mdy'], // ambiguous: month first, as US exports are
    [['13/01/2024', '02/03/2024'], 'dmy'],
    [['01.03.2024', '02.03.2024'], 'dmy'],
    [['19970101', '19971231'], 'ymd-compact'],
    [['2024/03/01'], 'ymd-slash'],
    [['2024-03-01T23:30Z', '2024-03-01T23:30:00+01', '2024-03-01 23:30:00 UTC', '2024-03-01T00:15:00.5-05:30'], 'iso'],
    [['45292', '45292.75', '45351'], 'excel-serial'],
    [['yesterday', 'soon'], null],
    [[], null],
  ])('%j → %s', (samples, expected) => {
    expect(detectDateFormat(samples)).toBe(expected);
  });
});

describe('looksLikeDate', () => {
  it('takes a five-digit number for a date only in a column called one', () => {
    expect(looksLikeDate('45292')).toBe(false);
    expect(looksLikeDate('2024-03-01T23:30Z')).toBe(true);
    expect(looksLikeDate('2024-03-01Z')).toBe(false);
  });
});
