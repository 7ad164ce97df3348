import { choleskyInverse, choleskyInverseDiagonal } from './cholesky-inverse.js';
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
 * The largest condition bound ‖R‖_∞ tr(R⁻¹) (at least the condition number of R) for which
 * `smcWithoutEach` downdates R⁻¹: its cancellation then costs at most about 1e4 · 2⁻⁵² of
 * each figure.
 */
const DOWNDATE_CONDITION = 1e4;

/**
 * For each item j, the squared multiple correlations of the other k - 1 items among
 * themselves, as squaredMultipleCorrelations(R without row and column j) gives them, from one
 * inverse P = R⁻¹: the inverse of R without j is P without j minus P_·j P_j· / P_jj (the
 * Schur complement; Golub & Van Loan §3.4), whose diagonal is
 *   P_ii - P_ij² / P_jj,
 * O(k) per item instead of a factorisation of each (k - 1) × (k - 1) matrix. Only for an R that
 * is positive definite and well conditioned (DOWNDATE_CONDITION): a principal submatrix of such
 * an R is so too (its eigenvalues interlace R's), so psych's Pinv keeps every eigenvalue of
 * each. Null otherwise: the caller takes each submatrix apart.
 */
export function smcWithoutEach(r: Float64Array, k: number): Float64Array[] | null {
  if (k < 3 || !allFinite(r)) return null;
  const p = choleskyInverse(r, k);
  if (p === null) return null;
  let traceInverse = 0;
  for (let i = 0; i < k; i++) traceInverse += p[i * k + i];
  if (!(traceInverse * maxRowSum(r, k) <= DOWNDATE_CONDITION)) return null;
  return Array.from({ length: k }, (_, j) => {
    const out = new Float64Array(k - 1);
    const pjj = p[j * k + j];
    for (let i = 0, o = 0; i < k; i++) {
      if (i === j) continue;
      const pij = p[i * k + j];
      const smc = 1 - 1 / (p[i * k + i] - (pij * pij) / pjj);
      out[o++] = smc > 1 ? 1 : smc < 0 ? 0 : smc;
    }
    return out;
  });
}

/** ‖R‖_∞: the largest absolute row sum. */
function maxRowSum(r: Float64Array, k: number): number {
  let normInf = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += Math.abs(r[i * k + j]);
    if (row > normInf) normInf = row;
  }
  return normInf;
}

/**
 * Whether psych's Pinv provably keeps every eigenvalue of the positive definite R, given the
 * diagonal of R⁻¹: 1 / tr(R⁻¹) > sqrt(eps) · ‖R‖_∞.
 */
function keepsEveryEigenvalue(r: Float64Array, inverseDiagonal: Float64Array, k: number): boolean {
  let traceInverse = 0;
  for (let i = 0; i < k; i++) traceInverse += inverseDiagonal[i];
  return Number.isFinite(traceInverse) && 1 / traceInverse > Math.sqrt(Number.EPSILON) * maxRowSum(r, k);
}
