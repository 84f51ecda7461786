// Builds the DuckDB SQL that turns a staged file (every cell as text) into typed rows of a
// workspace table, and every row it cannot take into a reject with its row, column and reason.
// A valid row an append finds already in the table is marked instead (see repeatedRowsSql). Each
// staged row ends up in exactly one of the three, so rows read = accepted + rejected + already present.

import { TABLE_SPECS, type FieldSpec } from '../schema';
import { sqlIdent, sqlString } from '../sql';
import { DATE_FORMATS, EXCEL_SERIAL, ISO_ZONE } from './dateFormats';
import type { ImportOptions } from './importOptions';
import {
  comparedColumns,
  markAddedByImportSql,
  markAlreadyPresentSql,
  skipsRowsAlreadyPresent,
} from './repeatedRowsSql';

/** Staging tables hold `__row` (spreadsheet row number), `__problem` (a parse-level problem) and c0…cN as text. */
export const stageColumn = (index: number): string => `c${index}`;

export interface ValidationPlan {
  /** Statements to run in order. */
  statements: string[];
  /** Table of checked rows: `__row`, `problems` (list of {column, reason}), the typed `p_<field>` values and
   * `already_present` (a valid row that is already in the target table, neither accepted nor rejected). */
  checkedTable: string;
}

export interface ValidationInput {
  stageTable: string;
  /** Table the accepted rows go into (created beforehand with `createTargetTableSql`). */
  targetTable: string;
  /** Customers table to check purchases against; null when no customers are known. */
  customersTable: string | null;
  headers: string[];
  options: ImportOptions;
  /** Prefix for generated purchase ids, unique per imported file. */
  idPrefix: string;
  /** Analysis "today" for the far-future check, ISO date. */
  today: string;
  /** Id of an earlier import of this very file ("Import them anyway"): the rows it added are the ones
   * already present, every other valid row is accepted. Purchases without an id column only. */
  repeatOf?: string | null;
}

/** DuckDB column type of a field in a workspace table. */
export function columnType(field: FieldSpec, kind: ImportOptions['kind']): string {
  if (kind === 'purchases' && field.name === 'is_return') return 'BOOLEAN';
  switch (field.type) {
    case 'string':
      return 'VARCHAR';
    case 'number':
      return 'DOUBLE';
    case 'integer':
      return 'BIGINT';
    case 'date':
      return field.name === 'purchase_date' ? 'TIMESTAMP' : 'DATE';
  }
}

/** Columns Lantern adds to each table besides the mapped fields. */
function extraColumns(kind: ImportOptions['kind']): [string, string][] {
  const provenance: [string, string][] = [
    ['source_file', 'VARCHAR'],
    ['source_row', 'INTEGER'],
  ];
  if (kind === 'performance') return [['ratio_mismatch', 'VARCHAR'], ...provenance];
  if (kind === 'purchases') return [['currency', 'VARCHAR'], ...provenance];
  return provenance;
}

/** CREATE TABLE for a workspace table of the given kind. */
export function createTargetTableSql(kind: ImportOptions['kind'], table: string): string {
  const spec = TABLE_SPECS[kind];
  const columns = spec.fields.map((f) => `${sqlIdent(f.name)} ${columnType(f, kind)}`);
  for (const [name, type] of extraColumns(kind)) columns.push(`${sqlIdent(name)} ${type}`);
  return `CREATE TABLE ${sqlIdent(table)} (${columns.join(', ')})`;
}

/** Fields whose values may be written as percentages: "4.70%" is 0.047 (the file's own CTR and ROAS). */
const PERCENT_FIELDS = new Set(['ctr', 'roas']);

/** The characters that may group thousands besides the one that is not the decimal separator. */
const GROUPING = "'’";

