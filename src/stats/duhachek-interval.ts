import { normalCritical } from './critical-value.js';
import { matrixSum, positiveVariance, rowSum, trace } from './matrix-sums.js';

/**
 * Asymptotic variance term of coefficient alpha (Duhachek & Iacobucci 2004, eq. 5, after
 * van Zyl, Neudecker & Nel 2000), exactly as psych::alpha computes `Q` from the item
 * covariance matrix C:
 *   Q = 2k² / ((k - 1)² (1'C1)³) · [ 1'C1 (tr C² + (tr C)²) - 2 tr C · 1'C²1 ]
 * NaN when k < 2 or 1'C1 is 0 up to rounding.
 */
export function duhachekQ(c: Float64Array, k: number): number {
  if (k < 2) return Number.NaN;
  const total = matrixSum(c, k);
  const tr = trace(c, k);
  if (!positiveVariance(total, tr)) return Number.NaN;
  let trC2 = 0;
  for (let i = 0; i < k * k; i++) trC2 += c[i] * c[i];
  let oneC2one = 0;
  for (let i = 0; i < k; i++) {
    const s = rowSum(c, k, i);
    oneC2one += s * s;
  }
  return ((2 * k * k) / ((k - 1) * (k - 1) * total * total * total)) * (total * (trC2 + tr * tr) - 2 * tr * oneC2one);
}

/**
 * Duhachek & Iacobucci (2004) normal-theory interval for alpha:
 *   α ∓ z_{1-γ/2} · ase,   ase = sqrt(Q / n)   (psych::alpha `ase`)
 * with γ = 1 - level. psych's printout uses z = 1.96 for its "Duhachek" row; this uses the
 * exact normal quantile for the requested level. n is psych's `nsub`, the rows it was given
 * (complete cases under listwise deletion, every row under pairwise).
 * Null limits when alpha or Q is undefined or n < 1.
 *
 * @example duhachekInterval(0.8, 0.09, 100, 0.95) // 0.8 ∓ 1.959964 · 0.03
 */
export function duhachekInterval(
  alpha: number,
  q: number,
  n: number,
  level: number,
): { lower: number | null; upper: number | null; ase: number | null } {
  if (!Number.isFinite(alpha) || !(q >= 0) || n < 1) return { lower: null, upper: null, ase: null };
  const ase = Math.sqrt(q / n);
  const z = normalCritical(level);
  return { lower: alpha - z * ase, upper: alpha + z * ase, ase };
}
