import { matrixSum, positiveVariance } from './matrix-sums.js';

/**
 * Guttman's (1945) lambda-6 from squared multiple correlations, psych::alpha `G6(smc)`:
 *   λ6 = 1 - Σ_i (1 - smc_i) / 1'R1
 * NaN when an smc or a correlation is undefined.
 *
 * @example
 * // two items correlating .5: smc = .25 each, 1'R1 = 3
 * guttmanLambda6(Float64Array.of(1, .5, .5, 1), Float64Array.of(.25, .25), 2) // 1 - 1.5/3 = 0.5
 */
export function guttmanLambda6(r: Float64Array, smc: Float64Array, k: number): number {
  let unexplained = 0;
  for (let i = 0; i < k; i++) unexplained += 1 - smc[i];
  const total = matrixSum(r, k);
  if (!positiveVariance(total, k)) return Number.NaN;
  return 1 - unexplained / total;
}
