// The Dashboard's periods in words, shared by the Dashboard and the executive report: a period as a
// range of days, why there is no change against the previous period, and what part of a partial
// week or month the data covers. Days are written in the user's locale, in UTC like formatDay.

import { formatCount, formatDay } from '../../lib/format';
import { periodDays, type Comparison, type Grain, type Period } from './periods';

const rangeFormats = new Map<string, Intl.DateTimeFormat>();
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A run of days as the locale writes a range: "Dec 1 – 9, 2011" (en-US), "1–9 Dec 2011" (en-GB). */
export function formatDayRange(period: Period, locale?: string): string {
  if (period.from === period.to) return formatDay(period.from, locale);
  let format = rangeFormats.get(locale ?? '');
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    rangeFormats.set(locale ?? '', format);
  }
  return format.formatRange(dayMs(period.from), dayMs(period.to));
}

/** Why no change is shown against the previous period, or null when one is. */
export function comparisonNote(comparison: Comparison): string | null {
  if (comparison.kind === 'full') return null;
  if (comparison.kind === 'all-data') {
    return 'no comparison: “All data” already holds every purchase, so there is no period before it to compare with';
  }
  const { firstDay, coveredDays, days } = comparison;
  const covered =
    coveredDays === 0
      ? `none of the previous ${formatCount(days)} days have data`
      : `only ${formatCount(coveredDays)} of the previous ${formatCount(days)} days ${coveredDays === 1 ? 'has' : 'have'} data`;
  return `no comparison: the data starts on ${formatDay(firstDay)}, ${covered}`;
}

/** The short label of the previous period a change is measured against: "the previous 30 days". */
export function previousLabel(comparison: Comparison): string {
  return comparison.kind === 'full' ? `the previous ${formatCount(periodDays(comparison.previous))} days` : '';
}

/** "partial month: Dec 1 – 9, 2011", for a bucket the data only partly covers. */
export function partialNote(grain: Grain, covered: Period): string {
  return `partial ${grain}: ${formatDayRange(covered)}`;
}
