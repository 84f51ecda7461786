import { describe, expect, it } from 'vitest';
import { allocateBudget, type CampaignBudgetInput } from '../../../../src/analytics/campaigns/allocateBudget';
import { mulberry32 } from '../../../../src/analytics/random';
import { textFormat } from '../../../../src/analytics/campaigns/textFormat';

type Curve = { a: number; b: number };

const outcome = (curve: Curve, spend: number) => curve.a * Math.pow(spend, curve.b);
const total = (curves: readonly Curve[], spend: readonly number[]) =>
  curves.reduce((s, curve, i) => s + outcome(curve, spend[i] ?? 0), 0);

// ±30 % bounds around current spend, as the Campaigns page defaults them.
const campaign = (id: string, currentSpend: number, curve: Curve | null, locked = false): CampaignBudgetInput => ({
  id,
  currentSpend,
  curve,
  min: 0.7 * currentSpend,
  max: 1.3 * currentSpend,
  locked,
});

// Brute force over a grid of the first two spends, the third taking the rest: independent of any
// marginal-return reasoning, so it also covers linear and convex curves.
function gridOptimum3(curves: readonly Curve[], bounds: readonly [number, number][], budget: number, steps: number) {
  const [b0, b1, b2] = bounds;
  if (b0 === undefined || b1 === undefined || b2 === undefined) throw new Error('need three campaigns');
  let best = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const x0 = b0[0] + ((b0[1] - b0[0]) * i) / steps;
    for (let j = 0; j <= steps; j++) {
      const x1 = b1[0] + ((b1[1] - b1[0]) * j) / steps;
      const x2 = budget - x0 - x1;
      if (x2 < b2[0] || x2 > b2[1]) continue;
      best = Math.max(best, total(curves, [x0, x1, x2]));
    }
  }
  return best;
}

// Reference for many concave campaigns: start everyone at min and hand out the rest in small chunks,
// each to the campaign whose next chunk earns most. Exact up to the chunk size for concave curves.
function incrementalOptimum(curves: readonly Curve[], bounds: readonly [number, number][], budget: number) {
  const spend = bounds.map(([lo]) => lo);
  let left = budget - spend.reduce((s, x) => s + x, 0);
  const chunk = left / 20_000;
  while (left > 1e-9) {
    const step = Math.min(chunk, left);
    let bestIndex = -1;
    let bestGain = -Infinity;
    curves.forEach((curve, i) => {
      const x = spend[i] ?? 0;
      const hi = bounds[i]?.[1] ?? 0;
      if (x + step > hi + 1e-9) return;
      const gain = outcome(curve, x + step) - outcome(curve, x);
      if (gain > bestGain) [bestGain, bestIndex] = [gain, i];
    });
    if (bestIndex < 0) break;
    spend[bestIndex] = (spend[bestIndex] ?? 0) + step;
    left -= step;
  }
  return total(curves, spend);
}