/**
 * The slow path of a number, for values a plain cast does not read: currency symbols and spaces dropped,
 * "(12.00)", "12.00-" and the Unicode minus "−12.00" read as negatives, thousands separators accepted only
 * in groups of three ("1,234.50", never "1,2,3" or a stray "12,50" in a dot-decimal file), and a trailing
 * "%" divided by 100 where percentages make sense. Anything else stays NULL: a rejected row, never a guess.
 */
function writtenNumberSql(raw: string, decimalSeparator: '.' | ',', percent: boolean): string {
  const cleaned = `regexp_replace(replace(${raw}, '−', '-'), '[\\s\\x{00A0}\\x{202F}$€£¥]', '', 'g')`;
  // Sign: "(12.00)" and "12.00-" are accounting negatives.
  const signed = `regexp_replace(regexp_replace(${cleaned}, '^\\((.+)\\)$', '-\\1'), '^([^-].*)-$', '-\\1')`;
  const body = percent ? `regexp_replace(${signed}, '%$', '')` : signed;
  const group = `[${decimalSeparator === '.' ? ',' : '.'}${GROUPING}]`;
  const dec = decimalSeparator === '.' ? '\\.' : ',';
  const plain = sqlString(`^[+-]?(\\d+(${dec}\\d*)?|${dec}\\d+)$`);
  const grouped = sqlString(`^[+-]?\\d{1,3}(${group}\\d{3})+(${dec}\\d*)?$`);
  const digitsOnly = `regexp_replace(${body}, ${sqlString(group)}, '', 'g')`;
  const normalised = decimalSeparator === '.' ? digitsOnly : `replace(${digitsOnly}, ',', '.')`;
  const value = `CASE WHEN regexp_full_match(${body}, ${plain}) OR regexp_full_match(${body}, ${grouped}) THEN TRY_CAST(${normalised} AS DOUBLE) END`;
  if (!percent) return value;
  return `CASE WHEN ends_with(${signed}, '%') THEN (${value}) / 100 ELSE ${value} END`;
}

/** Text to number, honouring the decimal separator: plain numbers cast directly and only the rest pay for
 * the clean-up, which dominates a large import's checks. */
export function numberSql(raw: string, decimalSeparator: '.' | ',', field = ''): string {
  const slow = writtenNumberSql(raw, decimalSeparator, PERCENT_FIELDS.has(field));
  if (decimalSeparator === '.') return `coalesce(TRY_CAST(${raw} AS DOUBLE), ${slow})`;
  // "1.500" in a comma-decimal file is fifteen hundred: only values without a dot take the quick cast.
  return `coalesce(CASE WHEN NOT contains(${raw}, '.') THEN TRY_CAST(replace(${raw}, ',', '.') AS DOUBLE) END, ${slow})`;
}

/** Text made only of what numbers are written with, so a hint about separators is about a number. */
const NUMBER_LIKE = "[\\d\\s.,'’()+\\-−%$€£¥]+";

/** Why a value was not read as a number, in the words of the file's own format. */
function notANumberSql(raw: string, decimalSeparator: '.' | ',', field: string): string {
  const other = decimalSeparator === '.' ? ',' : '.';
  const quoted = `'"' || left(${raw}, 40) || '"'`;
  const hints = [
    `CASE WHEN ends_with(${raw}, '%') THEN ${sqlString(
      PERCENT_FIELDS.has(field) ? '' : ': a percentage, which only CTR and ROAS may be',
    )} END`,
    `CASE WHEN contains(${raw}, ${sqlString(other)}) AND regexp_full_match(${raw}, ${sqlString(NUMBER_LIKE)}) THEN ${sqlString(
      `: this file writes decimals with "${decimalSeparator}" and groups thousands in threes`,
    )} END`,
  ];
  return `'not a number (' || ${quoted} || coalesce(${hints.join(', ')}, '') || ')'`;
}

/** Excel's serial day number as a timestamp: 1 is 1900-01-01, and day 60 is the 29 February 1900 Excel
 * invents (Lotus 1-2-3's leap-year bug), so later serials count from 1899-12-30 and 60 itself is no date. */
