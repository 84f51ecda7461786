// Classic RFM scoring: quintile scores 1–5 for recency (recent = 5), frequency and monetary value, and
// the named segment map on R × FM (FM = the rounded mean of F and M). The rule table is data, so the
// UI can show it as it is applied.

export type RfmSegment =
  | 'Champions'
  | 'Loyal'
  | 'Potential Loyalist'
  | 'New'
  | 'Promising'
  | 'Need Attention'
  | 'About to Sleep'
  | 'At Risk'
  | "Can't Lose Them"
  | 'Hibernating'
  | 'Lost';

/** Every named segment, best first (the order codes and legends use). */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
  'Lost',
];

/** What to do with each named segment (the usual RFM playbook). */
export const RFM_ACTIONS: Record<RfmSegment, string> = {
  Champions: 'Reward them; ask for reviews and referrals; early access to new products.',
  Loyal: 'Upsell higher-value products; loyalty programme.',
  'Potential Loyalist': 'Membership or loyalty offer; recommend related products.',
  New: 'Onboarding, a good first experience, help them buy a second time.',
  Promising: 'Build awareness of the range; free trials.',
  'Need Attention': 'Limited-time offers based on their past purchases.',
  'About to Sleep': 'Recommend popular products; renewal discounts.',
  'At Risk': 'Personal win-back emails; useful reminders of what they bought.',
  "Can't Lose Them": 'Win them back with their favourite products; talk to them; do not lose them to a competitor.',
  Hibernating: 'Offer other relevant products and special discounts; recreate value.',
  Lost: 'Revive interest with an outreach campaign, or leave them out of paid audiences.',
};

/** RFM_MAP[R - 1][FM - 1]: rows are recency scores 1–5, columns frequency-monetary scores 1–5. */
export const RFM_MAP: readonly (readonly RfmSegment[])[] = [
  ['Lost', 'Hibernating', 'At Risk', "Can't Lose Them", "Can't Lose Them"],
  ['Hibernating', 'About to Sleep', 'At Risk', 'At Risk', "Can't Lose Them"],
  ['About to Sleep', 'Need Attention', 'Need Attention', 'Loyal', 'Loyal'],
  ['Promising', 'Potential Loyalist', 'Loyal', 'Champions', 'Champions'],
  ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
];

/**
 * Quintile score 1–5 of each value by its mid-rank: tied values share one score (the middle of the
 * positions they occupy), so a customer's score never depends on the order of equal values.
 */
export function quintileScores(values: readonly number[], higherIsBetter = true): number[] {
  const n = values.length;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => (higherIsBetter ? a[0] - b[0] : b[0] - a[0]));
  const scores = new Array<number>(n).fill(1);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && order[end + 1]?.[0] === order[start]?.[0]) end++;
    const midRank = (start + end + 2) / 2; // 1-based positions start+1 … end+1
    const score = Math.min(5, Math.max(1, Math.ceil((5 * midRank) / n)));
    for (let p = start; p <= end; p++) scores[order[p]?.[1] ?? 0] = score;
    start = end + 1;
  }
  return scores;
}

export interface RfmInput {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  fm: number;
  segment: RfmSegment;
}

/** Scores every customer and names their segment. */
export function scoreRfm(customers: readonly RfmInput[]): RfmScore[] {
  const r = quintileScores(
    customers.map((c) => c.recencyDays),
    false,
  );
  const f = quintileScores(customers.map((c) => c.frequency));
  const m = quintileScores(customers.map((c) => c.monetary));
  return customers.map((_, i) => {
    const ri = r[i] ?? 1;
    const fm = Math.round(((f[i] ?? 1) + (m[i] ?? 1)) / 2);
    return { r: ri, f: f[i] ?? 1, m: m[i] ?? 1, fm, segment: RFM_MAP[ri - 1]?.[fm - 1] ?? 'Lost' };
  });
}
