// The campaign optimisation job (issue 7): response curves, budget reallocation with its uncertainty,
// bid advice, creative tests, performance drops and audience advice, from one dense grid of daily
// performance (every campaign × every day of the range, zeros where a campaign did not run). Pure, so it
// runs in the ML worker in the app and directly in Node tests.

import { allocateBudget, type BudgetAllocationResult, type CampaignBudgetInput } from './allocateBudget';
import { changeInterval, meanCurveValue, type ChangeInterval } from './allocationUncertainty';
import { adviseAudiences, type AudienceAdvice, type SegmentValue } from './audienceTargeting';
import { adviseBids, type BidAdvice } from './bidAdjustment';
import { checkCampaignSettings, type CampaignOptimisationSettings } from './campaignSettings';
import { testCreatives, type CreativeTestResult } from './creativeTest';
import { detectDrops, type DropEpisode } from './performanceDrops';
import { textFormat, type TextFormat, type TextFormatOptions } from './textFormat';
import { fitPowerCurve, type PowerCurveResult } from './responseCurve';

export interface CampaignInfo {
  id: string;
  name: string;
  type: string | null;
  targetSegment: string | null;
}

export interface CampaignOptimisationInput {
  campaigns: CampaignInfo[];
  /** The range's consecutive ISO dates. */
  dates: string[];
  /** Campaign-major grids: campaign c on day d is at c·dates.length + d. */
  impressions: Float64Array;
  clicks: Float64Array;
  conversions: Float64Array;
  cost: Float64Array;
  revenue: Float64Array;
  settings: CampaignOptimisationSettings;
  /** Segment values for audience advice; null without customers to value. */
  segments: { values: SegmentValue[]; basis: string } | null;
  /** The workspace currency (and a locale, for tests) for the reasons; default US dollars. */
  format?: TextFormatOptions;
}

export interface CampaignProgress {
  phase: 'curves' | 'allocation' | 'tests';
  fraction: number;
  detail: string;
}

export interface CampaignState {
  id: string;
  /** Average daily spend over the recent days: the "current" spend. */
  currentSpend: number;
  /** Spent anything in the last 7 days of the range: only running campaigns are reallocated. */
  active: boolean;
  min: number;
  max: number;
  locked: boolean;
  recent: { impressions: number; clicks: number; conversions: number; cost: number; revenue: number };
  curve: PowerCurveResult;
}

export type RecommendationKind = 'budget' | 'bid' | 'creative' | 'audience' | 'drop';

export interface Recommendation {
  /** Stable within a run: kind and campaign (and metric). */
  key: string;
  kind: RecommendationKind;
  campaignId: string;
  text: string;
  /** What applying it should do, for the decision log; null when there is no number to check. */
  predicted: PredictedEffect | null;
}

export type PredictedEffect =
  | {
      metric: 'spend-outcome';
      outcome: 'revenue' | 'conversions';
      spendBefore: number;
      spendAfter: number;
      outcomeBefore: number;
      outcomeAfter: number;
    }
  | { metric: 'cpc'; before: number; after: number }
  | { metric: 'ctr' | 'cvr'; before: number; after: number };

export interface AllocationSummary {
  result: BudgetAllocationResult;
  totalBudget: number;
  currentTotal: number;
  outcome: 'revenue' | 'conversions';
  /** 90 % range of the change in the outcome per day. */
  interval: ChangeInterval;
  /** Cost goal: spend saved per day at the same predicted conversions. */
  saving: number | null;
}

export interface CampaignOptimisationResult {
  range: { from: string; to: string; recentFrom: string };
  goal: CampaignOptimisationSettings['goal'];
  /** What the curves predict: revenue on the revenue goal, conversions on the others. */
  outcome: 'revenue' | 'conversions';
  states: CampaignState[];
  allocation: AllocationSummary | null;
  /** Why there is no allocation (bounds cannot meet the budget, no campaign running, …). */
  allocationProblem: string | null;
  targets: { roas: number | null; cpa: number | null };
  bids: BidAdvice[];
  creatives: CreativeTestResult[];
  drops: DropEpisode[];
  audiences: AudienceAdvice[] | null;
  recommendations: Recommendation[];
  timings: { curvesMs: number; allocationMs: number; testsMs: number };
}

// A cell is NaN where a row lacked the column; the sum is then NaN (unknown), as in the metrics table,
// rather than a partial sum that would understate the ratio.
const sumRange = (values: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i]!;
  return s;
};