function excelSerialSql(raw: string, fiveDigitsOnly: boolean): string {
  const serial = `TRY_CAST(${raw} AS DOUBLE)`;
  const seconds = `CAST(round(${serial} * 86400) AS BIGINT)`;
  const shape = fiveDigitsOnly ? EXCEL_SERIAL.source.slice(1, -1) : '\\d{1,5}(\\.\\d+)?';
  return `CASE WHEN regexp_full_match(${raw}, ${sqlString(shape)}) THEN CASE
    WHEN ${serial} >= 61 THEN TIMESTAMP '1899-12-30' + to_seconds(${seconds})
    WHEN ${serial} >= 1 AND ${serial} < 60 THEN TIMESTAMP '1899-12-31' + to_seconds(${seconds}) END END`;
}

/** Text to timestamp in the chosen format; a time-zone designator is dropped so the local wall-clock date
 * is kept. A five-digit serial is read as Excel's day number whatever the format (part of a column Excel
 * turned into numbers). */
export function dateSql(raw: string, format: ImportOptions['dateFormats'][string]): string {
  if (format == null) return 'CAST(NULL AS TIMESTAMP)';
  if (format === 'excel-serial') return excelSerialSql(raw, false);
  let parsed: string;
  if (format === 'iso') {
    const noZone = `regexp_replace(${raw}, ${sqlString(`(\\d:\\d{2}(:\\d{2}(\\.\\d+)?)?)${ISO_ZONE}$`)}, '\\1')`;
    // Cheap tests first: the regular expression runs only where a zone can be.
    const mayHaveZone = `(length(${raw}) > 13 AND (right(${raw}, 1) IN ('Z', 'z', 'C', 'T') OR contains(substr(${raw}, 12), '+') OR contains(substr(${raw}, 12), '-')))`;
    parsed = `TRY_CAST(CASE WHEN ${mayHaveZone} THEN ${noZone} ELSE ${raw} END AS TIMESTAMP)`;
  } else {
    const patterns = DATE_FORMATS[format].strptime.map(sqlString).join(', ');
    parsed = `TRY_STRPTIME(${raw}, [${patterns}])`;
  }
  return `coalesce(${parsed}, ${excelSerialSql(raw, true)})`;
}

interface FieldExpr {
  field: FieldSpec;
  header: string;
  raw: string;
  parsed: string;
}