describe('allocateBudget on planted curves', () => {
  const trueCurves: Curve[] = [
    { a: 40, b: 0.5 }, // strongly diminishing
    { a: 6, b: 0.8 },
    { a: 2.2, b: 0.95 }, // nearly linear
  ];
  const currents = [400, 300, 500];
  const bounds = currents.map((c): [number, number] => [0.7 * c, 1.3 * c]);
  const budget = 1200;

  it('reaches the brute-force optimum of three concave campaigns and beats current spend', () => {
    const result = allocateBudget(
      trueCurves.map((curve, i) => campaign(`c${i}`, currents[i] ?? 0, curve)),
      budget,
    );
    const recommended = result.allocations.map((a) => a.recommended);
    const optimum = gridOptimum3(trueCurves, bounds, budget, 600);
    const current = total(trueCurves, currents);
    expect(optimum).toBeGreaterThan(current * 1.001);
    // The grid can only undershoot the true optimum, so the exact solver must match or beat it.
    expect(total(trueCurves, recommended)).toBeGreaterThanOrEqual(optimum * (1 - 1e-9));
    expect(result.expectedOutcome).toBeCloseTo(total(trueCurves, recommended), 9);
    expect(result.currentOutcome).toBeCloseTo(current, 9);
  });

  it('with noisy curve estimates, still reaches 98 % of the true optimum, judged on the true curves', () => {
    const random = mulberry32(7);
    const optimum = gridOptimum3(trueCurves, bounds, budget, 600);
    const current = total(trueCurves, currents);
    for (let trial = 0; trial < 20; trial++) {
      // Estimates off by up to ±10 % in scale and ±0.03 in elasticity, like a fit on noisy daily data.
      const estimated = trueCurves.map(({ a, b }) => ({
        a: a * (0.9 + 0.2 * random()),
        b: Math.min(0.99, b + 0.06 * (random() - 0.5)),
      }));
      const result = allocateBudget(
        estimated.map((curve, i) => campaign(`c${i}`, currents[i] ?? 0, curve)),
        budget,
      );
      const achieved = total(
        trueCurves,
        result.allocations.map((a) => a.recommended),
      );
      expect(achieved).toBeGreaterThanOrEqual(0.98 * optimum);
      expect(achieved).toBeGreaterThan(current);
    }
  });

  it('matches an incremental-greedy reference on ten random concave campaigns', () => {
    const random = mulberry32(42);
    for (let trial = 0; trial < 5; trial++) {
      const curves = Array.from({ length: 10 }, () => ({ a: 1 + 20 * random(), b: 0.2 + 0.75 * random() }));
      const spends = curves.map(() => 50 + 950 * random());
      const trialBounds = spends.map((s): [number, number] => [0.7 * s, 1.3 * s]);
      const sumCurrent = spends.reduce((s, x) => s + x, 0);
      const trialBudget = sumCurrent * (0.85 + 0.3 * random());
      const result = allocateBudget(
        curves.map((curve, i) => campaign(`c${i}`, spends[i] ?? 0, curve)),
        trialBudget,
      );
      const achieved = total(
        curves,
        result.allocations.map((a) => a.recommended),
      );
      const reference = incrementalOptimum(curves, trialBounds, trialBudget);
      expect(achieved).toBeGreaterThanOrEqual(reference * (1 - 1e-9));
      expect(achieved).toBeGreaterThanOrEqual(0.98 * reference);
    }
  });

  it('fills linear and convex campaigns by their return, within 98 % of the brute-force optimum', () => {
    const cases: { curves: Curve[]; currents: number[]; budget: number }[] = [
      {
        curves: [
          { a: 30, b: 0.5 },
          { a: 1.1, b: 1 },
          { a: 0.01, b: 1.4 },
        ],
        currents: [300, 300, 300],
        budget: 900,
      },
      {
        curves: [
          { a: 30, b: 0.5 },
          { a: 1.5, b: 1 },
          { a: 0.02, b: 1.4 },
        ],
        currents: [300, 300, 300],
        budget: 1000,
      },
      {
        curves: [
          { a: 10, b: 0.6 },
          { a: 0.02, b: 1.3 },
          { a: 0.015, b: 1.35 },
        ],
        currents: [500, 200, 200],
        budget: 850,
      },
      {
        curves: [
          { a: 1, b: 1 },
          { a: 2, b: 1 },
          { a: 50, b: 0.3 },
        ],
        currents: [100, 100, 100],
        budget: 290,
      },
    ];
    for (const c of cases) {
      const caseBounds = c.currents.map((s): [number, number] => [0.7 * s, 1.3 * s]);
      const result = allocateBudget(
        c.curves.map((curve, i) => campaign(`c${i}`, c.currents[i] ?? 0, curve)),
        c.budget,
      );
      const achieved = total(
        c.curves,
        result.allocations.map((a) => a.recommended),
      );
      expect(achieved).toBeGreaterThanOrEqual(0.98 * gridOptimum3(c.curves, caseBounds, c.budget, 600));
    }
  });

  it('moves a convex campaign the budget ran out on to whichever bound earns more', () => {
    // The convex one's chord slope is 1.5, where 30·√x has spent 100 of the 150, so the Lagrangian
    // fill leaves it split at 50 (outcome ≈ 356.8). At a bound does better: 0 gives 30·√150 ≈ 367.4.
    const convex = { a: 1.5 / Math.pow(100, 0.4), b: 1.4 };
    const result = allocateBudget(
      [
        { id: 'sqrt', currentSpend: 75, curve: { a: 30, b: 0.5 }, min: 0, max: 1000, locked: false },
        { id: 'convex', currentSpend: 75, curve: convex, min: 0, max: 100, locked: false },
      ],
      150,
    );
    expect(result.allocations.map((a) => a.recommended)).toEqual([150, 0]);
    expect(result.allocations[1]?.atBound).toBe('min');
    expect(result.expectedOutcome).toBeCloseTo(30 * Math.sqrt(150), 9);
  });

  it('puts a linear campaign exactly where the concave one stops paying more', () => {
    // 10·√x has marginal 5/√x, which equals the linear 0.2 at x = 625; the linear one takes the rest.
    const result = allocateBudget(
      [
        { id: 'sqrt', currentSpend: 500, curve: { a: 10, b: 0.5 }, min: 0, max: 1000, locked: false },
        { id: 'linear', currentSpend: 200, curve: { a: 0.2, b: 1 }, min: 0, max: 100, locked: false },
      ],
      700,
    );
    const [sqrt, linear] = result.allocations;
    expect(sqrt?.recommended).toBeCloseTo(625, 6);
    expect(linear?.recommended).toBeCloseTo(75, 6);
    expect(result.lambda).toBeCloseTo(0.2, 9);
  });
});

