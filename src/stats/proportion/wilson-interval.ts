import type { Bounds } from './bounds.js';

/**
 * Wilson score interval (Wilson 1927; Brown, Cai & DasGupta 2001), statsmodels
 * `proportion_confint(method="wilson")`:
 *
 *   center = (p + z²/(2n)) / (1 + z²/n)
 *   half   = z · √(p(1 − p)/n + z²/(4n²)) / (1 + z²/n)
 *
 * statsmodels does not clip: the bounds lie in [0, 1] by construction. At 0 of n the lower
 * bound is exactly 0 and at n of n the upper bound is exactly 1 (the formula's algebraic
 * value; floating point would leave a residue of about 1e-17), so those are returned as
 * 0 and 1.
 *
 * `count` and `n` may be non-integer: with a cluster design they are the effective count
 * p · n_eff and the effective sample size n_eff, and `crit` is t on the design df.
 *
 * @example wilsonInterval(3, 10, 1.959963984540054) // { lower: 0.1077912674, upper: 0.6032218525 }
 */
export function wilsonInterval(count: number, n: number, crit: number): Bounds {
  const p = count / n;
  const crit2 = crit * crit;
  const denom = 1 + crit2 / n;
  const center = (p + crit2 / (2 * n)) / denom;
  const half = (crit * Math.sqrt((p * (1 - p)) / n + crit2 / (4 * n * n))) / denom;
  return {
    lower: count <= 0 ? 0 : center - half,
    upper: count >= n ? 1 : center + half,
  };
}
