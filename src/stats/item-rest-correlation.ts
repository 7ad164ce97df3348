import { matrixSum, positiveVariance, rowSum, trace, withoutIndex } from './matrix-sums.js';

/**
 * Corrected item-total correlation, item i with the sum of the other items, from the item
 * covariance matrix C (psych::alpha `r.drop`):
 *   r_i,rest = (Σ_j C_ij - C_ii) / sqrt(C_ii · 1'C₍₋ᵢ₎1)
 * where C₍₋ᵢ₎ is C without row and column i (the variance of the rest score).
 * NaN when k < 2 or either variance is not positive (the rest score's beyond rounding).
 *
 * @example
 * // C = [[1, .5], [.5, 2]]: r_1,rest = .5 / sqrt(1 · 2)
 * itemRestCorrelation(Float64Array.of(1, .5, .5, 2), 2)[0] // 0.35355
 */
export function itemRestCorrelation(c: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k < 2) return out;
  for (let i = 0; i < k; i++) {
    const vi = c[i * k + i];
    const rest = withoutIndex(c, k, i);
    const restVariance = matrixSum(rest, k - 1);
    if (vi > 0 && positiveVariance(restVariance, trace(rest, k - 1))) out[i] = (rowSum(c, k, i) - vi) / Math.sqrt(vi * restVariance);
  }
  return out;
}
