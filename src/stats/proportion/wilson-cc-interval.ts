import type { Bounds } from './bounds.js';

/**
 * Wilson score interval with continuity correction, exactly as R
 * `prop.test(x, n, correct = TRUE)$conf.int` (one sample, null p = 0.5, two-sided):
 *
 *   yates = min(0.5, |x − n/2|)                       (R shrinks the correction near x = n/2)
 *   pc = x/n + yates/n;  upper = 1 if pc >= 1, else (pc + z²/(2n) + z·√(pc(1 − pc)/n + z²/(4n²))) / (1 + z²/n)
 *   pc = x/n − yates/n;  lower = 0 if pc <= 0, else (pc + z²/(2n) − z·√(pc(1 − pc)/n + z²/(4n²))) / (1 + z²/n)
 *
 * then lower = max(lower, 0), upper = min(upper, 1) (as R). Because of R's
 * `min(0.5, |x − n/2|)`, x = n/2 gives the uncorrected Wilson interval and |x − n/2| < 0.5
 * a partial correction. Newcombe (1998) method 4.
 *
 * `count` and `n` may be non-integer (effective count and sample size under a cluster design).
 *
 * @example wilsonCcInterval(3, 10, 1.959963984540054) // { lower: 0.0809478242, upper: 0.6463292765 } (as prop.test(3, 10))
 */
export function wilsonCcInterval(count: number, n: number, crit: number): Bounds {
  const estimate = count / n;
  const yates = Math.min(0.5, Math.abs(count - n * 0.5));
  const z22n = (crit * crit) / (2 * n);
  let pc = estimate + yates / n;
  const upper = pc >= 1 ? 1 : (pc + z22n + crit * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  pc = estimate - yates / n;
  const lower = pc <= 0 ? 0 : (pc + z22n - crit * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return { lower: Math.max(lower, 0), upper: Math.min(upper, 1) };
}
