import { brentRoot } from './brent-root.js';
import { noncentralChiSquareCdf } from './noncentral-chi-square.js';

export interface Rmsea {
  estimate: number;
  /** Null where psych's search gives NA (no root, or a bound on the wrong side of the estimate). */
  lower: number | null;
  upper: number | null;
  /** Confidence level of the interval, 1 − alpha (psych fa's alpha = .1: a 90% interval). */
  level: number;
}

/**
 * Steiger & Lind's RMSEA and its confidence interval as psych factor.stats computes them:
 *   RMSEA = √max(χ²/(df · n) − 1/(n − 1), 0),
 * and the bounds √(λ/((n − 1) df)), λ the noncentrality at which the noncentral chi-square
 * CDF at the statistic equals 1 − alpha/2 (lower) or alpha/2 (upper), searched in
 * [0, max(n, χ²) + 2n] (psych's uniroot interval). A bound is 0 when the central CDF at the
 * statistic is not above its tail (psych's test); when the search finds no root the upper bound
 * is 0 if RMSEA is 0 and null otherwise, the lower null; a bound on the wrong side of the
 * estimate is null. `chiSquare` is psych's unclamped statistic (used by the estimate) and
 * `statistic` the reported one (clamped at 0, used by the bounds). The roots are found to
 * 1e-10 in λ (psych's uniroot stops at 1.2e-4, which moves RMSEA bounds by well under 1e-6).
 */
export function rmseaWithInterval(chiSquare: number, statistic: number, df: number, n: number, alpha = 0.1): Rmsea {
  const estimate = Math.sqrt(Math.max(chiSquare / (df * n) - 1 / (n - 1), 0));
  const tail = alpha / 2;
  const top = Math.max(n, chiSquare) + 2 * n;
  const central = noncentralChiSquareCdf(statistic, df, 0);
  const bound = (target: number) => brentRoot((x) => noncentralChiSquareCdf(statistic, df, x) - target, 0, top, 1e-10);
  let upper: number | null = 0;
  if (central > tail) {
    const root = bound(tail);
    upper = root === null ? (estimate <= 0 ? 0 : null) : Math.sqrt(root / (n - 1) / df);
  }
  let lower: number | null = 0;
  if (central > 1 - tail) {
    const root = bound(1 - tail);
    lower = root === null ? null : Math.sqrt(root / (n - 1) / df);
  }
  if (upper !== null && upper < estimate) upper = null;
  if (lower !== null && lower > estimate) lower = null;
  return { estimate, lower, upper, level: 1 - alpha };
}
