// One workspace as a single file, for moving it to another machine without a server. The file holds
// exactly what IndexedDB holds: sealed chunks and a sealed manifest when the workspace has a
// passphrase (the passphrase is needed to open it there), plain ones otherwise.
// Layout: "LANTERNW" · header length (uint32, little-endian) · header JSON · chunk bytes in order.

import { chunkKey, type LanternDb, type StoredManifest, type WorkspaceEntry } from './lanternDb';
import type { KeyDerivation } from './workspaceCrypto';
import { emptyManifest } from './workspaceManifest';

const MAGIC = 'LANTERNW';

interface FileHeader {
  format: 'lantern-workspace';
  version: 1;
  name: string;
  kdf: KeyDerivation | null;
  verifier: number[] | null;
  manifest: { sealed: number[] } | { plain: StoredManifest };
  chunks: { id: string; bytes: number }[];
}

/** The workspace as a file. */
export async function exportWorkspaceFile(db: LanternDb, id: string): Promise<Blob> {
  const entry = await db.workspaces.get(id);
  const manifest = await db.manifests.get(id);
  if (!entry) throw new Error('No such workspace.');
  const chunks = await db.chunks.where('workspace').equals(id).toArray();
  const header: FileHeader = {
    format: 'lantern-workspace',
    version: 1,
    name: entry.name,
    kdf: entry.kdf,
    verifier: entry.verifier ? [...entry.verifier] : null,
    manifest:
      manifest && 'sealed' in manifest
        ? { sealed: [...manifest.sealed] }
        : {
            plain: manifest ?? emptyManifest(id),
          },
    chunks: chunks.map((c) => ({ id: c.key.slice(id.length + 1), bytes: c.bytes.size })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length, true);
  return new Blob([MAGIC, length, headerBytes, ...chunks.map((c) => c.bytes)], { type: 'application/octet-stream' });
}

/** Adds the workspace in a file as a new workspace (a new id; "(imported)" when the name is taken). */
export async function importWorkspaceFile(db: LanternDb, file: Blob): Promise<WorkspaceEntry> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) throw new Error('This is not a Lantern workspace file.');
  const headerLength = new DataView(head.buffer).getUint32(8, true);
  const header = JSON.parse(await file.slice(12, 12 + headerLength).text()) as FileHeader;
  if (header.format !== 'lantern-workspace' || header.version !== 1) {
    throw new Error('This workspace file comes from a newer version of Lantern.');
  }
  const id = crypto.randomUUID();
  const names = new Set((await db.workspaces.toArray()).map((w) => w.name));
  const now = new Date().toISOString();
  const entry: WorkspaceEntry = {
    id,
    name: names.has(header.name) ? `${header.name} (imported)` : header.name,
    createdAt: now,
    lastOpenedAt: now,
    kdf: header.kdf,
    verifier: header.verifier ? new Uint8Array(header.verifier) : null,
  };
  let offset = 12 + headerLength;
  const chunks = header.chunks.map((c) => {
    const bytes = file.slice(offset, offset + c.bytes);
    offset += c.bytes;
    return { key: chunkKey(id, c.id), workspace: id, bytes };
  });
  if (offset !== file.size) throw new Error('This workspace file is incomplete or damaged.');
  const manifest: StoredManifest =
    'sealed' in header.manifest
      ? { id, sealed: new Uint8Array(header.manifest.sealed) }
      : { ...header.manifest.plain, id };
  await db.transaction('rw', db.workspaces, db.manifests, db.chunks, async () => {
    await db.chunks.bulkPut(chunks);
    await db.manifests.put(manifest);
    await db.workspaces.add(entry);
  });
  return entry;
}
