import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail of the chi-square distribution, P(X² >= x) on df degrees of freedom, as R
 * `pchisq(x, df, lower.tail = FALSE)`: the regularized upper incomplete gamma function
 * Q(df/2, x/2). Computed directly (not as 1 − CDF), so tiny p-values keep their relative precision.
 *
 * @example chiSquareUpperTail(3.841458820694124, 1) // 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
