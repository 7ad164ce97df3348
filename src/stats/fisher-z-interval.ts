import { normalCritical } from './critical-value.js';

/**
 * Fisher (1921) z interval for a correlation, psych `r.con`:
 *   z = atanh(r),  limits = tanh(z ∓ z_{1-γ/2} / sqrt(n - 3)),  γ = 1 - level.
 * Used for Pearson and, with the same standard error, Spearman correlations.
 * Null when r is undefined or n < 4.
 *
 * @example fisherZInterval(0.5, 28, 0.95) // tanh(0.549306 ∓ 1.959964 / 5) = { lower: 0.156028, upper: 0.735818 }
 */
export function fisherZInterval(r: number, n: number, level: number): { lower: number; upper: number } | null {
  if (!Number.isFinite(r) || n < 4) return null;
  const z = Math.atanh(r);
  const half = normalCritical(level) / Math.sqrt(n - 3);
  return { lower: Math.tanh(z - half), upper: Math.tanh(z + half) };
}
