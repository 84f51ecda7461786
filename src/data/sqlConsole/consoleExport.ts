// The SELECT behind the console's CSV export.

import { csvSafeSql } from '../sql';

/** A query's whole result as spreadsheet-safe text: every column cast to text, formulas neutralised. */
export function consoleExportSql(statement: string): string {
  return `SELECT ${csvSafeSql('COLUMNS(*)::VARCHAR')} FROM (${statement})`;
}
