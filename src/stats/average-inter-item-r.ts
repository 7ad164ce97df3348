import { matrixSum } from './matrix-sums.js';

/**
 * Mean of the k(k-1) off-diagonal correlations (psych::alpha `average_r`):
 * r̄ = (1'R1 - k) / (k (k - 1)). NaN when k < 2 or R has an undefined cell.
 *
 * @example averageInterItemR(Float64Array.of(1, 0.3, 0.3, 1), 2) // 0.3
 */
export function averageInterItemR(r: Float64Array, k: number): number {
  if (k < 2) return Number.NaN;
  return (matrixSum(r, k) - k) / (k * (k - 1));
}
