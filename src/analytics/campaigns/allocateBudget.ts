// Budget reallocation across campaigns by equalising marginal returns (issue 7, item 4).
//
// Each campaign's response is outcome = a·spend^b. We maximise Σ a·x^b subject to Σ x = budget and
// min ≤ x ≤ max through the Lagrangian: at a price λ per $1, every campaign independently picks the
// spend that maximises a·x^b − λ·x within its bounds, and λ is found by bisection (on log λ) so the
// picks add up to the budget.
// - b < 1 (diminishing returns, the usual case): the pick is clamp((a·b/λ)^(1/(1−b)), min, max), and
//   the result is the exact optimum because the problem is concave.
// - b ≥ 1 (linear or convex): a·x^b − λ·x is convex in x, so its maximum is at a bound: max when the
//   campaign's average return over its range (chord slope) beats λ, else min. These campaigns are
//   therefore filled greedily in order of that return, interleaved with the concave ones. At most one
//   ends between its bounds (the one the budget runs out on); for a linear curve that is exact, for a
//   convex curve it is the one compromise, so we also try pushing it to either bound and keep the best.
// Locked campaigns and campaigns without a curve keep their current spend, which counts towards the
// budget; their min/max are not used.

import { textFormat, type TextFormat } from './textFormat';

export interface ResponseCurve {
  /** Scale: outcome at $1 of spend. */
  a: number;
  /** Elasticity: below 1 each extra $1 returns less than the one before. */
  b: number;
}

export interface CampaignBudgetInput {
  id: string;
  currentSpend: number;
  /** Null when there was not enough variation in spend to fit one. */
  curve: ResponseCurve | null;
  min: number;
  max: number;
  locked: boolean;
}

export interface AllocateBudgetOptions {
  /** What the curves predict, for the one-sentence reasons. Default 'revenue'. */
  outcome?: 'revenue' | 'conversions';
  /** Money in the reasons; default US dollars. */
  format?: TextFormat;
}

export interface BudgetAllocation {
  id: string;
  current: number;
  recommended: number;
  change: number;
  /** Percent of current spend (30 = +30 %); null when current spend is 0. */
  changePct: number | null;
  /** d outcome / d spend at the recommended spend; null for a campaign without a curve. */
  marginalReturnAtRecommended: number | null;
  atBound: 'min' | 'max' | null;
  locked: boolean;
  reason: string;
}

export interface BudgetAllocationResult {
  allocations: BudgetAllocation[];
  /** Σ over campaigns with a curve of the curve at the recommended spend. */
  expectedOutcome: number;
  /** The same sum at current spend; campaigns without a curve are left out of both. */
  currentOutcome: number;
  /** The marginal return where the free campaigns stop; null when no campaign was free to move. */
  lambda: number | null;
}

interface FreeItem {
  a: number;
  b: number;
  min: number;
  max: number;
  /** For b ≥ 1: the average return per $1 over the whole range, the price at which it flips bound. */
  chordSlope: number;
}

interface FreeSolution {
  spend: number[];
  lambda: number | null;
}

const outcomeOf = (curve: ResponseCurve, spend: number): number => curve.a * Math.pow(spend, curve.b);

// d(a·x^b)/dx; infinite at x = 0 when b < 1, which correctly makes a zero-spend campaign first in line.
const marginalOf = (curve: ResponseCurve, spend: number): number =>
  curve.a === 0 ? 0 : curve.a * curve.b * Math.pow(spend, curve.b - 1);

const isConcave = (item: FreeItem): boolean => item.b < 1;

// The price-of-spend a campaign answers to when handing out leftovers: its marginal for concave curves,
// its chord slope for linear and convex ones (whose marginal misleads about the whole range).
const priorityOf = (item: FreeItem, spend: number): number =>
  isConcave(item) ? marginalOf(item, spend) : item.chordSlope;

