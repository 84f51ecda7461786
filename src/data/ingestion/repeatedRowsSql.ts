// Recognises the rows of an appended file that are already in the table when the file has no column
// for the table's unique id (a purchases export without line ids): a row is compared with the table's
// rows on every mapped column, as multisets, so the same export added twice adds nothing while lines
// a file itself repeats (two identical lines of one invoice) survive.

import { TABLE_SPECS, type FieldSpec } from '../schema';
import { sqlIdent, sqlString } from '../sql';
import type { ImportOptions } from './importOptions';

/** Whether the table's unique id is missing from the file, so only whole rows can say what is already there.
 * Only an optional id can be missing (a purchase line id): a file without a required one is not imported. */
export function identifiedByWholeRows(options: ImportOptions): boolean {
  const unique = TABLE_SPECS[options.kind].fields.find((f) => f.unique);
  return unique != null && !unique.required && options.mapping[unique.name] == null;
}

/** Whether an import skips the rows already in the table: appending, no id column, not told to keep them. */
export function skipsRowsAlreadyPresent(options: ImportOptions): boolean {
  return options.mode === 'append' && !options.keepRepeatedRows && identifiedByWholeRows(options);
}

/** The fields two rows must agree on: every mapped one, and an amount derived from quantity × unit price. */
export function comparedColumns(options: ImportOptions): FieldSpec[] {
  const derivedAmount =
    options.kind === 'purchases' && options.amountFromQuantityTimesPrice && options.mapping.amount == null;
  return TABLE_SPECS[options.kind].fields.filter(
    (f) => !f.unique && (options.mapping[f.name] != null || (derivedAmount && f.name === 'amount')),
  );
}

export interface ComparedColumn {
  /** Column of the target table. */
  column: string;
  /** The same value computed from a checked row, typed as the table stores it. */
  value: string;
}

/**
 * Marks the checked rows already in the target: identical valid rows of the file are numbered in file
 * order (k = 1, 2, …) and the table's identical rows counted (c); the k-th copy is there when k ≤ c.
 * NULL equals NULL (grouping and IS NOT DISTINCT FROM); ids, source file and row are never compared.
 */
export function markAlreadyPresentSql(checkedTable: string, targetTable: string, columns: ComparedColumn[]): string {
  const keys = columns.map((_, i) => `k${i}`);
  const fileSide = columns.map((c, i) => `${c.value} AS k${i}`).join(', ');
  const tableSide = columns.map((c, i) => `${sqlIdent(c.column)} AS k${i}`).join(', ');
  const matches = keys.map((k) => `f.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ');
  const checked = sqlIdent(checkedTable);
  return `UPDATE ${checked} AS c SET already_present = true
    FROM (
      SELECT f.__row
      FROM (SELECT __row, ${keys.join(', ')}, row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY __row) AS nth
            FROM (SELECT __row, ${fileSide} FROM ${checked} WHERE len(problems) = 0)) AS f
      JOIN (SELECT ${keys.join(', ')}, count(*) AS copies
            FROM (SELECT ${tableSide} FROM ${sqlIdent(targetTable)}) GROUP BY ${keys.join(', ')}) AS t
        ON ${matches}
      WHERE f.nth <= t.copies
    ) AS d
    WHERE c.__row = d.__row`;
}

/**
 * Marks the checked rows an earlier import of this very file added (their generated ids are
 * `<import id>:<row>`), for "Import them anyway": what it skipped is then accepted, nothing twice.
 */
export function markAddedByImportSql(checkedTable: string, targetTable: string, importId: string): string {
  const prefix = sqlString(`${importId}:`);
  return `UPDATE ${sqlIdent(checkedTable)} AS c SET already_present = true
    WHERE len(c.problems) = 0
      AND (${prefix} || c.__row) IN (SELECT id FROM ${sqlIdent(targetTable)} WHERE starts_with(id, ${prefix}))`;
}
