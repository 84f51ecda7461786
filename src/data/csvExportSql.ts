// The SELECT every CSV download DuckDB writes goes through (queryToCsv): whatever the query, each column
// that could hold text is read as text and made formula-safe (csvSafeSql, the page's formulaSafe in SQL),
// so no export has to remember to do it.

import { csvSafeSql, sqlIdent, type SqlConnection } from './sql';

// Column types whose text can never read as a formula (a negative number stays as it is, as in the page).
const PLAIN_TYPES =
  /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(.*\)|BOOLEAN|DATE|TIMESTAMP.*)$/;

/** `selectSql` wrapped so that every text cell of its result is formula-safe; columns and order kept. */
export async function formulaSafeSelect(conn: SqlConnection, selectSql: string): Promise<string> {
  const source = `(${selectSql}) AS exported`;
  const columns = await conn.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${source}`);
  const cells = columns.map(({ column_name: name, column_type: type }) =>
    PLAIN_TYPES.test(type)
      ? sqlIdent(name)
      : `${csvSafeSql(`CAST(${sqlIdent(name)} AS VARCHAR)`)} AS ${sqlIdent(name)}`,
  );
  return `SELECT ${cells.join(', ')} FROM ${source}`;
}
