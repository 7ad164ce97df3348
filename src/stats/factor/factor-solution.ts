import { symmetricEigen } from '../symmetric-eigen.js';

/** The extraction methods of psych `fa(fm = ...)` implemented here. */
export type ExtractionMethod = 'minres' | 'ml' | 'pa';

/** A condition met while extracting or judging factors: the figures stay, the warning says why. */
export interface FactorWarning {
  code:
    | 'heywood'
    | 'ultra-heywood'
    | 'not-converged'
    | 'iteration-limit'
    | 'negative-eigenvalue'
    | 'smoothed'
    | 'undefined-figure';
  message: string;
}

/**
 * An unrotated factor solution of a k × k correlation matrix R with m factors, as psych
 * `fa(R, m, rotate = "none", fm)` returns it. This is the type the rotation code takes.
 */
export interface UnrotatedSolution {
  method: ExtractionMethod;
  /** Number of items (rows of the loadings). */
  k: number;
  /** Number of factors (columns of the loadings). */
  m: number;
  /**
   * Loadings Λ, k × m row-major (item i, factor f at i * m + f). Each column is signed so that
   * its sum is not negative, and columns are ordered by decreasing sum of squared loadings
   * (psych fac()).
   */
  loadings: Float64Array;
  /** h²_i = Σ_f Λ_if², the diagonal of the model ΛΛᵀ (psych `communality`). */
  communalities: Float64Array;
  /** u²_i = R_ii − h²_i (psych `uniquenesses`); negative in an ultra-Heywood case. */
  uniquenesses: Float64Array;
  /** Eigenvalues of the reduced matrix, R with h² on the diagonal (psych `values`; see each method). */
  values: Float64Array;
  /** Eigenvalues of R (psych `e.values`). */
  eValues: Float64Array;
  /** Optimiser iterations (minres, ml) or principal-axis iterations (pa). */
  iterations: number;
  /** False when the optimiser stopped before its convergence test (the figures are its last point). */
  converged: boolean;
  /** Some communality reached .995 (its uniqueness is at psych's lower bound .005): a Heywood case. */
  heywood: boolean;
  /** Some communality is above 1 (psych warns "An ultra-Heywood case was detected"). */
  ultraHeywood: boolean;
  warnings: FactorWarning[];
}

/** psych's lower bound on a uniqueness in optim (`lower = .005`). */
export const MIN_UNIQUENESS = 0.005;

/**
 * Finishes a solution as psych fac() does once the method has produced raw loadings: columns
 * signed so that each column sum is ≥ 0 (sign(colSums), 0 counted as +), then ordered by
 * decreasing Σ_i Λ_if² (R's stable `order(decreasing = TRUE)`); h² = diag(ΛΛᵀ), u² = R_ii − h²,
 * Heywood flags and their warnings. `values` (the reduced-matrix eigenvalues) are those of R
 * with h² on the diagonal unless the method passes its own (pa does).
 */
export function finishSolution(
  method: ExtractionMethod,
  r: Float64Array,
  k: number,
  m: number,
  raw: Float64Array,
  fit: { iterations: number; converged: boolean; values?: Float64Array; warnings?: FactorWarning[] },
): UnrotatedSolution {
  const signs = new Float64Array(m);
  const ss = new Float64Array(m);
  for (let f = 0; f < m; f++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += raw[i * m + f];
    signs[f] = sum < 0 ? -1 : 1;
    for (let i = 0; i < k; i++) ss[f] += raw[i * m + f] ** 2;
  }
  const order = Array.from({ length: m }, (_, f) => f).sort((a, b) => (ss[b] !== ss[a] ? ss[b] - ss[a] : a - b));
  const loadings = new Float64Array(k * m);
  for (let i = 0; i < k; i++) {
    for (let f = 0; f < m; f++) loadings[i * m + f] = signs[order[f]] * raw[i * m + order[f]];
  }
  const communalities = new Float64Array(k);
  const uniquenesses = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let h2 = 0;
    for (let f = 0; f < m; f++) h2 += loadings[i * m + f] ** 2;
    communalities[i] = h2;
    uniquenesses[i] = r[i * k + i] - h2;
  }
  let values = fit.values;
  if (!values) {
    const reduced = Float64Array.from(r);
    for (let i = 0; i < k; i++) reduced[i * k + i] = communalities[i];
    values = symmetricEigen(reduced, k).values;
  }
  const warnings = [...(fit.warnings ?? [])];
  const heywood = communalities.some((h) => h >= 1 - MIN_UNIQUENESS - 1e-9);
  const ultraHeywood = communalities.some((h) => h > 1);
  if (ultraHeywood) {
    warnings.push({ code: 'ultra-heywood', message: 'a communality is above 1 (an ultra-Heywood case): examine the solution with care' });
  } else if (heywood) {
    warnings.push({ code: 'heywood', message: 'a communality reached .995 (a Heywood case): its uniqueness is at the lower bound .005' });
  }
  return {
    method,
    k,
    m,
    loadings,
    communalities,
    uniquenesses,
    values,
    eValues: symmetricEigen(r, k).values,
    iterations: fit.iterations,
    converged: fit.converged,
    heywood,
    ultraHeywood,
    warnings,
  };
}
