// Logistic regression for the supervised churn baseline: label 1 = churned, 0 = retained. Fitted by
// Newton–Raphson (IRLS) with step halving on standardised features, with a small ridge penalty on the
// standardised coefficients (never on the intercept) so that perfectly separable data still has a
// finite optimum. The model is a plain object (numbers and arrays), so it crosses a worker boundary
// and goes into IndexedDB as it is; prediction is a separate function that takes raw features.

export interface LogisticOptions {
  /**
   * Ridge strength λ in the objective logLikelihood − (λ/2)·Σ coefficient², coefficients on the
   * standardised scale. Default 1e-4·n: the relative shrinkage is about λ / (n·p(1−p)), so the same
   * whatever n is (0.04 % at a 50 % churn rate, 0.1 % at 10 %), far below the sampling error of a
   * standardised coefficient (at least 2/√n) for any realistic n, yet it keeps the coefficients finite
   * when the classes can be separated. 0 turns it off (separable data then ends not converged).
   */
  l2?: number;
  /** Newton steps before giving up; default 100 (a well-posed fit takes 5–10). */
  maxIterations?: number;
  /** Converged when no standardised coefficient moves more than this in a Newton step; default 1e-8. */
  tolerance?: number;
}

export interface LogisticModel {
  /** Log-odds of churn at the feature means (standardised scale). */
  intercept: number;
  /** One per feature, per standard deviation of that feature; 0 for a constant feature. */
  coefficients: number[];
  means: number[];
  /** Population standard deviations; 0 marks a constant feature, which the model ignores. */
  sds: number[];
  /** Indices of features that had one value for every customer: no information, coefficient 0. */
  constantFeatures: number[];
  /** The ridge strength actually used. */
  l2: number;
  /** Unpenalised log-likelihood of the training labels at the fitted coefficients. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Training customers. */
  n: number;
}

/** The fewest customers a fit accepts: below this the coefficients are noise. */
export const MIN_CUSTOMERS = 10;

/** log(1 + e^x) without overflow. */
const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** 1 / (1 + e^−x) without overflow. */
const sigmoid = (x: number) => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/**
 * Cholesky solve of the symmetric positive-definite system a·x = b (a is q×q, row-major, upper triangle
 * read). Returns null when a pivot is not clearly positive, i.e. the system is numerically singular.
 */
function choleskySolve(a: Float64Array, b: Float64Array, q: number): Float64Array | null {
  const l = new Float64Array(q * q);
  let maxDiagonal = 0;
  for (let i = 0; i < q; i++) maxDiagonal = Math.max(maxDiagonal, a[i * q + i] as number);
  for (let j = 0; j < q; j++) {
    let pivot = a[j * q + j] as number;
    for (let k = 0; k < j; k++) pivot -= (l[j * q + k] as number) ** 2;
    if (!(pivot > 1e-13 * maxDiagonal)) return null;
    const ljj = Math.sqrt(pivot);
    l[j * q + j] = ljj;
    for (let i = j + 1; i < q; i++) {
      let sum = a[Math.min(i, j) * q + Math.max(i, j)] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * q + k] as number) * (l[j * q + k] as number);
      l[i * q + j] = sum / ljj;
    }
  }
  const y = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * q + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * q + i] as number);
  }
  const x = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < q; k++) sum -= (l[k * q + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * q + i] as number);
  }
  return x;
}

/** Checks the inputs and says exactly what is wrong, so the app can show it instead of a NaN model. */
function validate(features: readonly Float64Array[], labels: Uint8Array): { churned: number } {
  const n = labels.length;
  if (n < MIN_CUSTOMERS) {
    throw new Error(
      `Logistic regression needs at least ${MIN_CUSTOMERS} labelled customers, both churned and retained; got ${n}.`,
    );
  }
  features.forEach((column, j) => {
    if (column.length !== n) {
      throw new Error(`Feature ${j} has ${column.length} values but there are ${n} labels.`);
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i])) {
        throw new Error(`Feature ${j} has a missing or non-finite value (${column[i]}) for customer ${i}.`);
      }
    }
  });
  let churned = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number;
    if (y > 1) throw new Error(`Labels must be 0 (retained) or 1 (churned); customer ${i} has ${y}.`);
    churned += y;
  }
  if (churned === 0 || churned === n) {
    throw new Error(
      `Logistic regression needs both churned and retained customers; all ${n} are ${churned === 0 ? 'retained' : 'churned'}.`,
    );
  }
  return { churned };
}

