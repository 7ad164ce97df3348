import { pseudoInverse } from './pseudo-inverse.js';
import { allFinite } from './matrix-sums.js';

/**
 * Squared multiple correlation of each item on the other items, psych `smc(R)`:
 *   smc_i = 1 - 1 / (R⁺)_ii
 * with R⁺ the (pseudo-)inverse of the correlation matrix (see pseudo-inverse.ts); values
 * above 1 are set to 1 and below 0 to 0, as psych does. All NaN when R has an undefined
 * cell (psych then falls back on partial matrices; here the figure is left undefined).
 * `singular` tells that R was singular and the pseudo-inverse dropped an eigenvalue.
 *
 * @example
 * // two items correlating .5: R⁻¹_11 = 1 / (1 - .25), smc = .25
 * squaredMultipleCorrelations(Float64Array.of(1, .5, .5, 1), 2).values // [0.25, 0.25]
 */
export function squaredMultipleCorrelations(r: Float64Array, k: number): { values: Float64Array; singular: boolean } {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k < 2 || !allFinite(r)) return { values: out, singular: false };
  const { inverse, dropped } = pseudoInverse(r, k);
  for (let i = 0; i < k; i++) {
    const smc = 1 - 1 / inverse[i * k + i];
    out[i] = smc > 1 ? 1 : smc < 0 ? 0 : smc;
  }
  return { values: out, singular: dropped > 0 };
}
