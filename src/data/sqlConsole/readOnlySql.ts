// Decides whether a statement typed into the SQL console may run: one statement that only reads.
// The console runs it inside a transaction that is always rolled back as well, so this check is the
// first of two walls, and the one that gives the user a clear reason.

export type ReadOnlyCheck = { ok: true; statement: string; isQuery: boolean } | { ok: false; reason: string };

// Statements that only read. EXPLAIN is allowed when the statement it explains is (EXPLAIN ANALYZE runs it).
const READING = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN']);
// Their results can be wrapped in COPY (…) TO for a full export.
const QUERIES = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);
// Words that change data, schema, settings or files, or reach outside the database; refused anywhere
// outside quotes (a CTE can wrap an INSERT, a SELECT can hide nothing else).
const WRITING = [
  'INSERT',
  'UPDATE',
  'DELETE',
  'DROP',
  'CREATE',
  'ALTER',
  'TRUNCATE',
  'MERGE',
  'COPY',
  'EXPORT',
  'IMPORT',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'SET',
  'RESET',
  'PRAGMA',
  'CALL',
  'CHECKPOINT',
  'VACUUM',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
  'USE',
  'GRANT',
  'REVOKE',
];

/** The statement with comments, string literals and quoted identifiers blanked out (same length). */
function blankQuoted(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      const stop = Math.min(sql.length, j + 1);
      // Keep the quotes so "a""b" stays one token; blank what is inside.
      out += c + ' '.repeat(Math.max(0, stop - i - 2)) + (stop - i >= 2 ? c : '');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Whether the console may run `sql`, and if not, why. */
export function checkReadOnly(sql: string): ReadOnlyCheck {
  const blanked = blankQuoted(sql);
  // One statement: a trailing semicolon is fine, a second statement is not.
  const parts = blanked.split(';');
  const nonEmpty = parts.filter((p) => p.trim() !== '');
  if (nonEmpty.length === 0)
    return { ok: false, reason: 'Type a query first, for example SELECT * FROM purchases LIMIT 10.' };
  if (nonEmpty.length > 1)
    return { ok: false, reason: 'Run one statement at a time (found more than one, separated by ";").' };
  const words = blanked.toUpperCase().match(/[A-Z_][A-Z0-9_]*/g) ?? [];
  let first = words[0] ?? '';
  let rest = words.slice(1);
  if (first === 'EXPLAIN') {
    if (rest[0] === 'ANALYZE' || rest[0] === 'ANALYSE') rest = rest.slice(1);
    first = rest[0] ?? '';
  }
  if (!READING.has(first)) {
    return {
      ok: false,
      reason: `The SQL console is read-only: "${first || sql.trim().slice(0, 20)}" statements are refused. Use SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN; data changes go through the Data page, so nothing is lost by accident.`,
    };
  }
  const writing = words.find((w) => WRITING.includes(w));
  if (writing) {
    return {
      ok: false,
      reason: `The SQL console is read-only: ${writing} is refused (it would change data, settings or files). Quote it ("${writing.toLowerCase()}") if it is a column name.`,
    };
  }
  // The statement's own text (comments kept), without the semicolons around it.
  let offset = 0;
  let statement = sql;
  for (const part of parts) {
    if (part.trim() !== '') {
      statement = sql.slice(offset, offset + part.length).trim();
      break;
    }
    offset += part.length + 1;
  }
  return { ok: true, statement, isQuery: QUERIES.has(words[0] ?? '') };
}
