// The Dashboard's periods as calendar arithmetic, no DuckDB: the KPI period for a choice (the last 30,
// 90 or 365 days, or all the data), whether the data covers the whole previous period so a change
// against it means something, and which day, week or month buckets the data only partly covers.

/** A run of whole days, inclusive, as ISO dates. */
export interface Period {
  from: string;
  to: string;
}

/** The first and the last day with a purchase, ISO. */
export interface DataSpan {
  firstDay: string;
  lastDay: string;
}

/** The Dashboard's period choices: a number of days ending on the period's end, or every purchase. */
export type PeriodChoice = 30 | 90 | 365 | 'all';
export const PERIOD_CHOICES: readonly PeriodChoice[] = [30, 90, 365, 'all'];

/** How the KPI period compares with the one before. */
export type Comparison =
  /** The data covers the whole previous period: a change against it is shown. */
  | { kind: 'full'; previous: Period }
  /** The data starts after the previous period's first day: only `coveredDays` of its `days` have data. */
  | { kind: 'partial'; previous: Period; firstDay: string; coveredDays: number; days: number }
  /** "All data": there is no period before it. */
  | { kind: 'all-data' };

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` moved by `days` (negative: earlier). */
export function shiftDay(day: string, days: number): string {
  return isoDay(dayNumber(day) + days);
}

/** Days in a period, both ends counted (0 when it ends before it starts). */
export function periodDays(period: Period): number {
  return Math.max(0, dayNumber(period.to) - dayNumber(period.from) + 1);
}

/** The `days` ending on `end`, and the same length just before. */
export function periodsEndingOn(end: string, days: number): { current: Period; previous: Period } {
  return {
    current: { from: shiftDay(end, -(days - 1)), to: end },
    previous: { from: shiftDay(end, -(2 * days - 1)), to: shiftDay(end, -days) },
  };
}

/** The previous period beside what the data covers of it: a change is honest only when it covers all of it. */
export function compareWithPrevious(previous: Period, firstDay: string): Comparison {
  if (firstDay <= previous.from) return { kind: 'full', previous };
  const days = periodDays(previous);
  const coveredDays = firstDay > previous.to ? 0 : periodDays({ from: firstDay, to: previous.to });
  return { kind: 'partial', previous, firstDay, coveredDays, days };
}

/** The KPI period of a choice ending on `end`, and how it compares with the period before. */
export function choosePeriod(
  choice: PeriodChoice,
  end: string,
  firstDay: string,
): { current: Period; comparison: Comparison } {
  // "All data" runs from the first purchase day; if the analysis date is set earlier, it still ends there.
  if (choice === 'all') return { current: { from: firstDay, to: end }, comparison: { kind: 'all-data' } };
  const { current, previous } = periodsEndingOn(end, choice);
  return { current, comparison: compareWithPrevious(previous, firstDay) };
}

export type Grain = 'day' | 'week' | 'month';

/** The last day of the bucket of `grain` starting on `start` (weeks start on Monday, as DuckDB's date_trunc). */
export function bucketEnd(start: string, grain: Grain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return shiftDay(start, 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m, 0) / DAY_MS);
}

/** The part of a bucket the data covers when it is not all of it (the first and last buckets), else null. */
export function partialCoverage(start: string, grain: Grain, span: DataSpan): Period | null {
  const end = bucketEnd(start, grain);
  const from = span.firstDay > start ? span.firstDay : start;
  const to = span.lastDay < end ? span.lastDay : end;
  return from === start && to === end ? null : { from, to };
}
