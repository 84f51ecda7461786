// The decimal separator and date orders of one file's mapping, decided on the file's evidence and said in
// words: what settled each, what could be read either way, what will be rejected, and which the user must
// answer before the import can start (the file cannot settle it). Pure; the Data page shows the sentences.

import { TABLE_SPECS } from '../schema';
import {
  decideFormat,
  emptyEvidence,
  mergeTally,
  type ColumnEvidence,
  type DayOrderSide,
  type DecimalSide,
  type FormatDecision,
  type Tally,
} from './formatEvidence';
import type { ImportOptions } from './importOptions';

/** Where the evidence came from, for the sentences: "the whole file" or "64 places spread through the file". */
export interface FileEvidence {
  columns: ColumnEvidence[];
  scope: string;
}

interface FindingBase {
  /** "decimal", or the date field's name. */
  subject: string;
  text: string;
  /** Values of the file that could be read either way (the question shows both readings of the first). */
  eitherExamples: string[];
}

export type FormatFinding =
  | (FindingBase & { kind: 'decimal'; decision: FormatDecision<DecimalSide> })
  | (FindingBase & { kind: 'date'; field: string; decision: FormatDecision<DayOrderSide> });

const DECIMAL_SIDES = ['.', ','] as const;
const DAY_ORDER_SIDES = ['dmy', 'mdy'] as const;

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;
const settle = (count: number) => (count === 1 ? 'settles it' : 'settle it');
const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

