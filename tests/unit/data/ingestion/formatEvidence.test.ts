// How single values point to a decimal separator or a day order, and what a file's tally decides.

import { describe, expect, it } from 'vitest';
import {
  addCell,
  dayOrderSideOf,
  decideFormat,
  decimalSideOf,
  emptyEvidence,
} from '../../../../src/data/ingestion/formatEvidence';
import { formatFindings, readDateWith, readNumberWith } from '../../../../src/data/ingestion/formatFindings';
import { proposeMapping } from '../../../../src/data/ingestion/detectMapping';
import { addRows } from '../../../../src/data/ingestion/spreadEvidence';

describe('decimalSideOf', () => {
  it.each([
    ['12,50', ','],
    ['1.234,56', ','],
    ['1.234.567', ','],
    ['€7,99', ','],
    ['12.50', '.'],
    ['1.5', '.'],
    ['1,234.56', '.'],
    ['1,234,567', '.'],
    ['($1,000.00)', '.'],
    ['0.500', '.'],
    ['1234.500', '.'],
    ['−3,00', ','],
    ['1.500', 'either'],
    ['1,500', 'either'],
    ['12', null],
    ['1,2,3', null],
    ['abc', null],
  ] as const)('%s → %s', (value, side) => {
    expect(decimalSideOf(value)).toBe(side);
  });
});

describe('dayOrderSideOf', () => {
  it.each([
    ['13/03/2024', 'dmy'],
    ['01.03.2024', 'dmy'],
    ['3/31/2024 14:05', 'mdy'],
    ['03/04/2024', 'either'],
    ['05/05/2024', null],
    ['2024-03-04', null],
    ['13/13/2024', null],
  ] as const)('%s → %s', (value, side) => {
    expect(dayOrderSideOf(value)).toBe(side);
  });
});

describe('decideFormat', () => {
  const tally = (dot: number, comma: number, either: number) => {
    const evidence = emptyEvidence();
    for (let i = 0; i < dot; i++) addCell(evidence, '1.5');
    for (let i = 0; i < comma; i++) addCell(evidence, '12,50');
    for (let i = 0; i < either; i++) addCell(evidence, '1.500');
    return evidence.decimal;
  };
  it('one side only settles it, whatever the values that could go either way', () => {
    expect(decideFormat(tally(0, 1, 300), ['.', ','])).toEqual({ status: 'settled', choice: ',', against: 0 });
  });
  it('a clear majority wins and counts the values it will reject', () => {
    expect(decideFormat(tally(999, 1, 0), ['.', ','])).toEqual({ status: 'majority', choice: '.', against: 1 });
  });
  it('close sides, or only values that could go either way, are asked', () => {
    expect(decideFormat(tally(6, 1, 0), ['.', ',']).status).toBe('ask');
    expect(decideFormat(tally(0, 0, 5), ['.', ',']).status).toBe('ask');
    expect(decideFormat(tally(0, 0, 0), ['.', ',']).status).toBe('no-evidence');
  });
});

describe('formatFindings', () => {
  const headers = ['customer_id', 'purchase_date', 'amount'];
  it('decides on the whole file, not the first rows, and says what settled it', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => [`C${i}`, '03/04/2024', `${i + 1}.500`]),
      ['C99', '14/04/2024', '12,50'],
    ];
    const columns: ReturnType<typeof emptyEvidence>[] = [];
    addRows(columns, rows);
    const proposal = proposeMapping({
      fileName: 'p.csv',
      headers,
      hasHeader: true,
      rows: rows.slice(0, 20),
      evidence: { columns, scope: 'the whole file' },
    });
    expect(proposal.options.decimalSeparator).toBe(',');
    expect(proposal.options.dateFormats.purchase_date).toBe('dmy');
    const texts = formatFindings({ columns, scope: 'the whole file' }, proposal.options).map((f) => f.text);
    expect(texts[0]).toContain('Decimals are written with ",": 1 value in the whole file settles it ("12,50")');
    expect(texts[1]).toContain('written day first');
  });
  it('shows both readings of a value that could go either way', () => {
    expect(readNumberWith('1.500', ',')).toBe('1500');
    expect(readNumberWith('1.500', '.')).toBe('1.5');
    expect(readDateWith('03/04/2024', 'dmy')).toBe('3 April 2024');
    expect(readDateWith('03/04/2024', 'mdy')).toBe('4 March 2024');
  });
});
