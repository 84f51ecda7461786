// Opens a dropped file that is gzip-compressed (".csv.gz", or gzip bytes whatever the name) as the file
// inside it, through the platform's DecompressionStream, so every reader after it sees plain text.

import { MAX_IMPORT_BYTES } from './fileFormat';

const GZIP_MAGIC = [0x1f, 0x8b];

export type OpenedFile = { ok: true; file: File; compressed: boolean } | { ok: false; message: string };

class TooLarge extends Error {}

/** The file itself, or the file a gzip archive holds (named without ".gz"); stops past the import limit. */
export async function openDroppedFile(file: File): Promise<OpenedFile> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (!GZIP_MAGIC.every((b, i) => head[i] === b)) return { ok: true, file, compressed: false };
  const name = file.name.replace(/\.gz(ip)?$/i, '') || file.name;
  let bytes = 0;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > MAX_IMPORT_BYTES) controller.error(new TooLarge());
      else controller.enqueue(chunk);
    },
  });
  try {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(limit);
    const blob = await new Response(stream).blob();
    return { ok: true, file: new File([blob], name, { lastModified: file.lastModified }), compressed: true };
  } catch (error) {
    if (error instanceof TooLarge) {
      return {
        ok: false,
        message: `${file.name} holds more than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB once decompressed; Lantern imports files up to that size in the browser. Split it into smaller files and drop them together.`,
      };
    }
    return {
      ok: false,
      message: `${file.name} is gzip-compressed but could not be decompressed (${(error as Error).message || 'damaged or cut short'}); nothing was imported from it.`,
    };
  }
}
