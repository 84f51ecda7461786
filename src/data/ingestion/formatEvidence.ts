// What a file's own values say about how it writes numbers and dates: per column, the values that settle
// the decimal separator ("12,50", "1,234.56") or the day/month order ("13/03/2024"), and those that
// could be read either way ("1.500", "03/04/2024"), with a few examples of each. Gathered over the whole
// file or a sample spread through it (sniffFile), decided by decideFormat: one side only settles it, a
// clear majority wins and the rest are rejected rows, and anything else is a question for the user.

export type DecimalSide = '.' | ',';
export type DayOrderSide = 'dmy' | 'mdy';

const EXAMPLES = 3;

/** Counts of values pointing each way, and of values that could be read either way. */
export interface Tally<Side extends string> {
  counts: Record<Side | 'either', number>;
  examples: Record<Side | 'either', string[]>;
}

export interface ColumnEvidence {
  decimal: Tally<DecimalSide>;
  dayOrder: Tally<DayOrderSide>;
}

function emptyTally<Side extends string>(sides: readonly Side[]): Tally<Side> {
  const keys = [...sides, 'either'] as (Side | 'either')[];
  return {
    counts: Object.fromEntries(keys.map((k) => [k, 0])) as Record<Side | 'either', number>,
    examples: Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<Side | 'either', string[]>,
  };
}

export const emptyEvidence = (): ColumnEvidence => ({
  decimal: emptyTally(['.', ','] as const),
  dayOrder: emptyTally(['dmy', 'mdy'] as const),
});

function count<Side extends string>(tally: Tally<Side>, side: Side | 'either', value: string) {
  tally.counts[side]++;
  const examples = tally.examples[side];
  if (examples.length < EXAMPLES && !examples.includes(value)) examples.push(value);
}

/** Adds one tally to another (columns read in several windows, or several columns of one file). */
export function mergeTally<Side extends string>(into: Tally<Side>, from: Tally<Side>): Tally<Side> {
  for (const key of Object.keys(from.counts) as (Side | 'either')[]) {
    into.counts[key] += from.counts[key];
    for (const example of from.examples[key])
      if (into.examples[key].length < EXAMPLES && !into.examples[key].includes(example))
        into.examples[key].push(example);
  }
  return into;
}

const SIGNS_AND_SYMBOLS = /[\s\u00a0()+\-\u2212%$€£¥]/g;
const GROUPS_OF_THREE = /^\d{1,3}(?:[.,]\d{3})+$/;

/**
 * Which decimal separator a written number needs: "12,50" only reads with ",", "1.5" and "1,234.56"
 * only with ".", "1.500" and "1,500" either way (fifteen hundred or one and a half), "12" tells nothing.
 */
export function decimalSideOf(value: string): DecimalSide | 'either' | null {
  const v = value.replace(SIGNS_AND_SYMBOLS, '');
  if (v === '' || !/^[\d.,]+$/.test(v) || !/\d/.test(v)) return null;
  const dot = v.lastIndexOf('.');
  const comma = v.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const separator = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (separator === null) return null;
  const other: DecimalSide = separator === '.' ? ',' : '.';
  const parts = v.split(separator);
  // Two or more: a thousands separator, so the decimal is the other one (when the groups are threes).
  if (parts.length > 2) return GROUPS_OF_THREE.test(v) ? other : null;
  const [before = '', after = ''] = parts;
  if (after.length !== 3 || before === '' || before.length > 3 || before.startsWith('0')) return separator;
  return 'either';
}

const DAY_MONTH = /^(\d{1,2})([./-])(\d{1,2})\2\d{4}(?:$|[ T])/;

/**
 * Which order a date like 03/04/2024 needs: a first part above 12 only reads day first, a second part
 * above 12 only month first, dots are written day first (US dates never use them), and two parts of
 * 12 or less could be either (a day equal to its month reads the same both ways).
 */
export function dayOrderSideOf(value: string): DayOrderSide | 'either' | null {
  const match = DAY_MONTH.exec(value.trim());
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first > 12 && second > 12) return null;
  if (first > 12 || match[2] === '.') return 'dmy';
  if (second > 12) return 'mdy';
  return first === second ? null : 'either';
}

/** Adds one cell to its column's evidence. */
export function addCell(evidence: ColumnEvidence, raw: string | null) {
  if (raw === null) return;
  const value = raw.trim();
  if (value === '' || value.length > 40) return;
  const day = dayOrderSideOf(value);
  if (day !== null) {
    count(evidence.dayOrder, day, value);
    return;
  }
  const decimal = decimalSideOf(value);
  if (decimal !== null) count(evidence.decimal, decimal, value);
}

/** A minority of at most this share of the settling values is outvoted (and its values rejected). */
export const MAJORITY = 0.9;

export type FormatDecision<Side extends string> =
  /** Only one side has values that settle it. */
  | { status: 'settled'; choice: Side; against: 0 }
  /** Both have, but one has at least MAJORITY of them: the others are rejected rows. */
  | { status: 'majority'; choice: Side; against: number }
  /** Values could be read either way and nothing settles it, or the two sides are close: ask. */
  | { status: 'ask'; choice: null; against: number }
  /** No value tells either way: the usual reading is safe. */
  | { status: 'no-evidence'; choice: null; against: 0 };

/** The decision a tally supports. */
export function decideFormat<Side extends string>(
  tally: Tally<Side>,
  sides: readonly [Side, Side],
): FormatDecision<Side> {
  const [a, b] = sides;
  const na = tally.counts[a];
  const nb = tally.counts[b];
  if (na === 0 && nb === 0) {
    return tally.counts.either > 0
      ? { status: 'ask', choice: null, against: 0 }
      : { status: 'no-evidence', choice: null, against: 0 };
  }
  if (nb === 0) return { status: 'settled', choice: a, against: 0 };
  if (na === 0) return { status: 'settled', choice: b, against: 0 };
  const [winner, wins, loses] = na >= nb ? [a, na, nb] : [b, nb, na];
  return wins / (wins + loses) >= MAJORITY
    ? { status: 'majority', choice: winner, against: loses }
    : { status: 'ask', choice: null, against: loses };
}
