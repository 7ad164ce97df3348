import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * Two-sided normal critical value z = Φ⁻¹(1 − (1 − level)/2), computed as −Φ⁻¹((1 − level)/2),
 * which is what scipy's `norm.isf(alpha / 2)` (statsmodels) and R's `qnorm((1 + level)/2)` give.
 *
 * @example normalCritical(0.95) // 1.959963984540054 (to 1e-15)
 */
export function normalCritical(level: number): number {
  if (level !== lastNormal.level) lastNormal = { level, z: -normalQuantile((1 - level) / 2, 0, 1) };
  return lastNormal.z;
}

/** The last level asked for and its z: a report asks for the same level for every interval (a prevalence table's tens). */
let lastNormal = { level: Number.NaN, z: Number.NaN };

/**
 * Two-sided Student t critical value t = −t⁻¹_df((1 − level)/2), as R's `qt((1 + level)/2, df)`.
 * Requires df > 0 (a design with one cluster has no t critical value).
 *
 * @example tCritical(0.95, 9) // 2.262157162798205
 */
export function tCritical(level: number, df: number): number {
  return -tQuantile((1 - level) / 2, df);
}