/** Builds the statements that check a staged file and split it into accepted rows and rejects. */
export function buildValidation(input: ValidationInput): ValidationPlan {
  const { options, headers, stageTable } = input;
  const spec = TABLE_SPECS[options.kind];
  const mapped = (name: string) => options.mapping[name] ?? null;
  const headerOf = (name: string) => {
    const i = mapped(name);
    return i == null ? name : (headers[i] ?? name);
  };
  const rawOf = (name: string) => {
    const i = mapped(name);
    return i == null ? 'CAST(NULL AS VARCHAR)' : `r_${name}`;
  };

  // 1. Raw text per field, trimmed; Shopify-style exports get order-level values copied down.
  const rawSelects = spec.fields
    .filter((f) => mapped(f.name) != null)
    .map((f) => {
      const i = mapped(f.name) as number;
      let expr = `NULLIF(trim(${stageColumn(i)}), '')`;
      const orderIndex = mapped('order_id');
      if (options.fillDownByOrder && orderIndex != null && f.name !== 'order_id') {
        const order = `NULLIF(trim(${stageColumn(orderIndex)}), '')`;
        expr = `coalesce(${expr}, last_value(${expr} IGNORE NULLS) OVER (PARTITION BY ${order} ORDER BY __row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))`;
      }
      return `${expr} AS r_${f.name}`;
    });

  // 2. Typed value per field.
  const exprs: FieldExpr[] = spec.fields.map((field) => {
    const raw = rawOf(field.name);
    let parsed: string;
    if (field.name === 'is_return') {
      parsed = `CASE WHEN lower(${raw}) IN ('true','t','yes','y','1','return','returned','refunded','cancelled','canceled') THEN true WHEN lower(${raw}) IN ('false','f','no','n','0') THEN false END`;
    } else if (field.type === 'string') {
      // Spreadsheet exports turn numeric ids into "17850.0"; the id is 17850.
      // The regular expression runs only on values that can match: on large files it was the costliest step.
      parsed =
        field.name.endsWith('_id') || field.name === 'id'
          ? `CASE WHEN ends_with(${raw}, '0') AND contains(${raw}, '.') THEN regexp_replace(${raw}, '^(\\d+)\\.0+$', '\\1') ELSE ${raw} END`
          : raw;
    } else if (field.type === 'date') {
      parsed = dateSql(raw, options.dateFormats[field.name] ?? null);
    } else {
      parsed = numberSql(raw, options.decimalSeparator, field.name);
    }
    return { field, header: headerOf(field.name), raw, parsed };
  });
  if (options.kind === 'purchases' && options.amountFromQuantityTimesPrice && mapped('amount') == null) {
    const amount = exprs.find((e) => e.field.name === 'amount');
    if (amount) amount.parsed = 'round(p_quantity * p_unit_price, 2)';
  }

  const problem = (condition: string, header: string, reason: string) =>
    `CASE WHEN ${condition} THEN {'column': ${sqlString(header)}, 'reason': ${reason}} END`;
  const quoted = (raw: string) => `'"' || left(${raw}, 40) || '"'`;

  const checks: string[] = [`CASE WHEN __problem IS NOT NULL THEN {'column': '(whole row)', 'reason': __problem} END`];
  for (const e of exprs) {
    const { field, header, raw } = e;
    const p = `p_${field.name}`;
    const derivedAmount = field.name === 'amount' && options.amountFromQuantityTimesPrice && mapped('amount') == null;
    if (derivedAmount) {
      // quantity and unit price are checked as required in their own right.
      continue;
    }
    const required =
      field.required ||
      (options.kind === 'purchases' &&
        options.amountFromQuantityTimesPrice &&
        mapped('amount') == null &&
        (field.name === 'quantity' || field.name === 'unit_price'));
    if (required) checks.push(problem(`${raw} IS NULL`, header, `'missing required value'`));
    if (field.type === 'date') {
      const fmt = options.dateFormats[field.name];
      const label = fmt ? DATE_FORMATS[fmt].label.split(':')[0] : 'no format chosen';
      checks.push(
        problem(
          `${raw} IS NOT NULL AND ${p} IS NULL`,
          header,
          `'not a date (' || ${quoted(raw)} || ', expected ${label} format)'`,
        ),
      );
      checks.push(
        problem(
          `${p} IS NOT NULL AND (${p} < TIMESTAMP '1900-01-01' OR ${p} > TIMESTAMP ${sqlString(input.today)} + INTERVAL 365 DAY)`,
          header,
          `'out of range (' || strftime(${p}, '%Y-%m-%d') || ')'`,
        ),
      );
    } else if (field.type === 'number' || field.type === 'integer') {
      checks.push(
        problem(
          `${raw} IS NOT NULL AND ${p} IS NULL`,
          header,
          notANumberSql(raw, options.decimalSeparator, field.name),
        ),
      );
      if (field.type === 'integer') {
        checks.push(
          problem(
            `${p} IS NOT NULL AND ${p} <> round(${p})`,
            header,
            `'not a whole number (' || ${quoted(raw)} || ')'`,
          ),
        );
      }
      const limit = field.name === 'age' ? `${p} < 0 OR ${p} > 120` : `NOT isfinite(${p}) OR abs(${p}) > 1e9`;
      checks.push(problem(`${p} IS NOT NULL AND (${limit})`, header, `'out of range (' || ${quoted(raw)} || ')'`));
      if (
        options.kind === 'performance' &&
        ['impressions', 'clicks', 'conversions', 'cost', 'revenue'].includes(field.name)
      ) {
        checks.push(problem(`${p} < 0`, header, `'out of range (negative ' || ${sqlString(field.name)} || ')'`));
      }
    } else if (field.name === 'is_return') {
      checks.push(
        problem(`${raw} IS NOT NULL AND ${p} IS NULL`, header, `'not true/false (' || ${quoted(raw)} || ')'`),
      );
    }
  }

  if (options.kind === 'performance') checks.push(...impossibleCountChecks(mapped, headerOf, problem));

  const stage = sqlIdent(stageTable);
  const checked = `${stageTable}__checked`;
  const rawCte = `SELECT __row, __problem${rawSelects.length ? ', ' + rawSelects.join(', ') : ''} FROM ${stage}`;
  const parsedSelect = exprs
    .filter((e) => !(e.parsed.includes('p_quantity') && e.field.name === 'amount'))
    .map((e) => `${e.parsed} AS p_${e.field.name}`);
  const amountDerived = exprs.find((e) => e.field.name === 'amount' && e.parsed.includes('p_quantity'));

  // Only row numbers, typed values and problems are kept: copying the raw text again cost more than the checks.
  const kept = [
    '__row',
    ...exprs.map((e) => `p_${e.field.name}`),
    ...(options.kind === 'performance'
      ? ['ctr', 'cpc', 'roas'].filter((n) => mapped(n) != null).map((n) => `r_${n}`)
      : []),
  ];
  const statements: string[] = [];
  statements.push(
    `CREATE OR REPLACE TEMP TABLE ${sqlIdent(checked)} AS
     WITH raw AS (${rawCte}),
     parsed AS (SELECT *, ${parsedSelect.join(', ')} FROM raw)
     ${amountDerived ? `, derived AS (SELECT *, ${amountDerived.parsed} AS p_amount FROM parsed)` : ''}
     SELECT ${kept.join(', ')}, list_filter([${checks.join(', ')}], x -> x IS NOT NULL) AS problems, false AS already_present
     FROM ${amountDerived ? 'derived' : 'parsed'}`,
  );

  // 3. Row-set checks: duplicate ids (first valid occurrence kept) and unknown customers.
  const target = sqlIdent(input.targetTable);
  const uniqueField = spec.fields.find((f) => f.unique && mapped(f.name) != null);
  if (uniqueField) {
    const p = `p_${uniqueField.name}`;
    const header = headerOf(uniqueField.name);
    statements.push(
      `UPDATE ${sqlIdent(checked)} AS c SET problems = list_append(c.problems, {'column': ${sqlString(header)}, 'reason': 'duplicate id "' || c.${p} || '" (already imported)'})
       WHERE len(c.problems) = 0 AND c.${p} IN (SELECT ${sqlIdent(uniqueField.name)} FROM ${target})`,
    );
    statements.push(
      `UPDATE ${sqlIdent(checked)} AS c SET problems = list_append(c.problems, {'column': ${sqlString(header)}, 'reason': 'duplicate id "' || c.${p} || '" (first at row ' || d.first_row || ')'})
       FROM (SELECT __row, min(__row) OVER (PARTITION BY ${p}) AS first_row FROM ${sqlIdent(checked)} WHERE len(problems) = 0 AND ${p} IS NOT NULL) AS d
       WHERE c.__row = d.__row AND d.first_row <> c.__row`,
    );
  }
  if (options.kind === 'performance') {
    // A campaign has one row per day: a second row would double its spend in every total.
    const header = `${headerOf('campaign_id')}, ${headerOf('date')}`;
    const day = `strftime(c.p_date, '%Y-%m-%d')`;
    statements.push(
      `UPDATE ${sqlIdent(checked)} AS c SET problems = list_append(c.problems, {'column': ${sqlString(header)}, 'reason': 'duplicate campaign and date ("' || c.p_campaign_id || '", ' || ${day} || ', already imported)'})
       WHERE len(c.problems) = 0 AND (c.p_campaign_id, CAST(c.p_date AS DATE)) IN (SELECT (campaign_id, date) FROM ${target})`,
    );
    statements.push(
      `UPDATE ${sqlIdent(checked)} AS c SET problems = list_append(c.problems, {'column': ${sqlString(header)}, 'reason': 'duplicate campaign and date ("' || c.p_campaign_id || '", ' || ${day} || ', first at row ' || d.first_row || ')'})
       FROM (SELECT __row, min(__row) OVER (PARTITION BY p_campaign_id, CAST(p_date AS DATE)) AS first_row FROM ${sqlIdent(checked)} WHERE len(problems) = 0) AS d
       WHERE c.__row = d.__row AND d.first_row <> c.__row`,
    );
  }
  if (options.kind === 'purchases' && input.customersTable && options.unknownCustomers === 'reject') {
    statements.push(
      `UPDATE ${sqlIdent(checked)} AS c SET problems = list_append(c.problems, {'column': ${sqlString(headerOf('customer_id'))}, 'reason': 'unknown customer "' || c.p_customer_id || '" (not in the customers table)'})
       WHERE len(c.problems) = 0 AND c.p_customer_id NOT IN (SELECT customer_id FROM ${sqlIdent(input.customersTable)})`,
    );
  }
  // 4. Rows already in the table, once every other check has passed (a rejected row is never "already there").
  if (input.repeatOf && options.kind === 'purchases' && mapped('id') == null) {
    statements.push(markAddedByImportSql(checked, input.targetTable, input.repeatOf));
  } else if (skipsRowsAlreadyPresent(options)) {
    const columns = comparedColumns(options).map((field) => ({
      column: field.name,
      value: storedValueSql(field, input),
    }));
    if (columns.length > 0) statements.push(markAlreadyPresentSql(checked, input.targetTable, columns));
  }
  return { statements, checkedTable: checked };
}

