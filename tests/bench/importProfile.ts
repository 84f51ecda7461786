// Where an import's time goes, in Node: parsing, Arrow batches, DuckDB insert, checks.
// Run: npm run bench -- [purchaseRows]

import { generateDemo } from '../../src/data/demo/generateDemo';
import { demoToCsvFiles } from '../../src/data/demo/toCsv';
import { delimitedRecords } from '../../src/data/ingestion/parseDelimited';
import { stageFile } from '../../src/data/ingestion/stageFile';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { openNodeDuckDb } from '../support/nodeDuckDb';

const rows = Number(process.argv[2] ?? 200_000);
const csv =
  demoToCsvFiles(generateDemo({ customers: Math.ceil(rows / 12), purchases: rows })).find(
    (f) => f.name === 'purchases.csv',
  )?.text ?? '';
const file = fileFrom('purchases.csv', csv);
console.log(`file: ${(file.size / 1e6).toFixed(1)} MB`);

let t = performance.now();
let n = 0;
for await (const batch of delimitedRecords(file, { format: 'csv', delimiter: ',', newline: '\n', encoding: 'utf-8' }))
  n += batch.length;
console.log(`parse only: ${n} records in ${(performance.now() - t).toFixed(0)} ms`);

const headers = csv.slice(0, csv.indexOf('\n')).split(',');
t = performance.now();
await stageFile(
  file,
  {
    format: 'csv',
    dialect: { format: 'csv', delimiter: ',', newline: '\n', encoding: 'utf-8' },
    hasHeader: true,
    headers,
    encoding: 'utf-8',
  },
  () => Promise.resolve(),
);
console.log(`parse + Arrow batches: ${(performance.now() - t).toFixed(0)} ms`);

const db = await openNodeDuckDb();
t = performance.now();
const [report] = await importWithProposal(db, [file]);
console.log(
  `whole import (parse, Arrow, insert, checks): ${(performance.now() - t).toFixed(0)} ms, accepted ${report?.accepted}`,
);
db.close();

// Per-statement timings of the SQL side.
const timed = await openNodeDuckDb();
const times: [string, number][] = [];
const wrapped = {
  ...timed,
  async query<T extends Record<string, unknown>>(sql: string) {
    const s = performance.now();
    const r = await timed.query<T>(sql);
    times.push([sql.replace(/\s+/g, ' ').slice(0, 70), performance.now() - s]);
    return r;
  },
  async insertArrowIpc(table: string, ipc: Uint8Array, create: boolean) {
    const s = performance.now();
    await timed.insertArrowIpc(table, ipc, create);
    times.push([`insert arrow into ${table}`, performance.now() - s]);
  },
};
await importWithProposal(wrapped, [file]);
const merged = new Map<string, number>();
for (const [k, v] of times) merged.set(k, (merged.get(k) ?? 0) + v);
for (const [k, v] of [...merged].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`${v.toFixed(0).padStart(6)} ms  ${k}`);
timed.close();