describe('allocateBudget over seeded random cases', () => {
  // Random portfolios: mixed curve shapes, locked and no-data campaigns, budgets anywhere in range,
  // including its exact ends.
  function randomCase(seed: number, concaveOnly: boolean) {
    const random = mulberry32(seed);
    const n = 1 + Math.floor(random() * 12);
    const campaigns: CampaignBudgetInput[] = Array.from({ length: n }, (_, i) => {
      const currentSpend = random() < 0.05 ? 0 : 10 + 2000 * random();
      const b = concaveOnly ? 0.05 + 0.9 * random() : 0.05 + 1.4 * random();
      const widthLow = random() * 0.5;
      const widthHigh = random() * 0.5;
      return {
        id: `c${i}`,
        currentSpend,
        curve: random() < 0.15 ? null : { a: random() < 0.05 ? 0 : 0.1 + 30 * random(), b },
        min: currentSpend * (1 - widthLow),
        max: currentSpend * (1 + widthHigh) + (random() < 0.1 ? 500 : 0),
        locked: random() < 0.15,
      };
    });
    const free = campaigns.filter((c) => !c.locked && c.curve !== null);
    const fixed = campaigns.filter((c) => c.locked || c.curve === null).reduce((s, c) => s + c.currentSpend, 0);
    const lo = fixed + free.reduce((s, c) => s + c.min, 0);
    const hi = fixed + free.reduce((s, c) => s + c.max, 0);
    const pick = random();
    const budget = pick < 0.05 ? lo : pick < 0.1 ? hi : lo + (hi - lo) * random();
    return { campaigns, budget };
  }

  it('always respects bounds and locks and spends the budget exactly', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { campaigns, budget } = randomCase(seed, false);
      const result = allocateBudget(campaigns, budget);
      expect(result.allocations.map((a) => a.id)).toEqual(campaigns.map((c) => c.id));
      let spent = 0;
      campaigns.forEach((c, i) => {
        const allocation = result.allocations[i];
        if (allocation === undefined) throw new Error('missing allocation');
        const x = allocation.recommended;
        spent += x;
        expect(Number.isFinite(x)).toBe(true);
        if (c.locked || c.curve === null) {
          expect(x).toBe(c.currentSpend);
        } else {
          expect(x).toBeGreaterThanOrEqual(c.min);
          expect(x).toBeLessThanOrEqual(c.max);
        }
        expect(allocation.reason.length).toBeGreaterThan(0);
      });
      expect(Math.abs(spent - budget)).toBeLessThanOrEqual(1e-9 * Math.max(1, budget));
    }
  });

  it('equalises marginal returns across campaigns not at a bound (concave curves)', () => {
    let interiorChecked = 0;
    for (let seed = 1000; seed < 1300; seed++) {
      const { campaigns, budget } = randomCase(seed, true);
      const { allocations, lambda } = allocateBudget(campaigns, budget);
      // With every free campaign at its lower (upper) bound there is nothing to trade, so λ only
      // has to separate the bounds when some campaign could give up (take) spend.
      const movable = allocations.filter((a, i) => {
        const c = campaigns[i];
        return c !== undefined && !c.locked && c.curve !== null && c.min !== c.max;
      });
      const someAboveMin = movable.some((a) => a.atBound !== 'min');
      const someBelowMax = movable.some((a) => a.atBound !== 'max');
      campaigns.forEach((c, i) => {
        const allocation = allocations[i];
        if (allocation === undefined || c.locked || c.curve === null || c.min === c.max || lambda === null) return;
        const marginal = allocation.marginalReturnAtRecommended ?? NaN;
        const relative = 1e-6 * lambda;
        // KKT conditions: interior at λ, at the upper bound still above λ, at the lower bound below it.
        if (allocation.atBound === null) {
          interiorChecked++;
          expect(Math.abs(marginal - lambda)).toBeLessThanOrEqual(relative);
        } else if (allocation.atBound === 'max') {
          if (someBelowMax) expect(marginal).toBeGreaterThanOrEqual(lambda - relative);
        } else if (someAboveMin) {
          expect(marginal).toBeLessThanOrEqual(lambda + relative);
        }
      });
    }
    expect(interiorChecked).toBeGreaterThan(100);
  });

  it('never does worse than current spend when current spend is itself feasible (concave curves)', () => {
    for (let seed = 2000; seed < 2200; seed++) {
      const { campaigns } = randomCase(seed, true);
      const budget = campaigns.reduce((s, c) => s + c.currentSpend, 0);
      const result = allocateBudget(campaigns, budget);
      expect(result.expectedOutcome).toBeGreaterThanOrEqual(result.currentOutcome * (1 - 1e-12));
    }
  });
});

