// Number, size and date formatting with Intl for the user's locale.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567" in the user's locale. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** Bytes as kB/MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${bytes} B`;
}

/** A percentage 0..1 as "42 %". */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** An ISO timestamp as a local date and time. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export { formatDay, formatMonth } from '../analytics/formatDay';

const axisDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const axisMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A tick on a time axis spanning `spanDays`: "Mar 4" over a few months, "Mar 2026" over longer. */
export function formatAxisDate(date: Date, spanDays: number): string {
  return (spanDays > 190 ? axisMonth : axisDay).format(date);
}