/** Counts that cannot happen: more clicks than impressions, more conversions than clicks. */
function impossibleCountChecks(
  mapped: (name: string) => number | null,
  headerOf: (name: string) => string,
  problem: (condition: string, header: string, reason: string) => string,
): string[] {
  const checks: string[] = [];
  const pairs: [string, string, string][] = [
    ['clicks', 'impressions', ''],
    // Lantern's conversion rate is per click; view-through conversions would push it past 100 %.
    ['conversions', 'clicks', ' (conversion rate is per click: keep view-through conversions out of this column)'],
  ];
  for (const [more, fewer, why] of pairs) {
    if (mapped(more) == null || mapped(fewer) == null) continue;
    const [p, q] = [`p_${more}`, `p_${fewer}`];
    // Checked values are doubles here; "35" reads better than "35.0".
    const text = (v: string) =>
      `CASE WHEN ${v} = round(${v}) THEN CAST(CAST(${v} AS BIGINT) AS VARCHAR) ELSE CAST(${v} AS VARCHAR) END`;
    checks.push(
      problem(
        `${p} IS NOT NULL AND ${q} IS NOT NULL AND ${p} > ${q}`,
        headerOf(more),
        `'more ${more} (' || ${text(p)} || ') than ${fewer} (' || ${text(q)} || ')${why}'`,
      ),
    );
  }
  return checks;
}

