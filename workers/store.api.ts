// The store worker's implementation: the one Dexie connection of the app, over src/data/store.

import { transfer } from 'comlink';
import type { StoreWorkerApi } from '../src/contracts/store';
import { LanternDb } from '../src/data/store/lanternDb';
import {
  changePassphrase,
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  touchWorkspace,
  unlockWorkspace,
  updateSettings,
} from '../src/data/store/workspaceRegistry';
import { exportWorkspaceFile, importWorkspaceFile } from '../src/data/store/workspaceFile';
import { commitTables, loadManifest, readChunk } from '../src/data/store/workspaceSnapshot';
import { chooseStartWorkspace } from '../src/data/store/startWorkspace';

let connection: LanternDb | null = null;
const db = () => (connection ??= new LanternDb());

export const storeApi = {
  commitTables: (exported, reports, access, patch) => commitTables(db(), exported, reports, access, patch),
  chooseStartWorkspace: (demo) => chooseStartWorkspace(db(), demo),
  listWorkspaces: () => listWorkspaces(db()),
  getWorkspace: (id) => db().workspaces.get(id),
  createWorkspace: (name, passphrase) => createWorkspace(db(), name, passphrase),
  unlockWorkspace: (id, passphrase) => unlockWorkspace(db(), id, passphrase),
  touchWorkspace: (id) => touchWorkspace(db(), id),
  changePassphrase: (access, newPassphrase) => changePassphrase(db(), access, newPassphrase),
  updateSettings: (access, change) => updateSettings(db(), access, change),
  deleteWorkspace: (id) => deleteWorkspace(db(), id),
  exportWorkspaceFile: (id) => exportWorkspaceFile(db(), id),
  importWorkspaceFile: (file) => importWorkspaceFile(db(), file),
  loadManifest: (access) => loadManifest(db(), access),
  readChunk: async (access, chunkId) => {
    const bytes = await readChunk(db(), access, chunkId);
    return bytes ? transfer(bytes, [bytes.buffer as ArrayBuffer]) : null;
  },
  deleteDatabase: async () => {
    const open = db();
    connection = null;
    await open.delete();
  },
} satisfies StoreWorkerApi;
