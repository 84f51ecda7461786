// Which text encoding a file is in, decided on the whole file rather than its head: a byte-order mark
// (UTF-8, UTF-16 LE/BE), UTF-16 without one (every other byte zero), else UTF-8 when every byte of the
// file decodes as UTF-8 (a character split across slices included) and Windows-1252 when one does not,
// naming the line of the first byte that is not UTF-8. Works in workers and in Node.

import type { TextEncodingName } from './readText';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Latin-1)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** The encoding a byte-order mark at the start of `head` names, if any. */
export function bomEncoding(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a mark: text that is mostly ASCII has a zero in every other byte (odd ones in LE). */
export function utf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Offset of the first byte in `bytes` (from `start`) that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

export interface EncodingVerdict {
  encoding: TextEncodingName;
  /** Said to the user when the file is not UTF-8 (or not what it seemed). */
  warning: string | null;
}

/** True when no byte has its high bit set (read four at a time). */
function isAscii(bytes: Uint8Array): boolean {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteOffset % 4 === 0 ? bytes.length >> 2 : 0);
  for (let i = 0; i < words.length; i++) if ((words[i]! & 0x80808080) !== 0) return false;
  for (let i = words.length * 4; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/** Line ends in the first `end` bytes of the file (read again only when a fault must be located). */
async function newlinesBefore(file: Blob, end: number, sliceBytes: number): Promise<number> {
  let lines = 0;
  for (let offset = 0; offset < end; offset += sliceBytes) {
    const bytes = new Uint8Array(await file.slice(offset, Math.min(end, offset + sliceBytes)).arrayBuffer());
    lines += countNewlines(bytes);
  }
  return lines;
}

/**
 * Decides the encoding over the whole file. Reading every byte is what makes it right: a Latin-1 accent
 * on line 3,000, or a UTF-8 "ü" split by the first 64 kB, are decided as they are, not guessed.
 */
export async function detectEncoding(
  file: Blob,
  head: Uint8Array,
  sliceBytes = 4 * 1024 * 1024,
): Promise<EncodingVerdict> {
  const marked = bomEncoding(head);
  if (marked) return { encoding: marked, warning: null };
  const utf16 = utf16WithoutBom(head);
  if (utf16) {
    return {
      encoding: utf16,
      warning: `The file is ${ENCODING_LABELS[utf16]} text without a byte-order mark; it was read as such.`,
    };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carried = new Uint8Array(0);
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    const bytes = new Uint8Array(await file.slice(offset, offset + sliceBytes).arrayBuffer());
    const last = offset + sliceBytes >= file.size;
    try {
      // Plain ASCII is UTF-8 whatever follows: only its first byte goes to the decoder, to settle a
      // character the previous slice left open. Most exports are ASCII, so most slices are this quick.
      decoder.decode(isAscii(bytes) ? bytes.subarray(0, 1) : bytes, { stream: !last });
      // The few bytes of a character split by the slice end, kept to locate a fault that starts in them.
      carried = bytes.subarray(Math.max(0, bytes.length - 3));
    } catch {
      // Find the byte: start at the first character boundary of the carried tail and read on.
      let start = 0;
      while (start < carried.length && (carried[start]! & 0xc0) === 0x80) start++;
      const joined = new Uint8Array(carried.length - start + bytes.length);
      joined.set(carried.subarray(start));
      joined.set(bytes, carried.length - start);
      const at = firstInvalidUtf8(joined);
      const joinedStart = offset - (carried.length - start);
      const line = (await newlinesBefore(file, joinedStart, sliceBytes)) + countNewlines(joined, Math.max(0, at)) + 1;
      return {
        encoding: 'windows-1252',
        warning: `The file is not UTF-8 (the first byte that is not, 0x${(joined[at] ?? 0).toString(16).toUpperCase()}, is on line ${line.toLocaleString('en-US')}); it was read as Windows-1252 (Latin-1). Check accented names in the preview, or choose another encoding.`,
      };
    }
  }
  return { encoding: 'utf-8', warning: null };
}
