// How the import's SQL reads the numbers and dates people write, value by value in DuckDB: accounting
// negatives, the Unicode minus, thousands only in groups of three, percentages in ratio columns, ISO
// times with a zone (the wall-clock day kept) and Excel's serial day numbers with its 1900 leap-year bug.

import { describe, expect, it } from 'vitest';
import { dateSql, numberSql } from '../../../src/data/ingestion/validationSql';
import { sqlString } from '../../../src/data/sql';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

async function read(expr: (raw: string) => string, values: string[]): Promise<(number | string | null)[]> {
  const rows = await db.query<{ v: number | string | null }>(
    `SELECT ${expr('raw')} AS v FROM (SELECT unnest([${values.map(sqlString).join(', ')}]) AS raw, generate_subscripts([${values.map(sqlString).join(', ')}], 1) AS i) ORDER BY i`,
  );
  return rows.map((r) => r.v);
}

const asText = (expr: string) => `strftime(${expr}, '%Y-%m-%d %H:%M:%S')`;

describe('numbers as people write them', () => {
  it('dot decimals: accounting negatives, Unicode minus, currency, thousands in threes; anything else rejected', async () => {
    const cases: [string, number | null][] = [
      ['12.50', 12.5],
      ['1,234.50', 1234.5],
      ['1,234,567', 1234567],
      ['(12.00)', -12],
      ['($1,200.00)', -1200],
      ['−12.00', -12],
      ['12.00-', -12],
      ['$ 12.50', 12.5],
      ['1 234.50', 1234.5],
      ['1\u00a0234.50', 1234.5],
      ["1'234.50", 1234.5],
      ['€12', 12],
      ['12,50', null],
      ['1,2,3', null],
      ['1,23,456', null],
      ['5%', null],
      ['twelve', null],
    ];
    const values = await read(
      (raw) => numberSql(raw, '.', 'amount'),
      cases.map(([v]) => v),
    );
    expect(values).toEqual(cases.map(([, n]) => n));
  });

  it('comma decimals: "1.500" is fifteen hundred, a dot anywhere else is rejected', async () => {
    const cases: [string, number | null][] = [
      ['12,50', 12.5],
      ['1.500', 1500],
      ['1.234,50', 1234.5],
      ['(1.234,50)', -1234.5],
      ['−0,99', -0.99],
      ['1 234,50 €', 1234.5],
      ['7', 7],
      ['1.5', null],
      ['1.50,00', null],
    ];
    const values = await read(
      (raw) => numberSql(raw, ',', 'amount'),
      cases.map(([v]) => v),
    );
    expect(values).toEqual(cases.map(([, n]) => n));
  });

  it('percentages are read in CTR and ROAS only: "4.70%" is 0.047', async () => {
    expect(await read((raw) => numberSql(raw, '.', 'ctr'), ['4.70%', '0.047', '12 %', '(1.5%)'])).toEqual([
      0.047, 0.047, 0.12, -0.015,
    ]);
    expect(await read((raw) => numberSql(raw, ',', 'roas'), ['350%', '3,5', '12,5 %'])).toEqual([3.5, 3.5, 0.125]);
    expect(await read((raw) => numberSql(raw, '.', 'cost'), ['4.70%'])).toEqual([null]);
  });
});

describe('dates as people write them', () => {
  it('ISO with a zone keeps the wall-clock time: Z, UTC, +01, +0100, -05:00, with or without seconds', async () => {
    const cases: [string, string | null][] = [
      ['2024-03-01T14:05:11Z', '2024-03-01 14:05:11'],
      ['2024-03-01T14:05Z', '2024-03-01 14:05:00'],
      ['2024-03-01T23:30:00.123456789z', '2024-03-01 23:30:00'],
      ['2024-03-01 23:30:00 UTC', '2024-03-01 23:30:00'],
      ['2024-03-01T23:30:00+01', '2024-03-01 23:30:00'],
      ['2024-03-01T23:30:00+0100', '2024-03-01 23:30:00'],
      ['2024-03-01T23:30:00-05:00', '2024-03-01 23:30:00'],
      ['2024-03-01 00:15:00 +05:30', '2024-03-01 00:15:00'],
      ['2024-03-01', '2024-03-01 00:00:00'],
      ['2024-3-1', '2024-03-01 00:00:00'],
      ['2024-02-30T10:00Z', null],
    ];
    const values = await read(
      (raw) => asText(dateSql(raw, 'iso')),
      cases.map(([v]) => v),
    );
    expect(values).toEqual(cases.map(([, d]) => d));
  });

  it('Excel serial day numbers, after its invented 29 February 1900, in their own format or mixed into another', async () => {
    const cases: [string, string | null][] = [
      ['45292', '2024-01-01 00:00:00'],
      ['45292.5', '2024-01-01 12:00:00'],
      ['45351.75', '2024-02-29 18:00:00'],
      ['10000', '1927-05-18 00:00:00'],
      ['60', null],
      ['61', '1900-03-01 00:00:00'],
      ['59', '1900-02-28 00:00:00'],
      ['4529', '1912-05-25 00:00:00'],
    ];
    const values = await read(
      (raw) => asText(dateSql(raw, 'excel-serial')),
      cases.map(([v]) => v),
    );
    expect(values).toEqual(cases.map(([, d]) => d));
    expect(await read((raw) => asText(dateSql(raw, 'dmy')), ['31/12/2023', '45292', '4529'])).toEqual([
      '2023-12-31 00:00:00',
      '2024-01-01 00:00:00',
      null,
    ]);
  });
});
