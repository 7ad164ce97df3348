import { matrixSum, positiveVariance, rowSum, trace } from './matrix-sums.js';

/**
 * Item-total correlation from the item covariance matrix C of complete cases (psych::alpha
 * `raw.r` under listwise deletion): item i with the sum of all k items,
 *   r_i,total = Σ_j C_ij / sqrt(C_ii · 1'C1)
 * NaN when either variance is not positive (the total's beyond rounding).
 *
 * @example
 * // C = [[1, .5], [.5, 2]]: r_1,total = 1.5 / sqrt(1 · 4) = 0.75
 * itemTotalFromCovariance(Float64Array.of(1, .5, .5, 2), 2)[0] // 0.75
 */
export function itemTotalFromCovariance(c: Float64Array, k: number): Float64Array {
  const total = matrixSum(c, k);
  const totalVaries = positiveVariance(total, trace(c, k));
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const vi = c[i * k + i];
    out[i] = vi > 0 && totalVaries ? rowSum(c, k, i) / Math.sqrt(vi * total) : Number.NaN;
  }
  return out;
}
