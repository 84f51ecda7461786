// The workspaces on this device: create, unlock (check a passphrase), change or remove a passphrase
// (re-encrypting everything in one transaction), delete. Names and key-derivation salts are the only
// things stored in the clear.

import { chunkKey, type LanternDb, type TableChunk, type WorkspaceEntry } from './lanternDb';
import {
  decryptBytes,
  deriveKey,
  encryptBytes,
  keyMatches,
  makeVerifier,
  newKeyDerivation,
  type KeyDerivation,
} from './workspaceCrypto';
import { loadManifest, sealManifest, type WorkspaceAccess } from './workspaceSnapshot';
import type { WorkspaceManifest, WorkspaceSettings } from './workspaceManifest';

export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not open this workspace. Nothing was changed.');
    // The name survives the trip from the store worker, where the check runs; the class does not.
    this.name = 'WrongPassphraseError';
  }
}

/** A fresh salt, the derived key and its verifier for a passphrase; all null without one. */
async function keyMaterial(
  passphrase: string | null,
): Promise<{ kdf: KeyDerivation | null; key: CryptoKey | null; verifier: Uint8Array | null }> {
  if (!passphrase) return { kdf: null, key: null, verifier: null };
  const kdf = newKeyDerivation();
  const key = await deriveKey(passphrase, kdf);
  return { kdf, key, verifier: await makeVerifier(key) };
}

/** All workspaces, most recently opened first. */
export async function listWorkspaces(db: LanternDb): Promise<WorkspaceEntry[]> {
  return (await db.workspaces.toArray()).sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt));
}

/** Creates a workspace, with a passphrase or without; returns its entry and access. */
export async function createWorkspace(
  db: LanternDb,
  name: string,
  passphrase: string | null,
  id: string = crypto.randomUUID(),
): Promise<{ entry: WorkspaceEntry; access: WorkspaceAccess }> {
  const now = new Date().toISOString();
  const { kdf, key, verifier } = await keyMaterial(passphrase);
  const entry: WorkspaceEntry = {
    id,
    name: name.trim() || 'Workspace',
    createdAt: now,
    lastOpenedAt: now,
    kdf,
    verifier,
  };
  await db.workspaces.add(entry);
  return { entry, access: { id, key } };
}

/** Checks the passphrase (none for a plain workspace) and returns the workspace's access. */
export async function unlockWorkspace(
  db: LanternDb,
  id: string,
  passphrase: string | null,
): Promise<{ entry: WorkspaceEntry; access: WorkspaceAccess }> {
  const entry = await db.workspaces.get(id);
  if (!entry) throw new Error('This workspace no longer exists on this device.');
  if (!entry.kdf || !entry.verifier) return { entry, access: { id, key: null } };
  if (!passphrase) throw new WrongPassphraseError();
  const key = await deriveKey(passphrase, entry.kdf);
  if (!(await keyMatches(key, entry.verifier))) throw new WrongPassphraseError();
  await db.workspaces.update(id, { lastOpenedAt: new Date().toISOString() });
  return { entry, access: { id, key } };
}

/** Marks a workspace as the one opened last (plain workspaces open on start without asking). */
export async function touchWorkspace(db: LanternDb, id: string): Promise<void> {
  await db.workspaces.update(id, { lastOpenedAt: new Date().toISOString() });
}

/** Sets, changes or (with null) removes the passphrase; every chunk and the manifest are re-sealed in one transaction. */
export async function changePassphrase(
  db: LanternDb,
  access: WorkspaceAccess,
  newPassphrase: string | null,
): Promise<WorkspaceAccess> {
  const manifest = await loadManifest(db, access);
  const { kdf, key, verifier } = await keyMaterial(newPassphrase);
  const resealed: TableChunk[] = [];
  for (const chunk of await db.chunks.where('workspace').equals(access.id).toArray()) {
    const stored = new Uint8Array(await chunk.bytes.arrayBuffer());
    const plain = access.key ? await decryptBytes(access.key, stored) : stored;
    const next = key ? await encryptBytes(key, plain) : plain;
    resealed.push({ ...chunk, bytes: new Blob([next as BlobPart]) });
  }
  const sealed = await sealManifest(manifest, key);
  await db.transaction('rw', db.workspaces, db.manifests, db.chunks, async () => {
    await db.chunks.bulkPut(resealed);
    await db.manifests.put(sealed);
    await db.workspaces.update(access.id, { kdf, verifier });
  });
  return { id: access.id, key };
}

/** Changes the workspace's settings; they are stored in its (sealed) manifest, like its data. */
export async function updateSettings(
  db: LanternDb,
  access: WorkspaceAccess,
  change: Partial<WorkspaceSettings>,
): Promise<WorkspaceManifest> {
  const manifest = await loadManifest(db, access);
  const next = { ...manifest, settings: { ...manifest.settings, ...change } };
  await db.manifests.put(await sealManifest(next, access.key));
  return next;
}

/** Deletes one workspace and everything stored for it. */
export async function deleteWorkspace(db: LanternDb, id: string): Promise<void> {
  await db.transaction('rw', db.workspaces, db.manifests, db.chunks, async () => {
    await db.chunks.where('workspace').equals(id).delete();
    await db.manifests.delete(id);
    await db.workspaces.delete(id);
  });
}

/** The key of a stored chunk (re-exported for the workspace file). */
export { chunkKey };
