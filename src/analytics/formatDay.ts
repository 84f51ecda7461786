// Calendar days ("YYYY-MM-DD") and months ("YYYY-MM") as the user's locale writes them. They are read
// and written in UTC: a day is a label, not an instant, and must not move a day west of Greenwich.

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = cache.get(locale ?? '');
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(locale ?? '', f);
  }
  return f;
}

/** "2026-12-01" → "Dec 1, 2026" (en-US), "1 déc. 2026" (fr); anything that is not a day is returned as is. */
export function formatDay(day: string, locale?: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  return Number.isNaN(t) ? day : cached(dayFormats, locale, { dateStyle: 'medium' }).format(t);
}

/** "2026-12" → "Dec 2026"; anything that is not a month is returned as is. */
export function formatMonth(month: string, locale?: string): string {
  const t = /^\d{4}-\d{2}$/.test(month) ? Date.parse(`${month}-01T00:00:00Z`) : NaN;
  return Number.isNaN(t) ? month : cached(monthFormats, locale, { month: 'short', year: 'numeric' }).format(t);
}
