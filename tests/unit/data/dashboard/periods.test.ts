// The Dashboard's period arithmetic, table by table: the KPI period of each choice, when the data covers
// the whole previous period (the rule for showing a change), and which buckets the data only partly covers.

import { describe, expect, it } from 'vitest';
import {
  bucketEnd,
  choosePeriod,
  compareWithPrevious,
  partialCoverage,
  periodDays,
  type DataSpan,
  type PeriodChoice,
} from '../../../../src/data/dashboard/periods';

// The UCI Online Retail export's span: 2010-12-01 08:26 to 2011-12-09 12:50.
const ONLINE_RETAIL: DataSpan = { firstDay: '2010-12-01', lastDay: '2011-12-09' };

describe('choosePeriod', () => {
  it.each<{ choice: PeriodChoice; end: string; firstDay: string; from: string; comparison: unknown }>([
    {
      choice: 30,
      end: '2011-12-09',
      firstDay: '2010-12-01',
      from: '2011-11-10',
      comparison: { kind: 'full', previous: { from: '2011-10-11', to: '2011-11-09' } },
    },
    {
      choice: 90,
      end: '2011-12-09',
      firstDay: '2010-12-01',
      from: '2011-09-11',
      comparison: { kind: 'full', previous: { from: '2011-06-13', to: '2011-09-10' } },
    },
    {
      // The case: the previous 365 days hold only 1–9 Dec 2010.
      choice: 365,
      end: '2011-12-09',
      firstDay: '2010-12-01',
      from: '2010-12-10',
      comparison: {
        kind: 'partial',
        previous: { from: '2009-12-10', to: '2010-12-09' },
        firstDay: '2010-12-01',
        coveredDays: 9,
        days: 365,
      },
    },
    {
      // Data starting on the previous period's first day covers all of it.
      choice: 30,
      end: '2024-03-31',
      firstDay: '2024-02-01',
      from: '2024-03-02',
      comparison: { kind: 'full', previous: { from: '2024-02-01', to: '2024-03-01' } },
    },
    {
      // One day late: one day short.
      choice: 30,
      end: '2024-03-31',
      firstDay: '2024-02-02',
      from: '2024-03-02',
      comparison: {
        kind: 'partial',
        previous: { from: '2024-02-01', to: '2024-03-01' },
        firstDay: '2024-02-02',
        coveredDays: 29,
        days: 30,
      },
    },
    {
      // Data starting inside the current period: nothing of the previous one.
      choice: 90,
      end: '2024-03-31',
      firstDay: '2024-03-15',
      from: '2024-01-02',
      comparison: {
        kind: 'partial',
        previous: { from: '2023-10-04', to: '2024-01-01' },
        firstDay: '2024-03-15',
        coveredDays: 0,
        days: 90,
      },
    },
    { choice: 'all', end: '2011-12-09', firstDay: '2010-12-01', from: '2010-12-01', comparison: { kind: 'all-data' } },
  ])('$choice days to $end, data from $firstDay', ({ choice, end, firstDay, from, comparison }) => {
    const chosen = choosePeriod(choice, end, firstDay);
    expect(chosen.current).toEqual({ from, to: end });
    expect(chosen.comparison).toEqual(comparison);
    if (choice !== 'all') expect(periodDays(chosen.current)).toBe(choice);
  });

  it('counts the covered days of the previous period as the days from the first purchase to its end', () => {
    const previous = { from: '2009-12-10', to: '2010-12-09' };
    expect(periodDays(previous)).toBe(365);
    expect(compareWithPrevious(previous, ONLINE_RETAIL.firstDay)).toMatchObject({ coveredDays: 9 });
  });
});

describe('partialCoverage', () => {
  it.each([
    // Online Retail by month: December 2010 is whole (the data starts on the 1st), December 2011 is not.
    { start: '2010-12-01', grain: 'month', span: ONLINE_RETAIL, covered: null },
    { start: '2011-06-01', grain: 'month', span: ONLINE_RETAIL, covered: null },
    { start: '2011-12-01', grain: 'month', span: ONLINE_RETAIL, covered: { from: '2011-12-01', to: '2011-12-09' } },
    // By week (Monday to Sunday): both ends are partial.
    { start: '2010-11-29', grain: 'week', span: ONLINE_RETAIL, covered: { from: '2010-12-01', to: '2010-12-05' } },
    { start: '2010-12-06', grain: 'week', span: ONLINE_RETAIL, covered: null },
    { start: '2011-12-05', grain: 'week', span: ONLINE_RETAIL, covered: { from: '2011-12-05', to: '2011-12-09' } },
    // A day is always whole.
    { start: '2011-12-09', grain: 'day', span: ONLINE_RETAIL, covered: null },
    // Data starting mid-month, and a single partial month holding all of it.
    {
      start: '2024-02-01',
      grain: 'month',
      span: { firstDay: '2024-02-10', lastDay: '2024-05-31' },
      covered: { from: '2024-02-10', to: '2024-02-29' },
    },
    {
      start: '2024-02-01',
      grain: 'month',
      span: { firstDay: '2024-02-10', lastDay: '2024-02-20' },
      covered: { from: '2024-02-10', to: '2024-02-20' },
    },
  ] as const)('$grain from $start', ({ start, grain, span, covered }) => {
    expect(partialCoverage(start, grain, span)).toEqual(covered);
  });

  it.each([
    { start: '2024-02-01', grain: 'month', end: '2024-02-29' },
    { start: '2023-02-01', grain: 'month', end: '2023-02-28' },
    { start: '2011-12-01', grain: 'month', end: '2011-12-31' },
    { start: '2011-12-26', grain: 'week', end: '2012-01-01' },
    { start: '2011-12-26', grain: 'day', end: '2011-12-26' },
  ] as const)('a $grain from $start ends on $end', ({ start, grain, end }) => {
    expect(bucketEnd(start, grain)).toBe(end);
  });
});
