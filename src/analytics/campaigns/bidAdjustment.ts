// Bid adjustments (issue 7, item 5): the cost per click a campaign can afford for the user's goal.
// - Revenue goal, target ROAS: a click is worth revenue/clicks, so the CPC that earns the target is
//   value per click ÷ target ROAS.
// - Conversion goals, target CPA: a click converts with probability CVR, so the CPC that keeps the target
//   cost per conversion is CVR × target CPA.
// The advice is the move from the current CPC to that target, capped (ad platforms learn badly from big
// jumps) and "hold" inside a dead band, so noise does not make bids twitch.

import { textFormat, type TextFormat } from './textFormat';

export type OptimisationGoal = 'revenue' | 'cost' | 'conversions';

export interface BidInput {
  id: string;
  clicks: number;
  conversions: number;
  cost: number;
  revenue: number;
}

export interface BidOptions {
  goal: OptimisationGoal;
  /** Revenue goal: revenue per $1 of spend to aim for. */
  targetRoas: number;
  /** Conversion goals: the cost per conversion to aim for. */
  targetCpa: number;
  /** Fewest clicks for advice; default 100. */
  minClicks?: number;
  /** Changes smaller than this (as a share) are "hold"; default 0.1. */
  holdBand?: number;
  /** Largest change advised at once; default 0.5 (±50 %). */
  maxChange?: number;
  /** Money in the reasons; default US dollars. */
  format?: TextFormat;
}

export interface BidAdvice {
  id: string;
  action: 'raise' | 'lower' | 'hold';
  /** Current average CPC; null without clicks. */
  currentCpc: number | null;
  /** The CPC that meets the target; null when there is too little data. */
  targetCpc: number | null;
  /** The advised change in percent (capped), 0 for hold. */
  changePct: number;
  reason: string;
}

/** Raise, lower or hold each campaign's bid towards the CPC its goal can afford. */
export function adviseBids(campaigns: readonly BidInput[], options: BidOptions): BidAdvice[] {
  const { goal, targetRoas, targetCpa, minClicks = 100, holdBand = 0.1, maxChange = 0.5 } = options;
  const { money, multiple, share } = options.format ?? textFormat();
  return campaigns.map((c) => {
    const currentCpc = c.clicks > 0 ? c.cost / c.clicks : null;
    if (!(c.clicks >= minClicks) || currentCpc === null || !(currentCpc > 0)) {
      return {
        id: c.id,
        action: 'hold',
        currentCpc,
        targetCpc: null,
        changePct: 0,
        reason: `Hold: ${c.clicks} clicks in the period, at least ${minClicks} are needed to judge the bid.`,
      };
    }
    const needed = goal === 'revenue' ? c.revenue : c.conversions;
    if (!Number.isFinite(needed)) {
      const what = goal === 'revenue' ? 'revenue' : 'conversions';
      return {
        id: c.id,
        action: 'hold',
        currentCpc,
        targetCpc: null,
        changePct: 0,
        reason: `Hold: ${what} is missing for some of the period's days, so the bid cannot be judged.`,
      };
    }
    const targetCpc = goal === 'revenue' ? c.revenue / c.clicks / targetRoas : (c.conversions / c.clicks) * targetCpa;
    const basis =
      goal === 'revenue'
        ? `each click brings ${money(c.revenue / c.clicks)} of revenue, so a ${multiple(targetRoas)} ROAS target affords ${money(targetCpc)} per click`
        : `${share(c.conversions / c.clicks)} of clicks convert, so a ${money(targetCpa)} CPA target affords ${money(targetCpc)} per click`;
    const wanted = targetCpc / currentCpc - 1;
    if (!(targetCpc > 0)) {
      return {
        id: c.id,
        action: 'lower',
        currentCpc,
        targetCpc,
        changePct: -100 * maxChange,
        reason: `Lower the bid by ${(100 * maxChange).toFixed(0)} % (the most advised at once): no ${goal === 'revenue' ? 'revenue' : 'conversions'} came from ${c.clicks} clicks.`,
      };
    }
    if (Math.abs(wanted) < holdBand) {
      return {
        id: c.id,
        action: 'hold',
        currentCpc,
        targetCpc,
        changePct: 0,
        reason: `Hold: the CPC is ${money(currentCpc)} and ${basis}.`,
      };
    }
    const capped = Math.max(-maxChange, Math.min(maxChange, wanted));
    const action = capped > 0 ? 'raise' : 'lower';
    const cap = capped !== wanted ? ` (capped; the target is ${(100 * wanted).toFixed(0)} % away)` : '';
    return {
      id: c.id,
      action,
      currentCpc,
      targetCpc,
      changePct: 100 * capped,
      reason: `${action === 'raise' ? 'Raise' : 'Lower'} the bid ${Math.abs(100 * capped).toFixed(0)} %${cap}: the CPC is ${money(currentCpc)} and ${basis}.`,
    };
  });
}