/** A field's value as the target table stores it, computed from a checked row's typed values. */
export function storedValueSql(field: FieldSpec, input: ValidationInput): string {
  const { options } = input;
  const p = `p_${field.name}`;
  if (options.kind === 'purchases' && field.name === 'id') {
    return options.mapping.id == null ? `${sqlString(input.idPrefix)} || ':' || __row` : p;
  }
  if (options.kind === 'purchases' && field.name === 'is_return') {
    const prefix = options.cancellationPrefix;
    const byPrefix =
      prefix && options.mapping.order_id != null ? ` OR starts_with(p_order_id, ${sqlString(prefix)})` : '';
    return `(coalesce(p_is_return, false) OR p_amount < 0 OR coalesce(p_quantity, 0) < 0${byPrefix})`;
  }
  if (field.type === 'date' && field.name !== 'purchase_date') return `CAST(${p} AS DATE)`;
  if (field.type === 'integer') return `CAST(${p} AS BIGINT)`;
  return p;
}

/** Inserts the accepted rows of a checked file into the target table (rows already there are not accepted). */
export function insertAcceptedSql(input: ValidationInput, checkedTable: string, fileName: string): string {
  const { options } = input;
  const spec = TABLE_SPECS[options.kind];
  const values = spec.fields.map((f) => storedValueSql(f, input));
  if (options.kind === 'performance') values.push(ratioMismatchSql(options));
  if (options.kind === 'purchases') values.push(sqlString(options.currency));
  values.push(sqlString(fileName), '__row');
  return `INSERT INTO ${sqlIdent(input.targetTable)} SELECT ${values.join(', ')} FROM ${sqlIdent(checkedTable)} WHERE len(problems) = 0 AND NOT already_present ORDER BY __row`;
}

