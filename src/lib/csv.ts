// CSV text for small exports built in the page (segment tables): RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe.

const FORMULA = /^[=+\-@\t\r]/;
// The same rule as csvSafeSql in src/data/sql.ts, so exports built in DuckDB and in the page agree.
const PLAIN_NUMBER = /^[+-]?[0-9][0-9.,]*(e[+-]?[0-9]+)?$/i;

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
  let text = plainText(value);
  if (FORMULA.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text (CRLF line ends, as RFC 4180 says). */
export function toCsvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
