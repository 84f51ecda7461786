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
