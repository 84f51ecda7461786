// DuckDB for Node tests: duckdb-wasm's own blocking Node build, the same engine and extension set as
// the browser, so a query that needs an extension fails here as it would in the app.

import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import type * as DuckDbBlocking from '@duckdb/duckdb-wasm/blocking';
import type * as Arrow from 'apache-arrow';
import { numericColumns } from '../../src/data/duckdb/arrowColumns';
import { MAX_IPC_CHUNK_BYTES, type SqlRow, type SqlStore } from '../../src/data/sql';

const require = createRequire(import.meta.url);
// The blocking build and apache-arrow are CommonJS; loading Arrow through require gives the same
// class instances the build uses for its instanceof checks.
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof DuckDbBlocking;
const arrow = require('apache-arrow') as typeof Arrow;

const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/** Opens a fresh in-memory DuckDB with Lantern's offline settings. */
export async function openNodeDuckDb(): Promise<SqlStore & { close(): void }> {
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions=false');
  conn.query('SET autoload_known_extensions=false');
  return {
    query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]> {
      return Promise.resolve(
        conn
          .query(sql)
          .toArray()
          .map((row: { toJSON(): T }) => row.toJSON()),
      );
    },
    queryNumericColumns(sql: string): Promise<Record<string, Float64Array>> {
      return Promise.resolve(numericColumns(conn.query(sql)));
    },
    insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
      conn.insertArrowFromIPCStream(ipc, { name: table, create });
      return Promise.resolve();
    },
    async registerFile(name: string, file: Blob): Promise<void> {
      db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
    },
    dropFile(name: string): Promise<void> {
      db.dropFile(name);
      return Promise.resolve();
    },
    exportArrowIpc(table: string, maxChunkBytes = MAX_IPC_CHUNK_BYTES): Promise<Uint8Array[]> {
      const result = conn.query(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
      // Cut by rows in proportion to the whole table's size, like the app cuts by batches.
      const whole = arrow.tableToIPC(result, 'stream');
      const chunkCount = Math.max(1, Math.ceil(whole.length / maxChunkBytes));
      if (chunkCount === 1) return Promise.resolve([whole]);
      const rowsPerChunk = Math.ceil(result.numRows / chunkCount);
      const chunks: Uint8Array[] = [];
      for (let start = 0; start < result.numRows; start += rowsPerChunk) {
        chunks.push(arrow.tableToIPC(result.slice(start, start + rowsPerChunk), 'stream'));
      }
      return Promise.resolve(chunks);
    },
    close() {
      conn.close();
    },
  };
}

/** A DuckDB opened before the suite's tests and closed after them; use it like a connection. */
export function suiteDuckDb(): SqlStore {
  let opened: (SqlStore & { close(): void }) | null = null;
  const current = () => {
    if (!opened) throw new Error('suiteDuckDb is used outside its suite.');
    return opened;
  };
  beforeAll(async () => {
    opened = await openNodeDuckDb();
  });
  afterAll(() => opened?.close());
  return {
    query: (sql) => current().query(sql),
    queryNumericColumns: (sql) => current().queryNumericColumns(sql),
    insertArrowIpc: (table, ipc, create) => current().insertArrowIpc(table, ipc, create),
    registerFile: (name, file) => current().registerFile(name, file),
    dropFile: (name) => current().dropFile(name),
    exportArrowIpc: (table, maxChunkBytes) => current().exportArrowIpc(table, maxChunkBytes),
  };
}
