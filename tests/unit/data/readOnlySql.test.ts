import { describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../../src/data/sqlConsole/readOnlySql';

describe('the SQL console’s read-only check', () => {
  it.each([
    'SELECT * FROM purchases LIMIT 10',
    'select count(*) from customers;',
    "WITH t AS (SELECT 'drop table x' AS s) SELECT * FROM t",
    'FROM purchases SELECT customer_id',
    'DESCRIBE purchases',
    'SHOW TABLES',
    'SUMMARIZE campaign_performance',
    'EXPLAIN SELECT 1',
    'SELECT "update" FROM t -- delete everything\n',
    '/* insert */ SELECT 1',
  ])('runs %s', (sql) => {
    expect(checkReadOnly(sql)).toMatchObject({ ok: true });
  });

  it.each([
    ['DROP TABLE purchases', /"DROP" statements are refused/],
    ['  drop table purchases;', /"DROP" statements are refused/],
    ['DELETE FROM customers', /"DELETE" statements are refused/],
    ['WITH t AS (SELECT 1) INSERT INTO x SELECT * FROM t', /INSERT is refused/],
    ['EXPLAIN ANALYZE DELETE FROM customers', /"DELETE" statements are refused/],
    ['SELECT 1; DROP TABLE purchases', /one statement at a time/],
    ["COPY purchases TO 'out.csv'", /"COPY" statements are refused/],
    ['SET threads = 1', /"SET" statements are refused/],
    ["ATTACH 'x.db'", /"ATTACH" statements are refused/],
    ['   ', /Type a query first/],
  ])('refuses %s', (sql, reason) => {
    const check = checkReadOnly(sql);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('keeps the statement’s text without its semicolon and says whether it can be exported whole', () => {
    expect(checkReadOnly('  SELECT 1 ;  ')).toEqual({ ok: true, statement: 'SELECT 1', isQuery: true });
    expect(checkReadOnly('DESCRIBE purchases')).toMatchObject({ ok: true, isQuery: false });
    expect(checkReadOnly("SELECT ';' AS s;")).toEqual({ ok: true, statement: "SELECT ';' AS s", isQuery: true });
  });
});