/**
 * Fits P(churn) = sigmoid(intercept + Σ coefficient_j · (x_j − mean_j) / sd_j) by penalised maximum
 * likelihood. Features are columns (one Float64Array per feature, one value per customer); missing
 * values are rejected with the feature's index rather than filled, because a silent fill would change
 * what the coefficients mean — impute before calling.
 */
export function fitLogisticRegression(
  features: readonly Float64Array[],
  labels: Uint8Array,
  options: LogisticOptions = {},
): LogisticModel {
  const { churned } = validate(features, labels);
  const n = labels.length;
  const p = features.length;
  const l2 = options.l2 ?? 1e-4 * n;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new Error(`l2 must be a finite number ≥ 0; got ${l2}.`);

  const means: number[] = [];
  const sds: number[] = [];
  const constantFeatures: number[] = [];
  // The design matrix of the free parameters: an intercept column, then each non-constant feature standardised.
  const active: number[] = [];
  const columns: Float64Array[] = [];
  features.forEach((column, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i] as number;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((column[i] as number) - mean) ** 2;
    // Constant means every value equal: rounding in the mean can leave a tiny non-zero sd otherwise.
    const first = column[0] as number;
    const constant = column.every((v) => v === first);
    const sd = constant ? 0 : Math.sqrt(squares / n);
    means.push(constant ? first : mean);
    sds.push(sd);
    if (constant) {
      constantFeatures.push(j);
      return;
    }
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = ((column[i] as number) - mean) / sd;
    active.push(j);
    columns.push(z);
  });

  const q = active.length + 1;
  const beta = new Float64Array(q);
  // Start from the intercept-only optimum, which makes the first step small and the fit well-behaved.
  beta[0] = Math.log(churned / (n - churned));
  const eta = new Float64Array(n);
  const linearPredictor = (b: Float64Array, out: Float64Array) => {
    out.fill(b[0] as number);
    for (let k = 1; k < q; k++) {
      const z = columns[k - 1] as Float64Array;
      const bk = b[k] as number;
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) + bk * (z[i] as number);
    }
  };
  const logLikelihoodAt = (e: Float64Array) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const ei = e[i] as number;
      total -= labels[i] === 1 ? softplus(-ei) : softplus(ei);
    }
    return total;
  };
  const penalty = (b: Float64Array) => {
    let sum = 0;
    for (let k = 1; k < q; k++) sum += (b[k] as number) ** 2;
    return 0.5 * l2 * sum;
  };

  linearPredictor(beta, eta);
  let objective = logLikelihoodAt(eta) - penalty(beta);
  let iterations = 0;
  let converged = false;
  const gradient = new Float64Array(q);
  const hessian = new Float64Array(q * q);
  const trial = new Float64Array(q);
  const trialEta = new Float64Array(n);
  const row = new Float64Array(q);

  while (iterations < maxIterations) {
    // Gradient and negative Hessian of the penalised log-likelihood (upper triangle only).
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(eta[i] as number);
      const residual = (labels[i] as number) - mu;
      const weight = mu * (1 - mu);
      row[0] = 1;
      for (let k = 1; k < q; k++) row[k] = (columns[k - 1] as Float64Array)[i] as number;
      for (let a = 0; a < q; a++) {
        const ra = row[a] as number;
        gradient[a] = (gradient[a] as number) + residual * ra;
        const wa = weight * ra;
        for (let b = a; b < q; b++) hessian[a * q + b] = (hessian[a * q + b] as number) + wa * (row[b] as number);
      }
    }
    for (let k = 1; k < q; k++) {
      gradient[k] = (gradient[k] as number) - l2 * (beta[k] as number);
      hessian[k * q + k] = (hessian[k * q + k] as number) + l2;
    }
    // Singular only without the ridge, when the fitted probabilities have reached 0 or 1 (separation).
    const step = choleskySolve(hessian, gradient, q);
    if (!step) break;
    iterations++;
    let largest = 0;
    for (let k = 0; k < q; k++) largest = Math.max(largest, Math.abs(step[k] as number));
    // Halve the step until the penalised likelihood does not fall, so every iteration is an ascent.
    const before = objective;
    let accepted = false;
    for (let t = 1, halvings = 0; halvings < 40; t /= 2, halvings++) {
      for (let k = 0; k < q; k++) trial[k] = (beta[k] as number) + t * (step[k] as number);
      linearPredictor(trial, trialEta);
      const value = logLikelihoodAt(trialEta) - penalty(trial);
      if (Number.isFinite(value) && value >= objective) {
        beta.set(trial);
        eta.set(trialEta);
        objective = value;
        accepted = true;
        break;
      }
    }
    // A small Newton step that no longer raises the likelihood beyond rounding has also converged: on
    // ill-conditioned data (correlated features) the step stalls just above `tolerance` (seen on the demo).
    const stalled = largest <= 1e-4 && objective - before <= 1e-12 * (1 + Math.abs(before));
    if (largest <= tolerance || stalled) {
      converged = true;
      break;
    }
    if (!accepted) break;
  }

  const coefficients = new Array<number>(p).fill(0);
  active.forEach((j, k) => (coefficients[j] = beta[k + 1] as number));
  return {
    intercept: beta[0] ?? NaN,
    coefficients,
    means,
    sds,
    constantFeatures,
    l2,
    logLikelihood: logLikelihoodAt(eta),
    iterations,
    converged,
    n,
  };
}

