// Command line front end of the demo-data generator: writes customers.csv, purchases.csv, campaigns.csv and
// campaign_performance.csv into a folder. The only demo file allowed to use Node APIs; purchases are streamed to disk,
// so millions of rows never sit in memory as one string.
//
//   tsx src/data/demo/cli.ts --customers 5000 --out demo-data [--seed 42] [--rows 1000000] [--end 2026-10-31]

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDemoStream, type DemoOptions } from './generateDemo';
import { demoCsvStreams } from './toCsv';

const USAGE = `Usage: tsx src/data/demo/cli.ts --customers N --out DIR [--seed S] [--rows N] [--end YYYY-MM-DD]

  --customers N   number of customers (default 5000)
  --out DIR       folder for the four CSV files (created if missing)
  --seed S        random seed; the same arguments give the same files (default 42)
  --rows N        target number of purchase rows (default: whatever the customers buy)
  --end DATE      last day of the data; purchases cover the two years up to it (default 2026-10-31)`;

interface CliArguments {
  options: DemoOptions;
  outDir: string;
}

/** Reads the flags; throws with a message meant for the user when one is missing or malformed. */
function parseArguments(argv: readonly string[]): CliArguments | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (flag === '--help' || flag === '-h') return 'help';
    const [name, inlineValue] = flag.startsWith('--') ? flag.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (!name || !['customers', 'out', 'seed', 'rows', 'end'].includes(name))
      throw new Error(`unknown argument '${flag}'`);
    const value = inlineValue ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  const outDir = values.get('out');
  if (!outDir) throw new Error('--out DIR is required');
  const integer = (name: string, min: number): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer ≥ ${min}, got '${text}'`);
    return value;
  };
  const options: DemoOptions = {};
  const customers = integer('customers', 1);
  const seed = integer('seed', Number.MIN_SAFE_INTEGER);
  const rows = integer('rows', 0);
  const end = values.get('end');
  if (customers !== undefined) options.customers = customers;
  if (seed !== undefined) options.seed = seed;
  if (rows !== undefined) options.purchases = rows;
  if (end !== undefined) options.endDate = end;
  return { options, outDir };
}

function main(): void {
  let parsed: CliArguments | 'help';
  try {
    parsed = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`demo-data: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const startedMs = performance.now();
  const stream = generateDemoStream(parsed.options);
  const outDir = resolve(parsed.outDir);
  mkdirSync(outDir, { recursive: true });
  const { options, plantedDrop } = stream;
  console.log(
    `Demo data: seed ${options.seed}, ${options.customers} customers, purchases ${options.startDate} to ${options.endDate}` +
      (options.purchases === null ? '' : `, target ${options.purchases} purchase rows`),
  );
  for (const file of demoCsvStreams(stream)) {
    const path = join(outDir, file.name);
    const fd = openSync(path, 'w');
    let rows = 0;
    try {
      // synchronous writes keep memory flat: each chunk is on disk before the next one is built
      for (const chunk of file.chunks()) {
        writeSync(fd, chunk.text);
        rows += chunk.rows;
      }
    } finally {
      closeSync(fd);
    }
    console.log(`  ${String(rows).padStart(9)} rows  ${path}`);
  }
  console.log(
    `Planted drop: ${plantedDrop.campaignId} (${plantedDrop.campaignName}) converts at ` +
      `${plantedDrop.conversionRateFactor}× from ${plantedDrop.date}.`,
  );
  console.log(`Done in ${((performance.now() - startedMs) / 1000).toFixed(1)} s.`);
}

main();
