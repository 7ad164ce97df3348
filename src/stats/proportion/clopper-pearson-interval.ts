import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { Bounds } from './bounds.js';

/**
 * Clopper–Pearson ("exact") interval (Clopper & Pearson 1934), statsmodels
 * `proportion_confint(method="beta")`:
 *
 *   lower = B⁻¹(α/2; x, n − x + 1),  upper = B⁻¹(1 − α/2; x + 1, n − x),  α = 1 − level
 *
 * with lower = 0 at x = 0 and upper = 1 at x = n (statsmodels' edge rule; the beta quantile is
 * undefined there). Each tail keeps α/2 even at the edges, as statsmodels and R
 * `binom.test` do, so 0 of n has upper bound 1 − (α/2)^(1/n).
 *
 * `count` and `n` may be non-integer: Korn & Graubard (1998) substitute the df-adjusted
 * effective sample size under a cluster design (R survey `svyciprop(method = "beta")`).
 *
 * @example clopperPearsonInterval(3, 10, 0.95) // { lower: 0.0667395112, upper: 0.6524528501 } (as binom.test(3, 10))
 */
export function clopperPearsonInterval(count: number, n: number, level: number): Bounds {
  const halfAlpha = (1 - level) / 2;
  return {
    lower: count <= 0 ? 0 : betaQuantile(halfAlpha, count, n - count + 1),
    upper: count >= n ? 1 : betaQuantile(1 - halfAlpha, count + 1, n - count),
  };
}
