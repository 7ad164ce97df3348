import { matrixSum, positiveVariance, trace } from '../matrix-sums.js';
import { minresOneFactor } from '../minres-one-factor.js';
import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import { minresExtraction } from '../factor/minres-extraction.js';
import { minresFactors } from './minres-factors.js';

export interface GreatestLowerBound {
  glb: number;
  /** Factors of the model whose communalities give the bound (psych `numf`). */
  factors: number;
  converged: boolean;
}

/**
 * The greatest lower bound to reliability as psych::glb.fa estimates it (after Bentler &
 * Woodward 1980, through factor analysis):
 *   1. fit one minres factor; nf = the number of positive eigenvalues of R with that fit's
 *      communalities on the diagonal;
 *   2. if the nf-factor model has negative degrees of freedom, k(k-1)/2 - nf·k + nf(nf-1)/2 < 0,
 *      use nf - 1 (once, as psych);
 *   3. fit nf minres factors (factor/minres-extraction.ts, or minres-factors.ts where that does not settle; one factor: minres-one-factor.ts) and put
 *      their communalities h² on the diagonal of R:
 *   glb = (1'R1 - tr R + Σ h²_i) / 1'R1.
 * NaN for k < 3, an undefined cell, 1'R1 not above rounding, or a fit that did not converge.
 */
export function greatestLowerBound(r: Float64Array, k: number): GreatestLowerBound {
  const undefinedResult = { glb: Number.NaN, factors: 0, converged: false };
  if (k < 3) return undefinedResult;
  const total = matrixSum(r, k);
  if (!Number.isFinite(total) || !positiveVariance(total, k)) return undefinedResult;
  const smc = squaredMultipleCorrelations(r, k).values;
  const one = minresOneFactor(r, k, smc);
  if (!one.converged) return undefinedResult;
  const reduced = Float64Array.from(r);
  for (let i = 0; i < k; i++) reduced[i * k + i] = one.loadings[i] * one.loadings[i];
  const { values } = symmetricEigen(reduced, k);
  let nf = 0;
  for (let i = 0; i < k; i++) if (values[i] > 0) nf++;
  const df = (k * (k - 1)) / 2 - nf * k + (nf * (nf - 1)) / 2;
  if (df < 0) nf--;
  let h2: Float64Array;
  let converged: boolean;
  if (nf <= 1) {
    h2 = Float64Array.from(one.loadings, (l) => l * l);
    converged = true;
    nf = 1;
  } else {
    // The quasi-Newton fit settles in a few steps on most scales; on a flat minimum where it
    // does not, the slower fixed-point fit of minres-factors.ts is tried.
    const fast = minresExtraction(r, k, nf, { gtol: 1e-7 });
    const fit = fast.converged ? fast : minresFactors(r, k, nf, smc);
    h2 = fit.communalities;
    converged = fit.converged;
  }
  let common = 0;
  for (let i = 0; i < k; i++) common += h2[i];
  const glb = (total - trace(r, k) + common) / total;
  return { glb: converged ? glb : Number.NaN, factors: nf, converged };
}
