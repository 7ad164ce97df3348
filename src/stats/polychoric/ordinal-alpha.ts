import { standardizedAlpha } from '../standardized-alpha.js';

/**
 * Ordinal alpha (Zumbo, Gadermann & Zeisser, 2007): coefficient alpha of the k × k polychoric
 * (or tetrachoric) correlation matrix R, k/(k − 1) · (1 − k / 1'R1), which is what
 * psych::alpha(polychoric(x)$rho) reports (raw_alpha = std.alpha for a correlation matrix).
 * NaN when k < 2 or R has an undefined cell.
 *
 * @example ordinalAlpha(Float64Array.of(1, 0.6, 0.6, 1), 2) // 2 · (1 − 2/3.2) = 0.75
 */
export function ordinalAlpha(rho: Float64Array, k: number): number {
  for (let i = 0; i < k * k; i++) if (Number.isNaN(rho[i])) return Number.NaN;
  return standardizedAlpha(rho, k);
}
