// Maximum-likelihood fitting of a few positive parameters, done properly: Nelder–Mead on the logarithms
// inside a box (so a parameter running off to 0 or ∞ stops at the box and is reported, not hidden), a stop
// only when both the likelihood and the parameters have settled, then Newton steps on a finite-difference
// Hessian that polish the optimum and give the observed information: standard errors and the flat
// directions a marketer must be told about. Matrix algebra comes from ml-matrix.

import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, inverse } from 'ml-matrix';
import { nelderMead } from './nelderMead';

export interface MaximumLikelihoodOptions {
  /** Cap on each Nelder–Mead run (there are two: a start and a restart from its optimum). Default 10,000. */
  maxIterations?: number;
  /** Each parameter is kept in [e^−bound, e^bound]. Default 14 (about 1.2e6): far beyond any sensible value. */
  logBound?: number;
  /** Starting point (positive parameters); default all ones. */
  start?: readonly number[];
}

export interface MaximumLikelihoodResult {
  /** The maximising parameters (positive). */
  parameters: number[];
  logLikelihood: number;
  /** Nelder–Mead iterations of both runs. */
  iterations: number;
  /** Both runs stopped on their tolerances (likelihood and parameters), not on the iteration cap. */
  converged: boolean;
  /** Indices of parameters that ended at the box's edge: the likelihood still rises beyond it. */
  atBound: number[];
  /** Standard errors of the parameters (delta method from log space); NaN where the information is not positive definite. */
  standardErrors: number[];
  /** Standard errors of the log-parameters. */
  logStandardErrors: number[];
  /**
   * Smallest over largest eigenvalue of the observed information (in log-parameters). Near 0 or below:
   * a direction along which the likelihood is flat, so the data cannot pin the parameters down.
   */
  informationRatio: number;
}

/** Relative spread of the simplex's values, and absolute spread of its log-parameters, at which a run stops. */
const VALUE_TOLERANCE = 1e-12;
const PARAMETER_TOLERANCE = 1e-9;
/** Finite-difference steps in log-parameters for the gradient (central) and the Hessian. */
const GRADIENT_STEP = 1e-5;
const HESSIAN_STEP = 1e-4;
const NEWTON_STEPS = 6;

function gradientAt(f: (z: number[]) => number, z: readonly number[]): number[] {
  return z.map((_, i) => {
    const up = z.slice();
    const down = z.slice();
    up[i] = (up[i] as number) + GRADIENT_STEP;
    down[i] = (down[i] as number) - GRADIENT_STEP;
    return (f(up) - f(down)) / (2 * GRADIENT_STEP);
  });
}

function hessianAt(f: (z: number[]) => number, z: readonly number[], centre: number): number[][] {
  const n = z.length;
  const h = HESSIAN_STEP;
  const at = (moves: [number, number][]) => {
    const point = z.slice();
    for (const [i, d] of moves) point[i] = (point[i] as number) + d;
    return f(point);
  };
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    (out[i] as number[])[i] = (at([[i, h]]) - 2 * centre + at([[i, -h]])) / (h * h);
    for (let j = 0; j < i; j++) {
      const value =
        (at([
          [i, h],
          [j, h],
        ]) -
          at([
            [i, h],
            [j, -h],
          ]) -
          at([
            [i, -h],
            [j, h],
          ]) +
          at([
            [i, -h],
            [j, -h],
          ])) /
        (4 * h * h);
      (out[i] as number[])[j] = value;
      (out[j] as number[])[i] = value;
    }
  }
  return out;
}

const isPositiveDefinite = (m: number[][]) =>
  m.every((row) => row.every(Number.isFinite)) && new CholeskyDecomposition(new Matrix(m)).isPositiveDefinite();

/**
 * Maximises `logLikelihood` (the sum over `observations` customers) over positive parameters. The search
 * minimises the mean negative log-likelihood so its tolerances mean the same for 100 or 1M customers.
 */
export function maximiseLikelihood(
  logLikelihood: (parameters: number[]) => number,
  dimensions: number,
  observations: number,
  options: MaximumLikelihoodOptions = {},
): MaximumLikelihoodResult {
  const maxIterations = options.maxIterations ?? 10_000;
  const bound = options.logBound ?? 14;
  const n = Math.max(observations, 1);
  const objective = (z: readonly number[]) =>
    z.some((v) => Math.abs(v) > bound) ? Infinity : -logLikelihood(z.map(Math.exp)) / n;
  const start = options.start ? options.start.map(Math.log) : new Array<number>(dimensions).fill(0);
  const tolerances = { tolerance: VALUE_TOLERANCE, parameterTolerance: PARAMETER_TOLERANCE, maxIterations };
  const first = nelderMead(objective, start, tolerances);
  const second = nelderMead(objective, first.x, { ...tolerances, initialStep: 0.1 });
  let z = second.x;
  let value = second.value;
  const converged = first.converged && second.converged;
  const clamp = (v: number) => Math.max(-bound, Math.min(bound, v));
  // Newton polish: where the simplex stopped a hair short, a few steps on the local quadratic finish the job.
  let hessian = hessianAt(objective, z, value);
  for (let step = 0; step < NEWTON_STEPS && isPositiveDefinite(hessian); step++) {
    const gradient = gradientAt(objective, z);
    const delta = inverse(new Matrix(hessian)).mmul(Matrix.columnVector(gradient)).to1DArray();
    const next = z.map((v, i) => clamp(v - (delta[i] ?? 0)));
    const nextValue = objective(next);
    if (!(nextValue <= value)) break;
    const moved = Math.max(...next.map((v, i) => Math.abs(v - (z[i] as number))));
    z = next;
    value = nextValue;
    hessian = hessianAt(objective, z, value);
    if (moved < 1e-11) break;
  }
  const atBound = z.flatMap((v, i) => (Math.abs(v) >= bound - 1e-3 ? [i] : []));
  const parameters = z.map(Math.exp);
  let logStandardErrors = new Array<number>(dimensions).fill(NaN);
  let informationRatio = NaN;
  if (hessian.every((row) => row.every(Number.isFinite))) {
    const eigen = new EigenvalueDecomposition(new Matrix(hessian), { assumeSymmetric: true }).realEigenvalues;
    const largest = Math.max(...eigen.map(Math.abs));
    informationRatio = largest > 0 ? Math.min(...eigen) / largest : NaN;
    if (isPositiveDefinite(hessian)) {
      // The Hessian is of the mean; the sum's is n times larger, so its inverse (the covariance) n times smaller.
      const covariance = inverse(new Matrix(hessian));
      logStandardErrors = z.map((_, i) => Math.sqrt(covariance.get(i, i) / n));
    }
  }
  return {
    parameters,
    logLikelihood: -value * n,
    iterations: first.iterations + second.iterations,
    converged,
    atBound,
    standardErrors: parameters.map((p, i) => p * (logStandardErrors[i] ?? NaN)),
    logStandardErrors,
    informationRatio,
  };
}
