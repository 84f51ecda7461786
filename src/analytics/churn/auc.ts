// How well a churn score ranks customers: the area under the ROC curve, and observed event rates by
// score group (a calibration / lift table). Both sort once, so they are O(n log n).

/** Rejects what would otherwise quietly give a wrong number: unequal lengths, NaN scores, non-0/1 labels. */
function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>, what: string): void {
  if (scores.length !== labels.length) {
    throw new Error(`There are ${scores.length} scores but ${labels.length} ${what}.`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`Score ${i} is NaN; score every customer or drop them first.`);
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`${what} must be 0 or 1; customer ${i} has ${y}.`);
  }
}

/** Indices ordered by score ascending, ties by index, so the order depends only on the input. */
function orderByScore(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
}

/**
 * Area under the ROC curve = probability that a random positive (label 1) outscores a random
 * negative, ties counting ½, computed from the Mann–Whitney U with mid-ranks. NaN when either class is
 * empty, because the question has no answer then.
 */
export function areaUnderRoc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkInputs(scores, labels, 'labels');
  const n = scores.length;
  const order = orderByScore(scores);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    const score = scores[order[start] as number] as number;
    let end = start + 1;
    while (end < n && scores[order[end] as number] === score) end++;
    // Ranks start..end−1 (0-based) are tied: each gets the mid-rank, 1-based.
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface RiskGroup {
  /** 1 = the lowest scores. */
  decile: number;
  customers: number;
  meanScore: number;
  /** Share of the group's customers for whom the event happened. */
  eventRate: number;
}

/**
 * Customers sorted by score ascending (ties by input position, so the split is reproducible) and cut
 * into `bins` groups whose sizes differ by at most one, with mean score and observed event rate per
 * group. Fewer customers than bins gives one group per customer; none gives an empty table.
 */
export function riskDeciles(scores: ArrayLike<number>, outcome: ArrayLike<number>, bins = 10): RiskGroup[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a whole number ≥ 1; got ${bins}.`);
  checkInputs(scores, outcome, 'outcomes');
  const n = scores.length;
  const groups = Math.min(bins, n);
  const order = orderByScore(scores);
  const table: RiskGroup[] = [];
  for (let g = 0; g < groups; g++) {
    // Floor boundaries give sizes ⌊n/groups⌋ or ⌈n/groups⌉, the larger ones spread evenly.
    const start = Math.floor((g * n) / groups);
    const end = Math.floor(((g + 1) * n) / groups);
    let scoreSum = 0;
    let events = 0;
    for (let k = start; k < end; k++) {
      const i = order[k] as number;
      scoreSum += scores[i] as number;
      events += outcome[i] as number;
    }
    const customers = end - start;
    table.push({ decile: g + 1, customers, meanScore: scoreSum / customers, eventRate: events / customers });
  }
  return table;
}
