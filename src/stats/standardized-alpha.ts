import { matrixSum, positiveVariance } from './matrix-sums.js';

/**
 * Standardized alpha from the item correlation matrix R (psych::alpha `std.alpha`):
 * alpha_std = k / (k - 1) · (1 - k / 1'R1), the alpha of the standardized items.
 * NaN when k < 2, R has an undefined cell, or 1'R1 is 0 up to rounding.
 *
 * @example standardizedAlpha(Float64Array.of(1, 0.5, 0.5, 1), 2) // 2 · (1 - 2/3) = 2/3
 */
export function standardizedAlpha(r: Float64Array, k: number): number {
  if (k < 2) return Number.NaN;
  const total = matrixSum(r, k);
  if (!positiveVariance(total, k)) return Number.NaN;
  return (k / (k - 1)) * (1 - k / total);
}
