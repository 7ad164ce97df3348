import fQuantile from '@stdlib/stats-base-dists-f-quantile';

/**
 * Feldt (1965) confidence interval for coefficient alpha, psych `alpha.ci`:
 *   lower = 1 - (1 - α) · F(1 - γ/2; n - 1, (n - 1)(k - 1))
 *   upper = 1 - (1 - α) · F(γ/2;     n - 1, (n - 1)(k - 1))
 * with γ = 1 - level and F(p; d1, d2) the F quantile. n is the number of respondents
 * (psych passes nrow of the data it was given: complete cases under listwise deletion,
 * every row under pairwise) and k the number of items.
 * Null limits when alpha is undefined, n < 2 or k < 2, and when alpha exceeds 1 by more than
 * rounding (possible only with pairwise covariances), where the interval would be reversed.
 *
 * @example feldtInterval(0.8, 100, 5, 0.95) // { lower: 0.730558, upper: 0.855887 } (psych::alpha.ci(.8, 100, 5))
 */
/** How far alpha may exceed 1 by rounding alone (identical items give 1 + 2.2e-16). */
export const ALPHA_ROUNDING = 1e-12;

export function feldtInterval(
  alpha: number,
  n: number,
  k: number,
  level: number,
): { lower: number | null; upper: number | null } {
  if (!Number.isFinite(alpha) || alpha > 1 + ALPHA_ROUNDING || n < 2 || k < 2) return { lower: null, upper: null };
  const gamma = 1 - level;
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  const lower = 1 - (1 - alpha) * fQuantile(1 - gamma / 2, d1, d2);
  const upper = 1 - (1 - alpha) * fQuantile(gamma / 2, d1, d2);
  return { lower: Number.isFinite(lower) ? lower : null, upper: Number.isFinite(upper) ? upper : null };
}
