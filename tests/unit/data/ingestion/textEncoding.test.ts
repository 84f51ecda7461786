// The encoding is decided on every byte of the file: marks, UTF-16 without one, UTF-8 split across slices, Latin-1 late.

import { describe, expect, it } from 'vitest';
import { detectEncoding, firstInvalidUtf8, utf16WithoutBom } from '../../../../src/data/ingestion/textEncoding';

const blob = (bytes: Uint8Array) => new Blob([bytes as BlobPart]);
const head = (bytes: Uint8Array) => bytes.subarray(0, 64 * 1024);

describe('detectEncoding', () => {
  it('reads a UTF-8 "ü" split by a slice end as UTF-8', async () => {
    const text = 'id,city\n' + 'x'.repeat(1014) + 'ü\n';
    const bytes = new TextEncoder().encode(text);
    expect(bytes[1022]).toBe(0xc3); // the slice of 1,023 bytes ends inside "ü"
    expect(await detectEncoding(blob(bytes), head(bytes), 1023)).toEqual({ encoding: 'utf-8', warning: null });
  });
  it('finds Latin-1 past the head and names its line', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `C${i},Berlin`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\nC5000,Z');
    const latin = new Uint8Array([...bytes, 0xfc, ...new TextEncoder().encode('rich\n')]);
    const verdict = await detectEncoding(blob(latin), head(latin), 4096);
    expect(verdict.encoding).toBe('windows-1252');
    expect(verdict.warning).toContain('0xFC, is on line 5,001');
  });
  it('knows UTF-16 with and without a byte-order mark', async () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    expect((await detectEncoding(blob(le), le)).encoding).toBe('utf-16le');
    const be = new Uint8Array([...'id,city\nC1,Köln\n'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(utf16WithoutBom(be)).toBe('utf-16be');
    expect((await detectEncoding(blob(be), be)).encoding).toBe('utf-16be');
  });
  it('locates the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aü€'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0x41]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
  });
});
