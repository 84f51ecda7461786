// Every CSV Lantern writes follows one rule: RFC 4180 quoting, and a cell a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or CR, and not a plain number) gets a leading apostrophe. Text
// built in the page goes through toCsvText; DuckDB's exports (queryToCsv) apply the same two patterns
// in SQL (csvSafeSql), so no download is written any other way.

/** A cell a spreadsheet would read as a formula starts with one of these (regular-expression source). */
export const FORMULA_START = '^[=+\\-@\\t\\r]';
/** ...unless it is a plain number such as -12.5 or +3e4, which stays as written. */
export const PLAIN_NUMBER = '^[+-]?[0-9][0-9.,]*([eE][+-]?[0-9]+)?$';

const FORMULA = new RegExp(FORMULA_START);
const NUMBER = new RegExp(PLAIN_NUMBER);

/** Text with a leading apostrophe when a spreadsheet would run it as a formula. */
export function formulaSafe(text: string): string {
  return FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** A value as text: numbers as written (non-finite ones empty), objects as JSON. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** One cell, neutralised and quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = formulaSafe(plainText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text (CRLF line ends, as RFC 4180 says). */
export function toCsvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
