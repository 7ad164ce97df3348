import { matrixSum, positiveVariance, rowSum, trace } from './matrix-sums.js';

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
  const total = matrixSum(c, k);
  const tr = trace(c, k);
  for (let i = 0; i < k; i++) {
    const vi = c[i * k + i];
    const row = rowSum(c, k, i);
    // 1'C₍₋ᵢ₎1 = 1'C1 - 2 Σ_j C_ij + C_ii, without forming the submatrix (O(k²) for all items).
    const restVariance = total - 2 * row + vi;
    if (vi > 0 && positiveVariance(restVariance, tr - vi)) out[i] = (row - vi) / Math.sqrt(vi * restVariance);
  }
  return out;
}
