import { allFinite } from '../matrix-sums.js';
import { minresOneFactor } from '../minres-one-factor.js';
import { omegaTotal } from '../omega-total.js';
import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { withoutItem } from './submatrix.js';

/**
 * Omega total if an item is dropped, as jamovi (jmv `reliability`: `psych::omega(data[, -i],
 * 1, flip = FALSE)$omega.tot`) and JASP's classic reliability analysis compute it: the one-factor
 * minres model (minres-one-factor.ts, the model of omega total) refitted to the other k - 1
 * items, ω = (1'R₋ᵢ1 - Σ u²) / 1'R₋ᵢ1, from the same correlations as omega total
 * (`cor(x, use = "pairwise")`). Not the full model's loadings with one item left out: the
 * refit is what those programs report. NaN for k < 4 (two items leave no one-factor model to
 * fit, as for omega itself), when R has an undefined cell, or when a fit does not converge.
 */
export function omegaIfDropped(r: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k < 4 || !allFinite(r)) return out;
  const m = k - 1;
  for (let i = 0; i < k; i++) {
    const ri = withoutItem(r, k, i);
    const fit = minresOneFactor(ri, m, squaredMultipleCorrelations(ri, m).values);
    if (fit.converged) out[i] = omegaTotal(ri, fit.uniquenesses, m);
  }
  return out;
}