// Each campaign's best spend at price exp(logLambda), independently.
function spendAtPrice(items: readonly FreeItem[], logLambda: number): number[] {
  return items.map((item) => {
    if (isConcave(item)) {
      const logSpend = (Math.log(item.a) + Math.log(item.b) - logLambda) / (1 - item.b);
      return Math.min(item.max, Math.max(item.min, Math.exp(logSpend)));
    }
    return Math.log(item.chordSlope) > logLambda ? item.max : item.min;
  });
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

// Solves the free campaigns for a budget already known to lie within [Σ min, Σ max].
function solveFree(items: readonly FreeItem[], budget: number): FreeSolution {
  if (items.length === 0) return { spend: [], lambda: null };
  // Bracket log λ by the marginals at the bounds: below all of them every pick is max, above all min.
  const logPrices: number[] = [];
  for (const item of items) {
    if (item.a <= 0) continue;
    if (isConcave(item)) {
      if (item.max > 0) logPrices.push(Math.log(marginalOf(item, item.max)));
      if (item.min > 0) logPrices.push(Math.log(marginalOf(item, item.min)));
    } else if (item.chordSlope > 0) {
      logPrices.push(Math.log(item.chordSlope));
    }
  }
  let lo = logPrices.length > 0 ? Math.min(...logPrices) - 1 : 0;
  let hi = logPrices.length > 0 ? Math.max(...logPrices) + 1 : 0;
  // If even the lowest price spends less than the budget, only zero-return campaigns can take the
  // rest, so the price of the last $1 is 0.
  let spendsAll = false;
  for (let iteration = 0; iteration < 200 && hi - lo > 1e-14; iteration++) {
    const mid = (lo + hi) / 2;
    if (sum(spendAtPrice(items, mid)) > budget) {
      lo = mid;
      spendsAll = true;
    } else hi = mid;
  }
  // At hi the picks spend at most the budget. The shortfall is either a linear/convex campaign whose
  // chord slope lies inside the final bracket (it flips from min to max there), or rounding.
  const spend = spendAtPrice(items, hi);
  let residual = budget - sum(spend);
  const flipping = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !isConcave(item) && item.chordSlope > 0 && Math.log(item.chordSlope) > lo)
    .filter(({ item }) => Math.log(item.chordSlope) <= hi)
    .sort((p, q) => q.item.chordSlope - p.item.chordSlope)
    .map(({ index }) => index);
  const byPriority = (direction: 1 | -1) =>
    items
      .map((item, index) => ({ index, priority: priorityOf(item, spend[index] ?? item.min) }))
      .sort((p, q) => direction * (q.priority - p.priority))
      .map(({ index }) => index);
  if (residual > 0) {
    for (const index of [...flipping, ...byPriority(1)]) {
      const item = items[index];
      const current = spend[index];
      if (item === undefined || current === undefined || residual <= 0) continue;
      const room = item.max - current;
      if (room <= 0) continue;
      if (room <= residual) {
        spend[index] = item.max;
        residual -= room;
      } else {
        spend[index] = current + residual;
        residual = 0;
      }
    }
  } else if (residual < 0) {
    for (const index of byPriority(-1)) {
      const item = items[index];
      const current = spend[index];
      if (item === undefined || current === undefined || residual >= 0) continue;
      const room = current - item.min;
      if (room <= 0) continue;
      if (room <= -residual) {
        spend[index] = item.min;
        residual += room;
      } else {
        spend[index] = current + residual;
        residual = 0;
      }
    }
  }
  // Rounding can leave a campaign a hair off a bound (e.g. 1e-14 above a min of 0, where b < 1 makes
  // the marginal huge); snapping moves the total by far less than the 1e-9 we promise.
  const snap = 1e-12 * Math.max(1, budget);
  items.forEach((item, index) => {
    const x = spend[index] ?? item.min;
    if (x - item.min <= snap) spend[index] = item.min;
    else if (item.max - x <= snap) spend[index] = item.max;
  });
  return { spend, lambda: logPrices.length > 0 && spendsAll ? Math.exp((lo + hi) / 2) : 0 };
}