/** Runs every campaign analysis on the grid; throws on settings that cannot be used. */
export function optimizeCampaigns(
  input: CampaignOptimisationInput,
  onProgress: (p: CampaignProgress) => void = () => undefined,
): CampaignOptimisationResult {
  const { campaigns, dates, settings } = input;
  const format = textFormat(input.format);
  const problems = checkCampaignSettings(settings);
  if (problems.length) throw new Error(problems.join(' '));
  const nDays = dates.length;
  if (nDays === 0) throw new Error('There are no performance days in the chosen range.');
  for (const column of [input.impressions, input.clicks, input.conversions, input.cost, input.revenue]) {
    if (column.length !== campaigns.length * nDays)
      throw new RangeError('The performance grid does not match campaigns × days.');
  }
  const recentDays = Math.min(settings.recentDays, nDays);
  const recentStart = nDays - recentDays;
  const outcomeName = settings.goal === 'revenue' ? 'revenue' : 'conversions';
  const outcomeGrid = settings.goal === 'revenue' ? input.revenue : input.conversions;

  let started = performance.now();
  onProgress({ phase: 'curves', fraction: 0.05, detail: `fitting ${campaigns.length} response curves` });
  const states: CampaignState[] = campaigns.map((c, k) => {
    const base = k * nDays;
    const recent = {
      impressions: sumRange(input.impressions, base + recentStart, base + nDays),
      clicks: sumRange(input.clicks, base + recentStart, base + nDays),
      conversions: sumRange(input.conversions, base + recentStart, base + nDays),
      cost: sumRange(input.cost, base + recentStart, base + nDays),
      revenue: sumRange(input.revenue, base + recentStart, base + nDays),
    };
    // Per day since the campaign first spent in the recent window: one launched 10 days ago at $100 a
    // day spends $100 a day, not $36 (its 10 days spread over 28).
    let firstSpend = recentStart;
    while (firstSpend < nDays && !(input.cost[base + firstSpend]! > 0)) firstSpend++;
    const currentSpend = firstSpend < nDays ? recent.cost / (nDays - firstSpend) : 0;
    const active = sumRange(input.cost, base + Math.max(0, nDays - 7), base + nDays) > 0;
    const curve = fitPowerCurve(input.cost.subarray(base, base + nDays), outcomeGrid.subarray(base, base + nDays), {
      outcomeLabel: outcomeName,
    });
    const o = settings.overrides[c.id] ?? {};
    // A floor set alone above the default ceiling raises the ceiling to it (and a ceiling below the
    // default floor lowers the floor), so the user's own bound is always the one kept.
    const defaultMin = currentSpend * (1 - settings.boundPct / 100);
    const defaultMax = currentSpend * (1 + settings.boundPct / 100);
    return {
      id: c.id,
      currentSpend,
      active,
      min: o.min ?? Math.min(defaultMin, o.max ?? Infinity),
      max: o.max ?? Math.max(defaultMax, o.min ?? -Infinity),
      locked: o.locked === true,
      recent,
      curve,
    };
  });
  const curvesMs = performance.now() - started;

  started = performance.now();
  onProgress({ phase: 'allocation', fraction: 0.4, detail: 'reallocating the budget' });
  const running = states.filter((s) => s.active && s.currentSpend > 0);
  let allocation: AllocationSummary | null = null;
  let allocationProblem: string | null = null;
  if (running.length === 0) {
    allocationProblem = `No campaign spent anything in the last 7 days of the range (to ${dates[nDays - 1]}), so there is no budget to reallocate.`;
  } else {
    try {
      allocation = reallocate(running, settings, format);
    } catch (error) {
      allocationProblem = (error as Error).message;
    }
  }
  const allocationMs = performance.now() - started;

  started = performance.now();
  onProgress({ phase: 'tests', fraction: 0.7, detail: 'bids, creatives, drops and audiences' });
  // The portfolio's ratios over the campaigns whose figures are known for the whole window.
  const ratioOver = (field: 'revenue' | 'conversions', costPer: boolean) => {
    const list = running.filter((s) => Number.isFinite(s.recent[field]));
    const cost = list.reduce((t, s) => t + s.recent.cost, 0);
    const value = list.reduce((t, s) => t + s.recent[field], 0);
    if (!(cost > 0 && value > 0)) return null;
    return costPer ? cost / value : value / cost;
  };
  const targets = {
    roas: settings.targetRoas ?? ratioOver('revenue', false),
    cpa: settings.targetCpa ?? ratioOver('conversions', true),
  };
  const bids =
    (settings.goal === 'revenue' ? targets.roas : targets.cpa) === null
      ? []
      : adviseBids(
          running.map((s) => ({ id: s.id, ...s.recent })),
          { goal: settings.goal, targetRoas: targets.roas ?? 1, targetCpa: targets.cpa ?? 1, format },
        );
  const info = new Map(campaigns.map((c) => [c.id, c]));
  const creatives = testCreatives(
    running.map((s) => ({ id: s.id, type: info.get(s.id)?.type ?? null, ...s.recent })),
    { format },
  );
  const drops = detectDrops(
    campaigns.map((c, k) => {
      const base = k * nDays;
      const slice = (grid: Float64Array) => grid.subarray(base, base + nDays);
      return {
        id: c.id,
        dates,
        impressions: slice(input.impressions),
        clicks: slice(input.clicks),
        conversions: slice(input.conversions),
        cost: slice(input.cost),
        revenue: slice(input.revenue),
      };
    }),
    { format },
  );
  const audiences = input.segments
    ? adviseAudiences(
        running.map((s) => ({
          id: s.id,
          targetSegment: info.get(s.id)?.targetSegment ?? null,
          cpa: s.recent.conversions > 0 ? s.recent.cost / s.recent.conversions : null,
        })),
        input.segments.values,
        input.segments.basis,
        format,
      )
    : null;
  const testsMs = performance.now() - started;

  const recommendations = collectRecommendations(
    states,
    allocation,
    bids,
    creatives,
    drops,
    audiences,
    info,
    dates[recentStart]!,
  );
  onProgress({ phase: 'tests', fraction: 1, detail: 'done' });
  return {
    range: { from: dates[0]!, to: dates[nDays - 1]!, recentFrom: dates[recentStart]! },
    goal: settings.goal,
    outcome: outcomeName,
    states,
    allocation,
    allocationProblem,
    targets,
    bids,
    creatives,
    drops,
    audiences,
    recommendations,
    timings: { curvesMs, allocationMs, testsMs },
  };
}

