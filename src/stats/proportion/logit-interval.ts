import type { Bounds } from './bounds.js';

/**
 * Logit-transformed Wald interval for 0 < p < 1:
 *
 *   f = ln(p/(1 − p)),  se_f = se / (p(1 − p))   (delta method),
 *   [expit(f − crit · se_f), expit(f + crit · se_f)],  expit(u) = 1/(1 + e^(−u))
 *
 * This is Stata's `proportion` default (citype(logit)) and R survey `svyciprop(method = "logit")`
 * (there via a quasi-binomial intercept-only `svyglm`, whose sandwich standard error of the
 * intercept is exactly se/(p(1 − p))). The bounds lie strictly inside (0, 1).
 * Undefined at p = 0 and p = 1 (f infinite): the callers fall back to the exact interval there.
 *
 * @example logitInterval(0.3, Math.sqrt(0.21 / 9), 2.262157162798205) // { lower: 0.0763662290, upper: 0.6895848920 }
 */
export function logitInterval(p: number, se: number, crit: number): Bounds {
  const f = Math.log(p / (1 - p));
  const half = (crit * se) / (p * (1 - p));
  return { lower: expit(f - half), upper: expit(f + half) };
}

/** The logistic function 1/(1 + e^(−u)). */
export function expit(u: number): number {
  return 1 / (1 + Math.exp(-u));
}
