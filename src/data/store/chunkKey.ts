// The storage key of a table chunk, kept apart from the Dexie schema so code that only names chunks
// (the DuckDB side of a restore, on the main thread) does not bring Dexie along.

/** `<workspace id>|<chunk id>` */
export const chunkKey = (workspace: string, chunkId: string) => `${workspace}|${chunkId}`;
