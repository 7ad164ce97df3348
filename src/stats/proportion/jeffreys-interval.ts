import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { Bounds } from './bounds.js';

/**
 * Jeffreys interval (Brown, Cai & DasGupta 2001): the equal-tailed posterior interval under
 * the Beta(1/2, 1/2) prior, statsmodels `proportion_confint(method="jeffreys")`:
 *
 *   [B⁻¹(α/2; x + ½, n − x + ½), B⁻¹(1 − α/2; x + ½, n − x + ½)]
 *
 * statsmodels applies no edge modification (Brown et al. suggest lower = 0 at x = 0; statsmodels
 * and this function do not), so 0 of n has a small positive lower bound. Never NaN for n > 0.
 *
 * `count` and `n` may be non-integer (Korn–Graubard effective count and sample size under a
 * cluster design).
 *
 * @example jeffreysInterval(3, 10, 0.95) // { lower: 0.0926945939, upper: 0.6058183181 }
 */
export function jeffreysInterval(count: number, n: number, level: number): Bounds {
  const halfAlpha = (1 - level) / 2;
  const a = count + 0.5;
  const b = n - count + 0.5;
  return { lower: betaQuantile(halfAlpha, a, b), upper: betaQuantile(1 - halfAlpha, a, b) };
}
