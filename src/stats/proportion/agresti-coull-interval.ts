import { clipToUnit, type Bounds } from './bounds.js';

/**
 * Agresti–Coull interval (Agresti & Coull 1998), statsmodels
 * `proportion_confint(method="agresti_coull")`:
 *
 *   ñ = n + z²,  p̃ = (x + z²/2)/ñ,  p̃ ± z · √(p̃(1 − p̃)/ñ)
 *
 * clipped to [0, 1] as statsmodels clips it (at 0 of n the raw lower bound is negative).
 *
 * `count` and `n` may be non-integer (effective count and sample size under a cluster design).
 *
 * @example agrestiCoullInterval(3, 10, 1.959963984540054) // { lower: 0.1033384179, upper: 0.6076747020 }
 */
export function agrestiCoullInterval(count: number, n: number, crit: number): Bounds {
  const crit2 = crit * crit;
  const nTilde = n + crit2;
  const pTilde = (count + crit2 / 2) / nTilde;
  const half = crit * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
  return clipToUnit({ lower: pTilde - half, upper: pTilde + half });
}
