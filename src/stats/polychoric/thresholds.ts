import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * psych::polychoric's thresholds of one item from its answer counts per category (categories
 * in order, empty ones included): τ_c = Φ⁻¹(n_1 + … + n_c) / n), c = 1 … C − 1. An empty lowest
 * category gives −∞, an empty highest +∞, an empty middle one two equal thresholds. The counts
 * are every answer of the item (not only those paired with another item), as psych's
 * `tabulate` of the column. All NaN when the item has no answers.
 *
 * @example polychoricThresholds([10, 30, 60]) // [Φ⁻¹(0.1), Φ⁻¹(0.4)] = [-1.2816, -0.2533]
 */
export function polychoricThresholds(counts: ArrayLike<number>): Float64Array {
  const c = counts.length;
  let n = 0;
  for (let i = 0; i < c; i++) n += counts[i];
  const tau = new Float64Array(Math.max(0, c - 1));
  let cumulative = 0;
  for (let i = 0; i < c - 1; i++) {
    cumulative += counts[i];
    tau[i] = n > 0 ? normalQuantile(cumulative / n, 0, 1) : Number.NaN;
  }
  return tau;
}

/**
 * psych::tetrachoric's threshold of a 0/1 item: τ = −Φ⁻¹(p), p the proportion of 1s among its
 * answers (psych: `-qnorm(colMeans(x, na.rm = TRUE))`); the same as the polychoric threshold
 * Φ⁻¹(1 − p) up to rounding.
 *
 * @example tetrachoricThreshold(30, 100) // -Φ⁻¹(0.3) = 0.5244
 */
export function tetrachoricThreshold(ones: number, n: number): number {
  return n > 0 ? -normalQuantile(ones / n, 0, 1) : Number.NaN;
}