/**
 * Churn probability per customer from raw (unstandardised) feature columns, in the order used to fit.
 * A missing (NaN) value gives NaN for that customer only, so one bad row does not sink a whole batch.
 */
export function predictProbability(model: LogisticModel, features: readonly Float64Array[]): Float64Array {
  const p = model.coefficients.length;
  if (features.length !== p) throw new Error(`The model has ${p} features; got ${features.length} columns.`);
  const n = features[0]?.length ?? 0;
  features.forEach((column, j) => {
    if (column.length !== n) throw new Error(`Feature ${j} has ${column.length} values; feature 0 has ${n}.`);
  });
  const eta = new Float64Array(n).fill(model.intercept);
  for (let j = 0; j < p; j++) {
    const sd = model.sds[j] ?? 0;
    const coefficient = model.coefficients[j] ?? 0;
    if (sd === 0 || coefficient === 0) continue;
    const column = features[j] as Float64Array;
    const mean = model.means[j] ?? 0;
    const scale = coefficient / sd;
    for (let i = 0; i < n; i++) eta[i] = (eta[i] as number) + scale * ((column[i] as number) - mean);
  }
  return eta.map(sigmoid);
}

/** The same model in raw feature units (change in log-odds per unit of each feature), for explanations such as odds ratios. */
export function coefficientsOnRawScale(model: LogisticModel): { intercept: number; coefficients: number[] } {
  let intercept = model.intercept;
  const coefficients = model.coefficients.map((coefficient, j) => {
    const sd = model.sds[j] ?? 0;
    if (sd === 0) return 0;
    const raw = coefficient / sd;
    intercept -= raw * (model.means[j] ?? 0);
    return raw;
  });
  return { intercept, coefficients };
}

export type ChurnDirection = 'raises churn risk' | 'lowers churn risk' | 'no effect';

export interface FeatureImportance {
  feature: string;
  /** Position of the feature in the fitted columns. */
  index: number;
  /** Change in log-odds of churn per standard deviation of the feature. */
  coefficient: number;
  /** |coefficient| as a share of the sum over all features (0 for all when every coefficient is 0). */
  share: number;
  /** 'no effect' only for an exact 0, i.e. a constant feature. */
  direction: ChurnDirection;
}

const directionOf = (coefficient: number): ChurnDirection =>
  coefficient > 0 ? 'raises churn risk' : coefficient < 0 ? 'lowers churn risk' : 'no effect';

/**
 * Features ranked by |standardised coefficient| (ties: fitted order). Standardised coefficients are
 * comparable across features measured in different units, which raw ones are not.
 */
export function featureImportance(model: LogisticModel, names: readonly string[]): FeatureImportance[] {
  if (names.length !== model.coefficients.length) {
    throw new Error(`The model has ${model.coefficients.length} features; got ${names.length} names.`);
  }
  const total = model.coefficients.reduce((sum, c) => sum + Math.abs(c), 0);
  return model.coefficients
    .map((coefficient, index) => ({
      feature: names[index] ?? '',
      index,
      coefficient,
      share: total > 0 ? Math.abs(coefficient) / total : 0,
      direction: directionOf(coefficient),
    }))
    .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient) || a.index - b.index);
}