function budgetInputs(running: readonly CampaignState[]): CampaignBudgetInput[] {
  return running.map((s) => ({
    id: s.id,
    currentSpend: s.currentSpend,
    // The mean response (a·exp(s²/2)): the median curve would understate every total by the same factor.
    curve: s.curve.ok ? { a: s.curve.a * Math.exp(s.curve.logResidualSd ** 2 / 2), b: s.curve.b } : null,
    min: Math.min(s.min, s.max),
    max: s.max,
    locked: s.locked,
  }));
}

function reallocate(
  running: readonly CampaignState[],
  settings: CampaignOptimisationSettings,
  format: TextFormat,
): AllocationSummary {
  const inputs = budgetInputs(running);
  const outcome = settings.goal === 'revenue' ? 'revenue' : 'conversions';
  const currentTotal = running.reduce((s, c) => s + c.currentSpend, 0);
  const free = inputs.filter((c) => !c.locked && c.curve !== null);
  const fixed = inputs.filter((c) => c.locked || c.curve === null).reduce((s, c) => s + c.currentSpend, 0);
  const lowest = fixed + free.reduce((s, c) => s + c.min, 0);
  const highest = fixed + free.reduce((s, c) => s + c.max, 0);
  const { money } = format;
  let totalBudget: number;
  let result: BudgetAllocationResult;
  let saving: number | null = null;
  if (settings.goal === 'cost') {
    // The least budget whose best allocation still predicts today's conversions; bisection works because
    // the best outcome only grows with the budget. Today's spend must itself be allowed by the bounds,
    // or "the same conversions for less" has no meaning.
    if (currentTotal < lowest - 1e-9 || currentTotal > highest + 1e-9) {
      throw new Error(
        `Today's spend of ${money(currentTotal)} a day is outside what the bounds allow (${money(lowest)} to ${money(highest)}): widen the bounds or unlock campaigns to find a cheaper split.`,
      );
    }
    const target = allocateBudget(inputs, currentTotal, { outcome, format }).currentOutcome;
    let lo = lowest;
    let hi = currentTotal;
    if (allocateBudget(inputs, lo, { outcome, format }).expectedOutcome >= target) hi = lo;
    for (let i = 0; i < 60 && hi - lo > 1e-6 * Math.max(1, hi); i++) {
      const mid = (lo + hi) / 2;
      if (allocateBudget(inputs, mid, { outcome, format }).expectedOutcome >= target) hi = mid;
      else lo = mid;
    }
    totalBudget = hi;
    result = allocateBudget(inputs, totalBudget, { outcome, format });
    // Fails when today's own split breaks a bound (a maximum set below current spend): then even today's
    // budget may not reach today's conversions within the bounds.
    if (result.expectedOutcome < target * (1 - 1e-9)) {
      throw new Error('No split within the bounds keeps the predicted conversions at today’s level for less.');
    }
    saving = currentTotal - totalBudget;
  } else {
    totalBudget = settings.totalBudget ?? currentTotal;
    if (totalBudget < lowest - 1e-9 || totalBudget > highest + 1e-9) {
      throw new Error(
        `A daily budget of ${money(totalBudget)} is outside what the bounds allow (${money(lowest)} to ${money(highest)}): widen the bounds, unlock campaigns or change the budget.`,
      );
    }
    result = allocateBudget(inputs, totalBudget, { outcome, format });
  }
  const byId = new Map(running.map((s) => [s.id, s]));
  const moves = result.allocations.flatMap((a) => {
    const curve = byId.get(a.id)?.curve;
    return curve?.ok ? [{ fit: curve, current: a.current, recommended: a.recommended }] : [];
  });
  return { result, totalBudget, currentTotal, outcome, interval: changeInterval(moves), saving };
}

