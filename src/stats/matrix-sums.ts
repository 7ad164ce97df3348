/**
 * Sums over a k × k row-major matrix, the building blocks of the alpha family:
 * `matrixSum` = 1'A1 (the variance of the total when A is a covariance matrix),
 * `trace` = Σ A_ii, `rowSum(i)` = Σ_j A_ij.
 */

export function matrixSum(a: Float64Array, k: number): number {
  let s = 0;
  for (let i = 0; i < k * k; i++) s += a[i];
  return s;
}

export function trace(a: Float64Array, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += a[i * k + i];
  return s;
}

export function rowSum(a: Float64Array, k: number, i: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += a[i * k + j];
  return s;
}

/**
 * Whether the variance of a sum, computed as a sum of covariances, is positive beyond
 * rounding: more than 1e-12 of the summed variances of its parts (`parts` = tr C). A sum
 * that is constant in the data has variance 0, which floating-point sums leave as ±1e-17
 * or so; dividing by that would give figures of 1e16 instead of "undefined".
 */
export function positiveVariance(variance: number, parts: number): boolean {
  return variance > 1e-12 * Math.abs(parts) && variance > 0;
}

/** True when every cell is a finite number. */
export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
