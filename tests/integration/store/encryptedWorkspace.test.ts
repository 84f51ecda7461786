// Passphrase workspaces in Node (fake-indexeddb + duckdb-wasm): nothing readable at rest, wrong
// passphrases refused, passphrase changes re-seal everything, and a workspace file moves a workspace.

import 'fake-indexeddb/auto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LanternDb } from '../../../src/data/store/lanternDb';
import {
  WrongPassphraseError,
  changePassphrase,
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  unlockWorkspace,
} from '../../../src/data/store/workspaceRegistry';
import { exportWorkspaceFile, importWorkspaceFile } from '../../../src/data/store/workspaceFile';
import { restoreWorkspace, saveImport } from '../../../src/data/store/workspaceSnapshot';
import { FIXTURES, fileFrom, importWithProposal } from '../../support/importHelpers';
import { openNodeDuckDb } from '../../support/nodeDuckDb';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));
let dbCount = 0;

async function duck() {
  const d = await openNodeDuckDb();
  opened.push(d);
  return d;
}

/** Every stored value of the database as text (Blobs read), to search for plaintext. */
async function everythingStored(db: LanternDb): Promise<string> {
  const parts: string[] = [];
  for (const table of [db.workspaces, db.manifests, db.chunks] as const) {
    for (const record of await (table as { toArray(): Promise<unknown[]> }).toArray()) {
      for (const value of Object.values(record as Record<string, unknown>)) {
        if (value instanceof Blob) parts.push(Buffer.from(await value.arrayBuffer()).toString('latin1'));
        else if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('latin1'));
        else parts.push(JSON.stringify(value));
      }
    }
  }
  return parts.join('\n');
}

async function workspaceWithPurchases(passphrase: string | null) {
  const db = new LanternDb(`enc-${++dbCount}`);
  const { access } = await createWorkspace(db, 'Client A', passphrase);
  const conn = await duck();
  const [report] = await importWithProposal(conn, [fileFrom(path.join(FIXTURES, 'shapes/purchases.csv'))]);
  await saveImport(conn, db, ['purchases', report!.rejectsTable], [report!], access);
  return { db, access, conn };
}

describe('passphrase workspaces', () => {
  it('store nothing readable: no customer id or amount in any stored value', async () => {
    const { db } = await workspaceWithPurchases('correct horse battery');
    const stored = await everythingStored(db);
    expect(stored).toContain('Client A'); // the name is the one thing in the clear
    // Neither data nor settings: only the name and the key-derivation salt are in the clear.
    for (const secret of [
      'CUST-013',
      'T00024',
      '49.90',
      'Electronics',
      'purchases.csv',
      'idleLockMinutes',
      'currency',
    ]) {
      expect(stored).not.toContain(secret);
    }
    const plain = await workspaceWithPurchases(null);
    expect(await everythingStored(plain.db)).toContain('CUST-013'); // the search would find it if it were there
  });

  it('open with the right passphrase only; a wrong one changes nothing', async () => {
    const { db, conn } = await workspaceWithPurchases('correct horse battery');
    const [entry] = await listWorkspaces(db);
    const before = await everythingStored(db);
    await expect(unlockWorkspace(db, entry!.id, 'wrong horse')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await everythingStored(db)).toBe(before);
    const { access } = await unlockWorkspace(db, entry!.id, 'correct horse battery');
    const fresh = await duck();
    await restoreWorkspace(fresh, db, access);
    expect(await fresh.query('SELECT * FROM purchases ORDER BY ALL')).toEqual(
      await conn.query('SELECT * FROM purchases ORDER BY ALL'),
    );
  });

  it('changing the passphrase re-seals everything: the old one stops working, the data stays', async () => {
    const { db, access, conn } = await workspaceWithPurchases('first passphrase');
    const next = await changePassphrase(db, access, 'second passphrase');
    await expect(unlockWorkspace(db, access.id, 'first passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const reopened = await unlockWorkspace(db, access.id, 'second passphrase');
    const fresh = await duck();
    await restoreWorkspace(fresh, db, reopened.access);
    expect(await fresh.query('SELECT count(*) AS n FROM purchases')).toEqual([{ n: 60 }]);
    // Removing the passphrase makes it a plain workspace again.
    await changePassphrase(db, next, null);
    const plain = await unlockWorkspace(db, access.id, null);
    const again = await duck();
    await restoreWorkspace(again, db, plain.access);
    expect(await again.query('SELECT sum(amount) AS s FROM purchases')).toEqual(
      await conn.query('SELECT sum(amount) AS s FROM purchases'),
    );
  });

  it('several workspaces live side by side, and deleting one leaves the other', async () => {
    const { db, access } = await workspaceWithPurchases('a passphrase');
    const other = await createWorkspace(db, 'Client B', null);
    const conn = await duck();
    const [report] = await importWithProposal(conn, [fileFrom(path.join(FIXTURES, 'shapes/online-retail.csv'))]);
    await saveImport(conn, db, ['purchases', report!.rejectsTable], [report!], other.access);
    await deleteWorkspace(db, access.id);
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['Client B']);
    const fresh = await duck();
    await restoreWorkspace(fresh, db, other.access);
    expect(await fresh.query('SELECT count(*) AS n FROM purchases')).toEqual([{ n: 37 }]);
  });

  it('a workspace file carries a sealed workspace to another device, opened with its passphrase', async () => {
    const { db, conn } = await workspaceWithPurchases('travel passphrase');
    const [entry] = await listWorkspaces(db);
    const file = await exportWorkspaceFile(db, entry!.id);
    expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).not.toContain('CUST-013');
    const elsewhere = new LanternDb(`enc-${++dbCount}`);
    const imported = await importWorkspaceFile(elsewhere, file);
    expect(imported.name).toBe('Client A');
    await expect(unlockWorkspace(elsewhere, imported.id, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    const { access } = await unlockWorkspace(elsewhere, imported.id, 'travel passphrase');
    const fresh = await duck();
    await restoreWorkspace(fresh, elsewhere, access);
    expect(await fresh.query('SELECT * FROM purchases ORDER BY ALL')).toEqual(
      await conn.query('SELECT * FROM purchases ORDER BY ALL'),
    );
    await expect(importWorkspaceFile(elsewhere, new Blob(['not a workspace']))).rejects.toThrow(
      'not a Lantern workspace file',
    );
  });
});
