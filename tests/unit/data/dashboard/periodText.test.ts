// The Dashboard's periods in words: the no-comparison sentence for each reason, and partial buckets and
// day ranges written as the locale writes them.

import { describe, expect, it } from 'vitest';
import { comparisonNote, formatDayRange, partialNote, previousLabel } from '../../../../src/data/dashboard/periodText';
import type { Comparison } from '../../../../src/data/dashboard/periods';
import { formatDay } from '../../../../src/lib/format';

const previous = { from: '2009-12-10', to: '2010-12-09' };

describe('comparisonNote', () => {
  it.each<{ name: string; comparison: Comparison; note: string | null; label: string }>([
    {
      name: 'a covered previous period',
      comparison: { kind: 'full', previous: { from: '2011-10-11', to: '2011-11-09' } },
      note: null,
      label: 'the previous 30 days',
    },
    {
      name: 'Online Retail on 365 days',
      comparison: { kind: 'partial', previous, firstDay: '2010-12-01', coveredDays: 9, days: 365 },
      note: `no comparison: the data starts on ${formatDay('2010-12-01')}, only 9 of the previous 365 days have data`,
      label: '',
    },
    {
      name: 'one day of data',
      comparison: { kind: 'partial', previous, firstDay: '2010-12-09', coveredDays: 1, days: 365 },
      note: `no comparison: the data starts on ${formatDay('2010-12-09')}, only 1 of the previous 365 days has data`,
      label: '',
    },
    {
      name: 'no day of data',
      comparison: { kind: 'partial', previous, firstDay: '2011-01-05', coveredDays: 0, days: 365 },
      note: `no comparison: the data starts on ${formatDay('2011-01-05')}, none of the previous 365 days have data`,
      label: '',
    },
    {
      name: 'all data',
      comparison: { kind: 'all-data' },
      note: 'no comparison: “All data” already holds every purchase, so there is no period before it to compare with',
      label: '',
    },
  ])('$name', ({ comparison, note, label }) => {
    expect(comparisonNote(comparison)).toBe(note);
    expect(previousLabel(comparison)).toBe(label);
  });
});

describe('formatDayRange and partialNote', () => {
  // Intl separates a range's ends with thin spaces around an en dash.
  const dash = '\u2009–\u2009';
  it.each([
    { from: '2011-12-01', to: '2011-12-09', locale: 'en-US', text: `Dec 1${dash}9, 2011` },
    { from: '2011-12-01', to: '2011-12-09', locale: 'en-GB', text: `1${dash}9 Dec 2011` },
    { from: '2010-11-29', to: '2010-12-05', locale: 'en-US', text: `Nov 29${dash}Dec 5, 2010` },
    { from: '2011-12-09', to: '2011-12-09', locale: 'en-US', text: 'Dec 9, 2011' },
  ])('$from to $to in $locale', ({ from, to, locale, text }) => {
    expect(formatDayRange({ from, to }, locale)).toBe(text);
  });

  it('names the grain and the days covered', () => {
    const covered = { from: '2011-12-01', to: '2011-12-09' };
    expect(partialNote('month', covered)).toBe(`partial month: ${formatDayRange(covered)}`);
  });
});