/** The number a written value is with `side` as its decimal separator, for the question's two readings. */
export function readNumberWith(value: string, side: DecimalSide): string {
  const group = side === '.' ? ',' : '.';
  const digits = value
    .replace(/[^\d.,]/g, '')
    .split(group)
    .join('')
    .replace(side, '.');
  return Number(digits).toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: false });
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** The day a written date is in `order`, for the question's two readings ("3 April 2024"). */
export function readDateWith(value: string, order: DayOrderSide): string {
  const [a = '', b = '', year = ''] = value.trim().split(/[./\- T]/);
  const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  return `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

function decimalText(tally: Tally<DecimalSide>, decision: FormatDecision<DecimalSide>, scope: string): string {
  const either = tally.examples.either[0];
  const eitherPart =
    tally.counts.either > 0 && either
      ? `${plural(tally.counts.either, 'value', 'values')} such as "${either}" could be read either way`
      : '';
  if (decision.status === 'ask') {
    if (decision.against === 0 && either) {
      return `"${either}" could be ${readNumberWith(either, ',')} or ${readNumberWith(either, '.')}: ${eitherPart}, and none in ${scope} settles it. Which decimal separator does this file use?`;
    }
    return `The amounts disagree in ${scope}: ${plural(tally.counts[','], 'value reads', 'values read')} only with "," (${quoted(tally.examples[','])}) and ${plural(tally.counts['.'], 'value', 'values')} only with "." (${quoted(tally.examples['.'])}). Which decimal separator does this file use?`;
  }
  if (decision.choice === null) return '';
  const other = decision.choice === '.' ? ',' : '.';
  let text = `Decimals are written with "${decision.choice}": ${plural(tally.counts[decision.choice], 'value', 'values')} in ${scope} ${settle(tally.counts[decision.choice])} (${quoted(tally.examples[decision.choice])})`;
  if (eitherPart) text += `; ${eitherPart} and are read the same way`;
  text += '.';
  if (decision.status === 'majority') {
    text += ` ${plural(decision.against, 'value reads', 'values read')} only with "${other}" (${quoted(tally.examples[other])}): ${decision.against === 1 ? 'it' : 'they'} will be rejected, not stored as a different number.`;
  }
  return text;
}

const ORDER_LABEL: Record<DayOrderSide, string> = { dmy: 'day first', mdy: 'month first' };

function dateText(
  label: string,
  tally: Tally<DayOrderSide>,
  decision: FormatDecision<DayOrderSide>,
  scope: string,
): string {
  const either = tally.examples.either[0];
  const eitherPart =
    tally.counts.either > 0 && either
      ? `${plural(tally.counts.either, 'date', 'dates')} such as "${either}" could be read either way`
      : '';
  if (decision.status === 'ask') {
    if (decision.against === 0 && either) {
      return `${label}: "${either}" could be ${readDateWith(either, 'dmy')} or ${readDateWith(either, 'mdy')}. ${eitherPart}, and none in ${scope} has a day above 12. Which order does this file use?`;
    }
    return `${label}: the dates disagree in ${scope}: ${plural(tally.counts.dmy, 'reads', 'read')} only day first (${quoted(tally.examples.dmy)}) and ${n(tally.counts.mdy)} only month first (${quoted(tally.examples.mdy)}). Which order does this file use?`;
  }
  if (decision.choice === null) return '';
  const other: DayOrderSide = decision.choice === 'dmy' ? 'mdy' : 'dmy';
  let text = `${label} is written ${ORDER_LABEL[decision.choice]}: ${plural(tally.counts[decision.choice], 'date', 'dates')} in ${scope} ${settle(tally.counts[decision.choice])} (${quoted(tally.examples[decision.choice])})`;
  if (eitherPart) text += `; ${eitherPart} and are read the same way`;
  text += '.';
  if (decision.status === 'majority') {
    text += ` ${plural(decision.against, 'date reads', 'dates read')} only ${ORDER_LABEL[other]} (${quoted(tally.examples[other])}): ${decision.against === 1 ? 'it' : 'they'} will be rejected.`;
  }
  return text;
}

/** The decimal separator over every numeric column the mapping uses, and the day order of each mapped day/month date field. */
export function formatFindings(evidence: FileEvidence | undefined, options: ImportOptions): FormatFinding[] {
  if (!evidence) return [];
  const column = (index: number | null | undefined) => (index == null ? undefined : evidence.columns[index]);
  const fields = TABLE_SPECS[options.kind].fields;
  const findings: FormatFinding[] = [];

  const decimal = emptyEvidence().decimal;
  for (const field of fields) {
    if (field.type !== 'number' && field.type !== 'integer') continue;
    const seen = column(options.mapping[field.name]);
    if (seen) mergeTally(decimal, seen.decimal);
  }
  const decimalDecision = decideFormat(decimal, DECIMAL_SIDES);
  if (decimalDecision.status !== 'no-evidence') {
    findings.push({
      kind: 'decimal',
      subject: 'decimal',
      decision: decimalDecision,
      eitherExamples: decimal.examples.either,
      text: decimalText(decimal, decimalDecision, evidence.scope),
    });
  }

  for (const field of fields) {
    const format = options.dateFormats[field.name];
    if (field.type !== 'date' || (format !== 'dmy' && format !== 'mdy')) continue;
    const seen = column(options.mapping[field.name]);
    if (!seen) continue;
    const decision = decideFormat(seen.dayOrder, DAY_ORDER_SIDES);
    if (decision.status === 'no-evidence') continue;
    findings.push({
      kind: 'date',
      subject: field.name,
      field: field.name,
      decision,
      eitherExamples: seen.dayOrder.examples.either,
      text: dateText(field.label, seen.dayOrder, decision, evidence.scope),
    });
  }
  return findings;
}

/** The findings the user must answer before importing: the file could not settle them and no choice was made. */
export function unansweredFindings(findings: readonly FormatFinding[], options: ImportOptions): FormatFinding[] {
  const confirmed = new Set(options.formatsConfirmed ?? []);
  return findings.filter((f) => f.decision.status === 'ask' && !confirmed.has(f.subject));
}

/** The options with every settled or majority finding's choice applied (the proposal's starting point). */
export function applyFindings(options: ImportOptions, findings: readonly FormatFinding[]): ImportOptions {
  let next = options;
  for (const finding of findings) {
    if (finding.kind === 'decimal') {
      const choice = finding.decision.choice;
      if (choice) next = { ...next, decimalSeparator: choice };
    } else {
      const choice = finding.decision.choice;
      if (choice) next = { ...next, dateFormats: { ...next.dateFormats, [finding.field]: choice } };
    }
  }
  return next;
}

/** The options after the user answered `subject` (from the question or by changing the select). */
export function confirmFormat(options: ImportOptions, subject: string): ImportOptions {
  const confirmed = options.formatsConfirmed ?? [];
  return confirmed.includes(subject) ? options : { ...options, formatsConfirmed: [...confirmed, subject] };
}