function collectRecommendations(
  states: readonly CampaignState[],
  allocation: AllocationSummary | null,
  bids: readonly BidAdvice[],
  creatives: readonly CreativeTestResult[],
  drops: readonly DropEpisode[],
  audiences: readonly AudienceAdvice[] | null,
  info: Map<string, CampaignInfo>,
  recentFrom: string,
): Recommendation[] {
  const out: Recommendation[] = [];
  const name = (id: string) => info.get(id)?.name || id;
  const byId = new Map(states.map((s) => [s.id, s]));
  if (allocation) {
    for (const a of allocation.result.allocations) {
      const fit = byId.get(a.id)?.curve;
      if (a.locked || !fit?.ok || Math.abs(a.change) < Math.max(0.01 * a.current, 0.01)) continue;
      const before = meanCurveValue(fit, a.current);
      const after = meanCurveValue(fit, a.recommended);
      out.push({
        key: `budget:${a.id}`,
        kind: 'budget',
        campaignId: a.id,
        text: `${name(a.id)}: ${a.reason}`,
        predicted: {
          metric: 'spend-outcome',
          outcome: allocation.outcome,
          spendBefore: a.current,
          spendAfter: a.recommended,
          outcomeBefore: before,
          outcomeAfter: after,
        },
      });
    }
  }
  for (const b of bids) {
    if (b.action === 'hold' || b.currentCpc === null || b.targetCpc === null) continue;
    out.push({
      key: `bid:${b.id}`,
      kind: 'bid',
      campaignId: b.id,
      text: `${name(b.id)}: ${b.reason}`,
      predicted: { metric: 'cpc', before: b.currentCpc, after: b.currentCpc * (1 + b.changePct / 100) },
    });
  }
  for (const c of creatives) {
    if (!c.flagged) continue;
    out.push({
      key: `creative:${c.id}:${c.rate}`,
      kind: 'creative',
      campaignId: c.id,
      text: `${name(c.id)}: ${c.reason}`,
      predicted: { metric: c.rate, before: c.value, after: c.peerValue },
    });
  }
  for (const a of audiences ?? []) {
    const current = a.currentRank;
    const needsChange =
      a.target.length > 0 &&
      (current === null ||
        a.exclude.some((e) => e.segment.toLowerCase() === (info.get(a.id)?.targetSegment ?? '').trim().toLowerCase()));
    if (!needsChange) continue;
    out.push({
      key: `audience:${a.id}`,
      kind: 'audience',
      campaignId: a.id,
      text: `${name(a.id)}: ${a.reason}`,
      predicted: null,
    });
  }
  // Drops inside the recent days are triggers to act on now.
  for (const d of drops) {
    if (d.end < recentFrom) continue;
    out.push({
      key: `drop:${d.id}:${d.metric}`,
      kind: 'drop',
      campaignId: d.id,
      text: `${name(d.id)}: ${d.reason}`,
      predicted: null,
    });
  }
  return out;
}
