// Date formats Lantern understands: detection from sample values (JavaScript) and the matching
// DuckDB strptime patterns, so the preview and the import read a date the same way.

export type DateFormatId = 'iso' | 'mdy' | 'dmy' | 'ymd-compact' | 'ymd-slash' | 'excel-serial';

export interface DateFormat {
  id: DateFormatId;
  label: string;
  /** Recognises a value in this format (shape only; the calendar check is DuckDB's). */
  pattern: RegExp;
  /** DuckDB strptime patterns tried in order. ISO values and Excel serials are converted instead. */
  strptime: string[];
  /** A value of this shape is a date even in a column nobody called one (a 5-digit serial is not). */
  recognisedAnywhere: boolean;
}

const TIME_OF_DAY = '[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?';
const TIME = `(?:${TIME_OF_DAY})?`;
/** A time-zone designator after an ISO time: Z, UTC/GMT, or an offset such as +01, +0100, -05:00. */
export const ISO_ZONE = '\\s*(?:[Zz]|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)';

/** Excel's serial day numbers (1 = 1900-01-01) Lantern reads: 5 digits, 1927–2173, an optional time fraction. */
export const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

export const DATE_FORMATS: Record<DateFormatId, DateFormat> = {
  iso: {
    id: 'iso',
    label: 'ISO: 2024-03-31 or 2024-03-31 14:05:00',
    pattern: new RegExp(`^\\d{4}-\\d{1,2}-\\d{1,2}(?:${TIME_OF_DAY}(?:${ISO_ZONE})?)?$`),
    strptime: [],
    recognisedAnywhere: true,
  },
  mdy: {
    id: 'mdy',
    label: 'US: 3/31/2024 (month first)',
    pattern: new RegExp(`^\\d{1,2}/\\d{1,2}/\\d{4}${TIME}$`),
    strptime: ['%m/%d/%Y', '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S'],
    recognisedAnywhere: true,
  },
  dmy: {
    id: 'dmy',
    label: 'European: 31/03/2024 or 31.03.2024 (day first)',
    pattern: new RegExp(`^\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}${TIME}$`),
    strptime: [
      '%d/%m/%Y',
      '%d.%m.%Y',
      '%d-%m-%Y',
      '%d/%m/%Y %H:%M',
      '%d.%m.%Y %H:%M',
      '%d-%m-%Y %H:%M',
      '%d/%m/%Y %H:%M:%S',
      '%d.%m.%Y %H:%M:%S',
      '%d-%m-%Y %H:%M:%S',
    ],
    recognisedAnywhere: true,
  },
  'ymd-compact': {
    id: 'ymd-compact',
    label: 'Compact: 20240331',
    pattern: /^\d{8}$/,
    strptime: ['%Y%m%d'],
    recognisedAnywhere: true,
  },
  'ymd-slash': {
    id: 'ymd-slash',
    label: 'Year first with slashes: 2024/03/31',
    pattern: new RegExp(`^\\d{4}/\\d{1,2}/\\d{1,2}${TIME}$`),
    strptime: ['%Y/%m/%d', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S'],
    recognisedAnywhere: true,
  },
  'excel-serial': {
    id: 'excel-serial',
    label: 'Excel serial day numbers: 45292 is 2024-01-01',
    pattern: EXCEL_SERIAL,
    strptime: [],
    recognisedAnywhere: false,
  },
};

export const DATE_FORMAT_IDS = Object.keys(DATE_FORMATS) as DateFormatId[];

/** Picks the format most sample values match; day-first wins over month-first only when a first part exceeds 12 or dots are used. */
export function detectDateFormat(samples: readonly string[]): DateFormatId | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  let best: DateFormatId | null = null;
  let bestHits = 0;
  for (const id of DATE_FORMAT_IDS) {
    const hits = values.filter((v) => DATE_FORMATS[id].pattern.test(v)).length;
    if (hits > bestHits) {
      best = id;
      bestHits = hits;
    }
  }
  if (best === null || bestHits < values.length / 2) return null;
  if (best === 'mdy' || best === 'dmy') {
    const slashDates = values.filter((v) => /^\d{1,2}[./-]\d{1,2}[./-]\d{4}/.test(v));
    const firstOver12 = slashDates.some((v) => Number(v.split(/[./-]/)[0]) > 12);
    const secondOver12 = slashDates.some((v) => Number(v.split(/[./-]/)[1]) > 12);
    const usesDots = slashDates.some((v) => v.includes('.'));
    if (firstOver12 || usesDots) return 'dmy';
    if (secondOver12) return 'mdy';
    return 'mdy';
  }
  return best;
}

/** True when a value has the shape of a date whatever its column (ids and amounts of five digits are not dates). */
export function looksLikeDate(value: string): boolean {
  const v = value.trim();
  return DATE_FORMAT_IDS.some((id) => DATE_FORMATS[id].recognisedAnywhere && DATE_FORMATS[id].pattern.test(v));
}
