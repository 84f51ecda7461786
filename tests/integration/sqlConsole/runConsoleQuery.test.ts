// The SQL console against DuckDB (the same WASM engine as the browser) on imported demo purchases.

import { beforeAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import { readConsoleSchema, runConsoleQuery } from '../../../src/data/sqlConsole/runConsoleQuery';
import { formulaSafeSelect } from '../../../src/data/csvExportSql';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

beforeAll(async () => {
  await importWithProposal(
    db,
    demoFiles({ customers: 200 }).map((f) => fileFrom(f.name, f.text)),
  );
}, 60_000);

describe('the SQL console', () => {
  it('returns typed columns and text cells, and the full count beyond the row limit', async () => {
    const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases');
    const result = await runConsoleQuery(
      db,
      'SELECT customer_id, purchase_date, amount FROM purchases ORDER BY purchase_date',
      50,
    );
    expect(result.columns).toEqual([
      { name: 'customer_id', type: 'VARCHAR' },
      { name: 'purchase_date', type: 'TIMESTAMP' },
      { name: 'amount', type: 'DOUBLE' },
    ]);
    expect(result.rows).toHaveLength(50);
    expect(result.truncated).toBe(true);
    expect(result.totalRows).toBe(Number(count!.n));
    expect(result.rows[0]![1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('runs DESCRIBE and SHOW without a limit wrapper', async () => {
    const describe_ = await runConsoleQuery(db, 'DESCRIBE campaigns');
    expect(describe_.rows.map((r) => r[0])).toContain('campaign_id');
    const tables = await runConsoleQuery(db, 'SHOW TABLES');
    expect(tables.rows.flat()).toContain('purchases');
  });

  it('refuses DROP TABLE with the reason and leaves the table alone', async () => {
    await expect(runConsoleQuery(db, 'DROP TABLE purchases')).rejects.toThrow(
      /read-only: "DROP" statements are refused/,
    );
    const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases');
    expect(Number(count!.n)).toBeGreaterThan(0);
  });

  it('passes on DuckDB’s own error and ends its transaction', async () => {
    await expect(runConsoleQuery(db, 'SELECT no_such_column FROM purchases')).rejects.toThrow(/no_such_column/);
    // a transaction left open would make this BEGIN fail
    expect((await runConsoleQuery(db, 'SELECT 1 AS one')).rows).toEqual([['1']]);
  });

  it('lists the workspace tables and their columns', async () => {
    const schema = await readConsoleSchema(db);
    expect(schema.find((t) => t.table === 'purchases')!.columns).toContain('amount');
    expect(schema.some((t) => t.table.startsWith('rejects_'))).toBe(false);
  });
});

describe('the console export', () => {
  it('neutralises spreadsheet formulas in any text column, and leaves numbers and dates as they are', async () => {
    const query = `SELECT '=HYPERLINK("x")' AS f, -3 AS n, DATE '2026-01-02' AS d, ['@a'] AS l, '-2 days'::INTERVAL AS i`;
    const rows = await db.query(await formulaSafeSelect(db, query));
    expect(rows).toEqual([{ f: `'=HYPERLINK("x")`, n: -3, d: Date.UTC(2026, 0, 2), l: '[@a]', i: "'-2 days" }]);
  });
});
