import { choleskyInverseDiagonal } from './cholesky-inverse.js';
import { allFinite } from './matrix-sums.js';
import { pseudoInverseDiagonal } from './pseudo-inverse.js';

/**
 * Squared multiple correlation of each item on the other items, psych `smc(R)`:
 *   smc_i = 1 - 1 / (R⁺)_ii
 * with R⁺ = psych `Pinv(R)`, values above 1 set to 1 and below 0 to 0, as psych does.
 * All NaN when R has an undefined cell (psych then falls back on partial matrices; here the
 * figure is left undefined). `singular` tells that Pinv dropped an eigenvalue.
 *
 * Pinv keeps every eigenvalue λ with |λ| > tol · max|λ| (tol = sqrt(machine epsilon)); when it
 * keeps them all, R⁺ = R⁻¹. So R⁻¹'s diagonal is taken from the Cholesky factor (k³/3
 * multiply-adds, see cholesky-inverse.ts) when R is positive definite and Pinv provably
 * keeps every eigenvalue: λ_min ≥ 1 / tr(R⁻¹) (all eigenvalues of R⁻¹ are positive) and
 * max|λ| ≤ ‖R‖_∞ (max absolute row sum), so
 *   1 / tr(R⁻¹) > tol · ‖R‖_∞
 * suffices. Otherwise (Cholesky fails: R is indefinite or singular, or R is too close to
 * singular for that bound) the eigen-based pseudo-inverse (9k³ flops) gives psych's result.
 *
 * @example
 * // two items correlating .5: R⁻¹_11 = 1 / (1 - .25), smc = .25
 * squaredMultipleCorrelations(Float64Array.of(1, .5, .5, 1), 2).values // [0.25, 0.25]
 */
export function squaredMultipleCorrelations(r: Float64Array, k: number): { values: Float64Array; singular: boolean } {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k < 2 || !allFinite(r)) return { values: out, singular: false };
  let diagonal = choleskyInverseDiagonal(r, k);
  let singular = false;
  if (diagonal === null || !keepsEveryEigenvalue(r, diagonal, k)) {
    const pinv = pseudoInverseDiagonal(r, k);
    diagonal = pinv.diagonal;
    singular = pinv.dropped > 0;
  }
  for (let i = 0; i < k; i++) {
    const smc = 1 - 1 / diagonal[i];
    out[i] = smc > 1 ? 1 : smc < 0 ? 0 : smc;
  }
  return { values: out, singular };
}

/**
 * Whether psych's Pinv provably keeps every eigenvalue of the positive definite R, given the
 * diagonal of R⁻¹: 1 / tr(R⁻¹) > sqrt(eps) · ‖R‖_∞.
 */
function keepsEveryEigenvalue(r: Float64Array, inverseDiagonal: Float64Array, k: number): boolean {
  let traceInverse = 0;
  for (let i = 0; i < k; i++) traceInverse += inverseDiagonal[i];
  let normInf = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += Math.abs(r[i * k + j]);
    if (row > normInf) normInf = row;
  }
  return Number.isFinite(traceInverse) && 1 / traceInverse > Math.sqrt(Number.EPSILON) * normInf;
}
