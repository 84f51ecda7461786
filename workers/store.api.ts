// The store worker's implementation: one Dexie connection, commits through src/data/store.

import type { StoreWorkerApi } from '../src/contracts/store';
import { LanternDb } from '../src/data/store/lanternDb';
import { commitTables } from '../src/data/store/workspaceSnapshot';

let db: LanternDb | null = null;

export const storeApi = {
  commitTables: (exported, reports, access, patch) =>
    commitTables((db ??= new LanternDb()), exported, reports, access, patch),
} satisfies StoreWorkerApi;
