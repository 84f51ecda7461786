// Decides whether a file's first row is a header and makes its column names unique and non-empty.

import { looksLikeDate } from './dateFormats';

const NUMBER_LIKE = /^[-+]?[$€£¥]?\s*\d[\d\s.,]*$/;

/** A first row is a header unless one of its cells is a number or a date (then it is data). */
export function firstRowIsHeader(firstRow: readonly string[]): boolean {
  const cells = firstRow.map((c) => c.trim());
  if (cells.every((c) => c === '')) return false;
  return !cells.some((c) => c !== '' && (NUMBER_LIKE.test(c) || looksLikeDate(c)));
}

/** Names empty headers `columnN` and suffixes repeats, so every staged column has its own name. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').trim() || `column${i + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Generic names for a file without a header. */
export function generatedHeaders(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column${i + 1}`);
}