const freeOutcome = (items: readonly FreeItem[], spend: readonly number[]): number =>
  sum(items.map((item, index) => outcomeOf(item, spend[index] ?? item.min)));

// Convex campaigns do best at a bound; if the budget ran out part-way up one, also try it at each bound.
function solveFreeWithConvexCheck(items: readonly FreeItem[], budget: number): FreeSolution {
  const solution = solveFree(items, budget);
  const splitIndex = items.findIndex((item, index) => {
    const x = solution.spend[index] ?? item.min;
    return item.b > 1 && x > item.min && x < item.max;
  });
  const split = items[splitIndex];
  if (split === undefined) return solution;
  const others = items.filter((_, index) => index !== splitIndex);
  const othersMin = sum(others.map((item) => item.min));
  const othersMax = sum(others.map((item) => item.max));
  let best = solution;
  let bestOutcome = freeOutcome(items, solution.spend);
  for (const fixed of [split.min, split.max]) {
    const rest = budget - fixed;
    if (rest < othersMin || rest > othersMax) continue;
    const sub = solveFree(others, rest);
    const spend = [...sub.spend.slice(0, splitIndex), fixed, ...sub.spend.slice(splitIndex)];
    const outcome = freeOutcome(items, spend);
    if (outcome > bestOutcome) {
      best = { spend, lambda: sub.lambda };
      bestOutcome = outcome;
    }
  }
  return best;
}

const isFiniteNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;

function validate(campaigns: readonly CampaignBudgetInput[], totalBudget: number): void {
  if (!isFiniteNonNegative(totalBudget)) {
    throw new Error(`Total budget must be a finite number of at least 0; got ${String(totalBudget)}.`);
  }
  const seen = new Set<string>();
  for (const c of campaigns) {
    const name = `Campaign "${c.id}"`;
    if (seen.has(c.id)) throw new Error(`${name} appears more than once.`);
    seen.add(c.id);
    for (const [field, value] of [
      ['current spend', c.currentSpend],
      ['min', c.min],
      ['max', c.max],
    ] as const) {
      if (!isFiniteNonNegative(value)) {
        throw new Error(`${name}: ${field} must be a finite number of at least 0; got ${String(value)}.`);
      }
    }
    if (c.min > c.max) throw new Error(`${name}: min (${c.min}) is above max (${c.max}).`);
    if (c.curve !== null) {
      const { a, b } = c.curve;
      if (!isFiniteNonNegative(a)) throw new Error(`${name}: curve scale a must be finite and ≥ 0; got ${a}.`);
      if (!(Number.isFinite(b) && b > 0))
        throw new Error(`${name}: curve exponent b must be finite and > 0; got ${b}.`);
    }
  }
}

function describe(
  allocation: Omit<BudgetAllocation, 'reason'>,
  hasCurve: boolean,
  convex: boolean,
  lambda: number | null,
  outcome: 'revenue' | 'conversions',
  { money, moneyUnit: unit }: TextFormat,
): string {
  if (allocation.locked) return `Locked at its current ${money(allocation.current)} a day.`;
  if (!hasCurve)
    return `Kept at its current ${money(allocation.current)}: not enough data to estimate a response curve.`;
  const returns = (value: number | null) =>
    value === null || !Number.isFinite(value)
      ? 'more than any other campaign'
      : outcome === 'revenue'
        ? money(value)
        : `${value.toFixed(3)} conversions`;
  const tolerance = 1e-9 * Math.max(1, allocation.current);
  const pct = allocation.changePct === null ? '' : ` ${Math.abs(allocation.changePct).toFixed(0)} %`;
  const verb = allocation.change > tolerance ? `Raised${pct}` : allocation.change < -tolerance ? `Cut${pct}` : 'Kept';
  const marginal = returns(allocation.marginalReturnAtRecommended);
  const price = returns(lambda);
  if (allocation.atBound === 'max') {
    return `${verb} to its upper bound: each extra ${unit} still returns ${marginal}, at or above the ${price} where others stop.`;
  }
  if (allocation.atBound === 'min') {
    return `${verb} to its lower bound: each ${unit} returns only ${marginal}, at or below the ${price} the others earn at the margin.`;
  }
  if (lambda === 0) {
    return `${verb} to take the budget left once every campaign that returns anything is at its upper bound.`;
  }
  if (convex) {
    return `${verb} to take the budget left over: its returns grow with spend, so it gets what the others do not need at ${price} per extra ${unit}.`;
  }
  return `${verb} until each extra ${unit} returns ${marginal}, the same as every other campaign not at a bound.`;
}

