// Audience targeting (issue 7, item 6): which customer segments a campaign should aim at or leave out.
// A segment's expected value per conversion is what one more converted customer of that segment is
// worth: their mean predicted lifetime value when predictions exist, otherwise their mean revenue over
// the last year. A segment is worth targeting by a campaign when that value covers the campaign's cost
// per conversion (CPA), and is excluded when it does not; targets are ranked by value per conversion.

import { textFormat, type TextFormat } from './textFormat';

export interface SegmentValue {
  /** Segment name, e.g. an RFM segment ("Champions") or a k-means segment ("Segment 3"). */
  segment: string;
  /** Where the segment comes from, shown beside it. */
  source: 'RFM' | 'k-means';
  customers: number;
  valuePerConversion: number;
}

export interface AudienceCampaignInput {
  id: string;
  /** The campaign's current target segment from the campaigns file, if any. */
  targetSegment: string | null;
  /** Cost per conversion over the recent days; null without conversions. */
  cpa: number | null;
}

export interface AudienceAdvice {
  id: string;
  target: { segment: string; source: SegmentValue['source']; valuePerConversion: number; valueToCpa: number }[];
  exclude: { segment: string; source: SegmentValue['source']; valuePerConversion: number; valueToCpa: number }[];
  /** The current target's rank among all segments by value per conversion (1 = best), null when not found. */
  currentRank: number | null;
  reason: string;
}

/** Targets and exclusions per campaign, or a reason why a campaign cannot be judged. */
export function adviseAudiences(
  campaigns: readonly AudienceCampaignInput[],
  segments: readonly SegmentValue[],
  basis: string,
  { money }: TextFormat = textFormat(),
): AudienceAdvice[] {
  const ranked = segments
    .filter((s) => s.customers > 0 && Number.isFinite(s.valuePerConversion))
    .sort((a, b) => b.valuePerConversion - a.valuePerConversion);
  return campaigns.map((c) => {
    const currentIndex =
      c.targetSegment === null
        ? -1
        : ranked.findIndex((s) => s.segment.toLowerCase() === c.targetSegment!.trim().toLowerCase());
    const currentRank = currentIndex >= 0 ? currentIndex + 1 : null;
    if (c.cpa === null || !(c.cpa > 0)) {
      return {
        id: c.id,
        target: [],
        exclude: [],
        currentRank,
        reason: 'No conversions in the recent days, so no cost per conversion to weigh segments against.',
      };
    }
    const cpa = c.cpa;
    const withRatio = ranked.map((s) => ({
      segment: s.segment,
      source: s.source,
      valuePerConversion: s.valuePerConversion,
      valueToCpa: s.valuePerConversion / cpa,
    }));
    const target = withRatio.filter((s) => s.valueToCpa >= 1);
    const exclude = withRatio.filter((s) => s.valueToCpa < 1);
    const current = currentIndex >= 0 ? withRatio[currentIndex] : undefined;
    const best = target[0];
    let reason: string;
    if (!best)
      reason = `No segment's ${basis} (best ${money(withRatio[0]?.valuePerConversion ?? 0)}) covers the CPA of ${money(cpa)}.`;
    else if (current && current.valueToCpa < 1)
      reason = `Its target ${current.segment} is worth ${money(current.valuePerConversion)} per conversion (${basis}), below the CPA of ${money(cpa)}: target ${best.segment} (${money(best.valuePerConversion)}) instead.`;
    else if (current)
      reason = `Its target ${current.segment} (${money(current.valuePerConversion)} per conversion, rank ${currentRank} of ${ranked.length}) covers the CPA of ${money(cpa)}${currentRank === 1 ? '.' : `; ${best.segment} is worth more (${money(best.valuePerConversion)}).`}`;
    else
      reason = `Target ${target
        .map((s) => s.segment)
        .slice(0, 3)
        .join(', ')}: their ${basis} covers the CPA of ${money(cpa)}.`;
    return { id: c.id, target, exclude, currentRank, reason };
  });
}
