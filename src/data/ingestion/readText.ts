// Reads a Blob as text in slices so a large file never sits in memory whole; works in workers and in Node.

export interface TextChunk {
  text: string;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
  done: boolean;
}

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Yields decoded text slice by slice; a byte-order mark is dropped. */
export async function* readTextChunks(
  blob: Blob,
  encoding: TextEncodingName = 'utf-8',
  sliceBytes = 4 * 1024 * 1024,
): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let offset = 0;
  if (blob.size === 0) {
    yield { text: '', bytesRead: 0, done: true };
    return;
  }
  while (offset < blob.size) {
    const end = Math.min(offset + sliceBytes, blob.size);
    const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    offset = end;
    const done = offset >= blob.size;
    yield { text: decoder.decode(bytes, { stream: !done }), bytesRead: offset, done };
  }
}

/** Reads the first `bytes` of a blob. */
export async function readHead(blob: Blob, bytes = 64 * 1024): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, Math.min(bytes, blob.size)).arrayBuffer());
}