/** Names the file's own CTR/CPC/ROAS values that disagree with the ones computed from its raw columns,
 * allowing for the rounding the file's own number of decimals implies. */
function ratioMismatchSql(options: ImportOptions): string {
  const decimalSeparator = options.decimalSeparator;
  const check = (name: string, computed: string) => {
    const p = `p_${name}`;
    const sep = decimalSeparator === '.' ? '\\.' : ',';
    const decimals = `length(regexp_extract(r_${name}, '${sep}(\\d+)\\s*%?$', 1))`;
    // "4.70%" was stored as 0.047: its last digit is a hundredth of a percent.
    const unit = `CASE WHEN ends_with(r_${name}, '%') THEN 0.01 ELSE 1 END`;
    const tolerance = `(0.5 * pow(10, -${decimals}) * ${unit} + 1e-9 + 0.001 * abs(${p}))`;
    const close = (a: string) => `abs(${p} - (${a})) <= ${tolerance}`;
    // CTR is often written as a percentage.
    const percentOk = name === 'ctr' ? ` OR ${close(`100 * ${computed}`)}` : '';
    return `CASE WHEN ${p} IS NOT NULL AND (${computed}) IS NOT NULL AND NOT (${close(computed)}${percentOk}) THEN '${name}' END`;
  };
  const ratios: [string, string][] = [
    ['ctr', 'p_clicks / NULLIF(p_impressions, 0)'],
    ['cpc', 'p_cost / NULLIF(p_clicks, 0)'],
    ['roas', 'p_revenue / NULLIF(p_cost, 0)'],
  ];
  const parts = ratios
    .filter(([name]) => options.mapping[name] != null)
    .map(([name, computed]) => check(name, computed));
  return parts.length ? `NULLIF(concat_ws(', ', ${parts.join(', ')}), '')` : 'CAST(NULL AS VARCHAR)';
}

/** Creates the table of rejected rows: row number, columns, reasons, then the row as it was in the file. */
export function createRejectsSql(
  stageTable: string,
  checkedTable: string,
  rejectsTable: string,
  headers: string[],
): string {
  const original = headers.map((h, i) => `${stageColumn(i)} AS ${sqlIdent(h)}`);
  return `CREATE OR REPLACE TABLE ${sqlIdent(rejectsTable)} AS
    SELECT __row AS _row,
      array_to_string(list_distinct(list_transform(problems, x -> x.column)), ', ') AS _column,
      array_to_string(list_transform(problems, x -> x.column || ': ' || x.reason), '; ') AS _reason
      ${original.length ? ', ' + original.join(', ') : ''}
    FROM ${sqlIdent(checkedTable)} JOIN ${sqlIdent(stageTable)} USING (__row)
    WHERE len(problems) > 0 ORDER BY __row`;
}
