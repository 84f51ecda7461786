// Starts DuckDB-WASM in its own worker (AsyncDuckDB) from bundles served by this app's origin,
// with extension auto-install and auto-load off: Lantern never fetches code from elsewhere.

import {
  AsyncDuckDB,
  ConsoleLogger,
  DuckDBDataProtocol,
  LogLevel,
  type AsyncDuckDBConnection,
} from '@duckdb/duckdb-wasm';
import { RecordBatchStreamWriter } from 'apache-arrow';
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { concatColumns, numericColumns } from './arrowColumns';
import { oneAtATime } from './oneAtATime';
import { MAX_IPC_CHUNK_BYTES, sqlIdent, type SqlRow, type SqlStore } from '../sql';
import { queryName, recordTiming } from '../../lib/monitor';

export interface LanternDuckDb {
  db: AsyncDuckDB;
  /** For the UI's reads: it sees committed data only, never an import half-way. */
  read: SqlStore;
  /** For imports and other writes. */
  write: SqlStore;
  /** Where extensions would come from: the app's own origin. */
  extensionRepository: string;
}

function wrapConnection(db: AsyncDuckDB, conn: AsyncDuckDBConnection): SqlStore {
  // Every statement on this connection waits for the one before: a streamed read must not be cut short.
  const exclusive = oneAtATime();
  return {
    query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]> {
      return exclusive(async () => {
        const started = performance.now();
        let ok = false;
        try {
          const table = await conn.query(sql);
          ok = true;
          return table.toArray().map((row: { toJSON(): T }) => row.toJSON());
        } finally {
          const now = performance.now();
          recordTiming({ kind: 'query', name: queryName(sql), ms: now - started, at: now, ok });
        }
      });
    },
    queryNumericColumns(sql: string): Promise<Record<string, Float64Array>> {
      return exclusive(async () => {
        // Streamed batch by batch: reading a 100k-customer result in one piece held the page for ~200 ms.
        const parts: Record<string, Float64Array>[] = [];
        for await (const batch of await conn.send(sql)) parts.push(numericColumns(batch));
        return concatColumns(parts);
      });
    },
    insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
      return exclusive(async () => {
        await conn.insertArrowFromIPCStream(ipc, { name: table, create });
      });
    },
    async registerFile(name: string, file: Blob): Promise<void> {
      await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async dropFile(name: string): Promise<void> {
      await db.dropFile(name);
    },
    exportArrowIpc(table: string, maxChunkBytes = MAX_IPC_CHUNK_BYTES): Promise<Uint8Array[]> {
      return exclusive(() => exportStreamed(conn, table, maxChunkBytes));
    },
  };
}

// Streamed batch by batch so the main thread is never held for the whole table.
async function exportStreamed(
  conn: AsyncDuckDBConnection,
  table: string,
  maxChunkBytes: number,
): Promise<Uint8Array[]> {
  const reader = await conn.send(`SELECT * FROM ${sqlIdent(table)}`);
  const chunks: Uint8Array[] = [];
  let writer = new RecordBatchStreamWriter();
  let bytes = 0;
  for await (const batch of reader) {
    writer.write(batch);
    bytes += batch.data.byteLength;
    if (bytes >= maxChunkBytes) {
      chunks.push(writer.finish().toUint8Array(true));
      writer = new RecordBatchStreamWriter();
      bytes = 0;
    }
  }
  if (bytes > 0 || chunks.length === 0) chunks.push(writer.finish().toUint8Array(true));
  return chunks;
}

let started: Promise<LanternDuckDb> | null = null;

/** The app's one DuckDB instance, started on first use. */
export function getDuckDb(): Promise<LanternDuckDb> {
  started ??= startDuckDb();
  return started;
}

async function startDuckDb(): Promise<LanternDuckDb> {
  const worker = new Worker(new URL(duckdbWorkerUrl, document.baseURI));
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(new URL(duckdbWasmUrl, document.baseURI).href);
  await db.open({ query: { castBigIntToDouble: true } });
  const extensionRepository = new URL('duckdb-extensions', document.baseURI).href.replace(/'/g, "''");
  const read = await connectLocked(db, extensionRepository);
  const write = await connectLocked(db, extensionRepository);
  return { db, read: wrapConnection(db, read), write: wrapConnection(db, write), extensionRepository };
}

// Every connection gets the same settings: nothing is installed or loaded from outside the app.
async function connectLocked(db: AsyncDuckDB, extensionRepository: string): Promise<AsyncDuckDBConnection> {
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  await conn.query(`SET custom_extension_repository = '${extensionRepository}'`);
  return conn;
}

/** One more connection, for work that must not share a connection with the page's reads (the SQL console). */
export async function openConnection(duck: LanternDuckDb): Promise<SqlStore> {
  return wrapConnection(duck.db, await connectLocked(duck.db, duck.extensionRepository));
}
