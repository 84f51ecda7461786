// Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients and the
// shrink step), for the few-parameter likelihoods of the CLV models. Derivative-free, so the models
// need only their log-likelihood; convergence is reported, not assumed.

export interface NelderMeadOptions {
  /** Stop when the simplex's function values differ by less than this (relative)… */
  tolerance?: number;
  /** …and, when given, its vertices differ from the best by at most this in every coordinate. */
  parameterTolerance?: number;
  maxIterations?: number;
  /** Size of the initial simplex along each axis. */
  initialStep?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/** Minimises `f` from `start`. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const tolerance = options.tolerance ?? 1e-10;
  const parameterTolerance = options.parameterTolerance ?? Infinity;
  const maxIterations = options.maxIterations ?? 5000;
  const step = options.initialStep ?? 0.5;
  const n = start.length;
  // A non-finite value (a parameter outside the model's domain) counts as worse than anything finite.
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({
    x,
    v: value(x),
  }));
  const combine = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((ai, i) => ai + t * ((b[i] ?? 0) - ai));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    const valuesSettled = Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance);
    const pointsSettled =
      parameterTolerance === Infinity ||
      simplex.every((p) => p.x.every((v, i) => Math.abs(v - (best.x[i] as number)) <= parameterTolerance));
    if (valuesSettled && pointsSettled) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = start.map((_, i) => simplex.slice(0, n).reduce((s, p) => s + (p.x[i] ?? 0), 0) / n);
    const reflected = combine(centroid, worst.x, -1);
    const vr = value(reflected);
    const secondWorst = (simplex[n - 1] as { v: number }).v;
    if (vr < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ve = value(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < secondWorst) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const outside = vr < worst.v;
      const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
      const vc = value(contracted);
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = combine(best.x, p.x, 0.5);
          return { x, v: value(x) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  const best = simplex[0] as { x: number[]; v: number };
  return { x: best.x, value: best.v, iterations, converged };
}

/**
 * Minimises `f` over positive parameters by Nelder–Mead on their logarithms, starting at all ones,
 * then restarts once from the optimum (which re-opens a simplex that may have collapsed on the way).
 * `maxIterations` caps each of the two runs; the iterations reported are both runs'.
 */
export function minimiseOverPositives(
  f: (positives: number[]) => number,
  dimensions: number,
  maxIterations: number,
): { parameters: number[]; value: number; iterations: number; converged: boolean } {
  const objective = (z: readonly number[]) => f(z.map(Math.exp));
  const first = nelderMead(objective, new Array<number>(dimensions).fill(0), { tolerance: 1e-12, maxIterations });
  const result = nelderMead(objective, first.x, { tolerance: 1e-12, maxIterations, initialStep: 0.1 });
  return {
    parameters: result.x.map(Math.exp),
    value: result.value,
    iterations: first.iterations + result.iterations,
    converged: result.converged,
  };
}
