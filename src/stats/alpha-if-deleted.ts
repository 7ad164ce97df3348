import { matrixSum, positiveVariance, rowSum, trace } from './matrix-sums.js';

/**
 * Raw alpha of the other k - 1 items for each item i (psych::alpha `alpha.drop$raw_alpha`),
 * from the sums of C without forming each (k-1) × (k-1) submatrix:
 *   1'C₍₋ᵢ₎1 = 1'C1 - 2 Σ_j C_ij + C_ii,   tr C₍₋ᵢ₎ = tr C - C_ii,
 *   alpha₍₋ᵢ₎ = (k-1)/(k-2) · (1 - tr C₍₋ᵢ₎ / 1'C₍₋ᵢ₎1)          (O(k²) for all items).
 * Undefined (NaN) for k <= 2, where one item is left and alpha needs two (psych prints
 * C_12 / C_jj there, which is not an alpha), and when the other items' total is constant.
 *
 * @example
 * // C of three items; deleting item 3 leaves [[1, .5], [.5, 1]] with alpha 2/3
 * alphaIfDeleted(Float64Array.of(1, .5, .2, .5, 1, .3, .2, .3, 1), 3)[2] // 0.6667
 */
export function alphaIfDeleted(c: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k <= 2) return out;
  const total = matrixSum(c, k);
  const tr = trace(c, k);
  for (let i = 0; i < k; i++) {
    const vi = c[i * k + i];
    const restTotal = total - 2 * rowSum(c, k, i) + vi;
    const restTrace = tr - vi;
    if (positiveVariance(restTotal, restTrace)) out[i] = ((k - 1) / (k - 2)) * (1 - restTrace / restTotal);
  }
  return out;
}
