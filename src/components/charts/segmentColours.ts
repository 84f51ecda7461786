// One colour per segment (Tableau 10: distinguishable, and readable on white).

export const SEGMENT_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** The colour of a 1-based segment id. */
export function segmentColour(segmentId: number): string {
  return SEGMENT_COLOURS[(segmentId - 1) % SEGMENT_COLOURS.length] ?? '#888';
}