/** Recommends spend per campaign for a fixed total budget, maximising the predicted outcome within bounds. */
export function allocateBudget(
  campaigns: readonly CampaignBudgetInput[],
  totalBudget: number,
  options: AllocateBudgetOptions = {},
): BudgetAllocationResult {
  validate(campaigns, totalBudget);
  const format = options.format ?? textFormat();
  const { money } = format;
  const isFree = (c: CampaignBudgetInput) => !c.locked && c.curve !== null;
  const fixedSpend = sum(campaigns.filter((c) => !isFree(c)).map((c) => c.currentSpend));
  const freeCampaigns = campaigns.filter(isFree);
  const lowest = fixedSpend + sum(freeCampaigns.map((c) => c.min));
  const highest = fixedSpend + sum(freeCampaigns.map((c) => c.max));
  // A hair of slack so a budget computed as exactly Σ min or Σ max is not refused for rounding.
  const slack = 1e-12 * Math.max(1, highest);
  if (totalBudget < lowest - slack || totalBudget > highest + slack) {
    throw new Error(
      `Total budget ${money(totalBudget)} is outside the feasible range ${money(lowest)}–${money(highest)} ` +
        `(locked and no-data campaigns keep ${money(fixedSpend)}; the others' bounds allow ` +
        `${money(lowest - fixedSpend)}–${money(highest - fixedSpend)}).`,
    );
  }
  const items: FreeItem[] = freeCampaigns.map((c) => {
    const curve = c.curve ?? { a: 0, b: 1 };
    const chordSlope =
      c.max > c.min ? (outcomeOf(curve, c.max) - outcomeOf(curve, c.min)) / (c.max - c.min) : marginalOf(curve, c.min);
    return { a: curve.a, b: curve.b, min: c.min, max: c.max, chordSlope };
  });
  const freeBudget = Math.min(highest - fixedSpend, Math.max(lowest - fixedSpend, totalBudget - fixedSpend));
  const solution = solveFreeWithConvexCheck(items, freeBudget);
  const outcome = options.outcome ?? 'revenue';

  let freeIndex = 0;
  let expectedOutcome = 0;
  let currentOutcome = 0;
  const allocations = campaigns.map((c): BudgetAllocation => {
    const free = isFree(c);
    const recommended = free ? (solution.spend[freeIndex++] ?? c.min) : c.currentSpend;
    if (c.curve !== null) {
      expectedOutcome += outcomeOf(c.curve, recommended);
      currentOutcome += outcomeOf(c.curve, c.currentSpend);
    }
    const change = recommended - c.currentSpend;
    const atBound = !free ? null : recommended >= c.max ? 'max' : recommended <= c.min ? 'min' : null;
    const allocation = {
      id: c.id,
      current: c.currentSpend,
      recommended,
      change,
      changePct: c.currentSpend > 0 ? (100 * change) / c.currentSpend : null,
      marginalReturnAtRecommended: c.curve === null ? null : marginalOf(c.curve, recommended),
      atBound,
      locked: c.locked,
    } as const;
    const convex = c.curve !== null && c.curve.b > 1;
    return { ...allocation, reason: describe(allocation, c.curve !== null, convex, solution.lambda, outcome, format) };
  });
  return { allocations, expectedOutcome, currentOutcome, lambda: solution.lambda };
}