describe('allocateBudget explanations', () => {
  it('explains locks, missing data and moves to a bound in one sentence each', () => {
    const result = allocateBudget(
      [
        campaign('winner', 100, { a: 10, b: 0.9 }),
        campaign('loser', 100, { a: 1, b: 0.5 }),
        campaign('locked', 100, { a: 5, b: 0.5 }, true),
        campaign('new', 100, null),
      ],
      400,
    );
    const reasons = Object.fromEntries(result.allocations.map((a) => [a.id, a.reason]));
    const [winner, loser] = result.allocations;
    expect(winner?.atBound).toBe('max');
    expect(winner?.changePct).toBeCloseTo(30, 9);
    expect(loser?.atBound).toBe('min');
    expect(reasons.winner).toMatch(/^Raised 30 % to its upper bound: each extra \$1 still returns \$\d+\.\d\d/);
    expect(reasons.loser).toMatch(/^Cut 30 % to its lower bound/);
    expect(reasons.locked).toBe('Locked at its current $100.00 a day.');
    expect(reasons.new).toMatch(/not enough data/);
    expect(result.allocations[3]?.marginalReturnAtRecommended).toBeNull();
  });

  it('writes the reasons in the workspace currency and locale', () => {
    const result = allocateBudget(
      [campaign('winner', 100, { a: 10, b: 0.9 }), campaign('locked', 100, { a: 5, b: 0.5 }, true)],
      200,
      { format: textFormat({ currency: 'EUR', locale: 'de-DE' }) },
    );
    const [winner, locked] = result.allocations.map((a) => a.reason);
    // de-DE writes "100,00 €" with a no-break space, and one euro as "1 €".
    expect(locked).toBe('Locked at its current 100,00\u00a0€ a day.');
    expect(winner).not.toContain('$');
  });

  it('speaks in conversions when the goal is conversions', () => {
    const result = allocateBudget(
      [campaign('a', 100, { a: 0.5, b: 0.9 }), campaign('b', 100, { a: 0.1, b: 0.5 })],
      200,
      {
        outcome: 'conversions',
      },
    );
    expect(result.allocations[0]?.reason).toMatch(/conversions/);
  });
});

describe('allocateBudget refuses bad input', () => {
  const two = [campaign('a', 100, { a: 2, b: 0.5 }), campaign('b', 100, { a: 3, b: 0.5 }, true)];
  const cases: { name: string; campaigns: CampaignBudgetInput[]; budget: number; message: RegExp }[] = [
    { name: 'negative budget', campaigns: two, budget: -1, message: /Total budget must be .* at least 0; got -1/ },
    { name: 'NaN budget', campaigns: two, budget: NaN, message: /Total budget must be .*got NaN/ },
    {
      name: 'budget below Σ min',
      campaigns: two,
      budget: 150,
      message:
        /\$150\.00 is outside the feasible range \$170\.00–\$230\.00 \(locked and no-data campaigns keep \$100\.00/,
    },
    {
      name: 'budget above Σ max',
      campaigns: two,
      budget: 231,
      message: /outside the feasible range \$170\.00–\$230\.00/,
    },
    {
      name: 'min above max',
      campaigns: [{ ...campaign('a', 100, { a: 2, b: 0.5 }), min: 120, max: 80 }],
      budget: 100,
      message: /Campaign "a": min \(120\) is above max \(80\)/,
    },
    {
      name: 'NaN spend',
      campaigns: [{ ...campaign('a', 100, { a: 2, b: 0.5 }), currentSpend: NaN }],
      budget: 100,
      message: /Campaign "a": current spend must be a finite number/,
    },
    {
      name: 'NaN bound',
      campaigns: [{ ...campaign('a', 100, { a: 2, b: 0.5 }), max: NaN }],
      budget: 100,
      message: /Campaign "a": max must be a finite number/,
    },
    {
      name: 'bad curve',
      campaigns: [campaign('a', 100, { a: 2, b: 0 })],
      budget: 100,
      message: /curve exponent b must be finite and > 0/,
    },
    {
      name: 'duplicate id',
      campaigns: [campaign('a', 100, { a: 2, b: 0.5 }), campaign('a', 100, { a: 2, b: 0.5 })],
      budget: 200,
      message: /Campaign "a" appears more than once/,
    },
  ];
  it.each(cases)('$name', ({ campaigns, budget, message }) => {
    expect(() => allocateBudget(campaigns, budget)).toThrow(message);
  });

  it('accepts the exact ends of the feasible range', () => {
    expect(allocateBudget(two, 170).allocations[0]?.recommended).toBe(70);
    expect(allocateBudget(two, 230).allocations[0]?.recommended).toBe(130);
  });
});
