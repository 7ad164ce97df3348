import { clipToUnit, type Bounds } from './bounds.js';

/**
 * Wald interval p ± crit · se, clipped to [0, 1].
 *
 * For a simple random sample, se = √(p(1 − p)/n) and crit = z: statsmodels
 * `proportion_confint(method="normal")`, which clips to [0, 1]. At 0 of n and n of n the
 * standard error is 0 and the interval is the single point [0, 0] or [1, 1] (statsmodels too).
 *
 * For a cluster sample, se is the design (linearisation) standard error and crit = t on the
 * design df: R survey `svyciprop(method = "mean")`, which does not clip; here the bounds are
 * clipped to [0, 1] as for the simple-random-sample case, so no bound leaves the unit interval.
 *
 * @example waldInterval(0.3, Math.sqrt(0.3 * 0.7 / 10), 1.959963984540054) // { lower: 0.0159742349106, upper: 0.5840257650894 }
 */
export function waldInterval(p: number, se: number, crit: number): Bounds {
  const half = crit * se;
  return clipToUnit({ lower: p - half, upper: p + half });
}

/** Standard error of a proportion under simple random sampling, √(p(1 − p)/n) (statsmodels `normal`). */
export function binomialStandardError(count: number, n: number): number {
  const p = count / n;
  return Math.sqrt((p * (1 - p)) / n);
}
