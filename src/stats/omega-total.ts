import { matrixSum, positiveVariance } from './matrix-sums.js';

/**
 * McDonald's (1999) omega total of the unit-weighted sum of the items, as psych::omega
 * computes `omega.tot`:
 *   ω_t = (1'R1 - Σ_i u_i²) / 1'R1
 * with u_i² = 1 - λ_i² the uniquenesses of a one-factor minimum-residual fit of R (see
 * minres-one-factor.ts). Items enter as they are scored (psych's `flip = FALSE`): a
 * negatively loading item lowers omega instead of being silently reversed.
 * NaN when R has an undefined cell or 1'R1 is not above rounding (items with a constant sum).
 *
 * @example
 * // three items correlating .49 each, λ = .7, u² = .51: 1'R1 = 3 + 6 · .49 = 5.94
 * omegaTotal(R, Float64Array.of(.51, .51, .51), 3) // (5.94 - 1.53) / 5.94 = 0.742424
 */
export function omegaTotal(r: Float64Array, uniquenesses: Float64Array, k: number): number {
  const total = matrixSum(r, k);
  if (!positiveVariance(total, k)) return Number.NaN;
  let unique = 0;
  for (let i = 0; i < k; i++) unique += uniquenesses[i];
  return (total - unique) / total;
}
