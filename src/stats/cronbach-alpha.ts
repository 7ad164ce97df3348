import { matrixSum, positiveVariance, trace } from './matrix-sums.js';

/**
 * Cronbach's alpha from the item covariance matrix C (Cronbach 1951; psych::alpha
 * `raw_alpha`): alpha = k / (k - 1) · (1 - tr(C) / 1'C1).
 * With 0/1 items and sample variances this is KR-20 (Kuder & Richardson 1937).
 * NaN when k < 2, when any cell is undefined, or when the total has no variance (1'C1 is 0
 * up to rounding, see positiveVariance).
 *
 * @example
 * // two items with variances 1 and 1 and covariance 0.5: 1'C1 = 3, tr = 2
 * cronbachAlpha(Float64Array.of(1, 0.5, 0.5, 1), 2) // 2 · (1 - 2/3) = 2/3
 */
export function cronbachAlpha(c: Float64Array, k: number): number {
  if (k < 2) return Number.NaN;
  const total = matrixSum(c, k);
  const tr = trace(c, k);
  if (!positiveVariance(total, tr)) return Number.NaN;
  return (k / (k - 1)) * (1 - tr / total);
}
