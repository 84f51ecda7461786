// Value formatting shared by the demo's row builders (purchases, cancellations, campaign days), so every table writes
// timestamps and money the same way.

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Seconds in a day, for sort keys and same-day offsets. */
export const SECONDS_PER_DAY = 86_400;

/** 'YYYY-MM-DD HH:MM:SS' from a day string and a second of that day (0..86399). */
export function timestampString(day: string, secondOfDay: number): string {
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${day} ${PAD2[hour] ?? '00'}:${PAD2[minute] ?? '00'}:${PAD2[second] ?? '00'}`;
}

/** Money to cents, as exports write it. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Ratios (CTR, CPC, ROAS) to 4 decimals. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
