// JSON parsing that keeps numbers as the file wrote them: JSON.parse turns 9007199254740993 into
// …992, merging two customers. Text with a run of 16 or more digits goes through lossless-json, whose
// numbers carry their source text; everything else takes the platform's faster JSON.parse.

import { isLosslessNumber, parse, stringify } from 'lossless-json';

const LONG_DIGIT_RUN = /\d{16}/;

/** A number as the file wrote it (its `value` is the source text). */
export { LosslessNumber as JsonNumberText } from 'lossless-json';

/** Parses JSON text; numbers that a double cannot hold exactly come back as JsonNumberText. */
export function parseJson(text: string): unknown {
  return LONG_DIGIT_RUN.test(text) ? parse(text) : (JSON.parse(text) as unknown);
}

/** JSON text of a parsed value, exact numbers included. */
export function stringifyJson(value: unknown): string | undefined {
  return stringify(value);
}

/** The source text of an exact number, or null for anything else. */
export function jsonNumberText(value: unknown): string | null {
  return isLosslessNumber(value) ? value.value : null;
}
