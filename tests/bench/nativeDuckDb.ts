// Reference 1: native DuckDB (@duckdb/node-api) loading the same CSV and computing the same features.

import { DuckDBInstance } from '@duckdb/node-api';
import { LAST_PURCHASE_DATE_SQL, customerFeaturesSql } from '../../src/data/features/customerFeaturesSql';

export interface NativeRun {
  importMs: number;
  featuresMs: number;
  rows: number;
  customers: number;
}

/** Loads the CSV into a fresh in-memory native DuckDB (2 threads, like the machine) and builds the features. */
export async function nativeDuckDbRun(csvPath: string): Promise<NativeRun> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  const started = performance.now();
  await conn.run(`CREATE TABLE purchases AS SELECT * FROM read_csv('${csvPath.replace(/'/g, "''")}', header = true)`);
  const importMs = performance.now() - started;
  const featuresStarted = performance.now();
  const lastDay = (await conn.runAndReadAll(LAST_PURCHASE_DATE_SQL)).getRowObjectsJson()[0]?.d as string;
  await conn.run(customerFeaturesSql(lastDay));
  const featuresMs = performance.now() - featuresStarted;
  const rows = Number((await conn.runAndReadAll('SELECT count(*) AS n FROM purchases')).getRowObjectsJson()[0]?.n);
  const customers = Number(
    (await conn.runAndReadAll('SELECT count(*) AS n FROM customer_features')).getRowObjectsJson()[0]?.n,
  );
  conn.closeSync();
  instance.closeSync();
  return { importMs, featuresMs, rows, customers };
}
