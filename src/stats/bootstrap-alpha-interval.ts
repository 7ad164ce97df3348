import { CoMoments } from './co-moments.js';
import { cronbachAlpha } from './cronbach-alpha.js';
import { PairwiseCoMoments } from './pairwise-co-moments.js';
import { quantileType7 } from './quantile-type7.js';
import { Xoshiro128 } from './xoshiro128.js';

export interface BootstrapInterval {
  lower: number | null;
  upper: number | null;
  /** Resamples whose alpha was defined (the others had a constant total or item). */
  valid: number;
}

/**
 * Percentile bootstrap interval for raw alpha (Efron & Tibshirani 1993, ch. 13; the
 * resampling psych::alpha does with `n.iter`): draw `resamples` samples of the n rows with
 * replacement, compute alpha from each sample's covariance matrix (pairwise-complete
 * covariances when `pairwise`, as psych's bootstrap does), and take the type-7 quantiles at
 * γ/2 and 1 - γ/2, γ = 1 - level, of the defined alphas.
 * Rows are drawn with xoshiro128** seeded by `seed`, so a seed always gives the same interval.
 * `rows` holds n rows of k values (NaN = missing), row-major.
 */
export function bootstrapAlphaInterval(
  rows: Float64Array,
  n: number,
  k: number,
  options: { pairwise: boolean; resamples: number; seed: number; level: number },
): BootstrapInterval {
  if (n < 2 || k < 2 || options.resamples < 1) return { lower: null, upper: null, valid: 0 };
  const random = new Xoshiro128(options.seed);
  const moments: CoMoments | PairwiseCoMoments = options.pairwise ? new PairwiseCoMoments(k) : new CoMoments(k);
  const alphas = new Float64Array(options.resamples);
  const row = new Float64Array(k);
  let valid = 0;
  for (let b = 0; b < options.resamples; b++) {
    moments.reset();
    for (let i = 0; i < n; i++) {
      const from = random.nextInt(n) * k;
      for (let j = 0; j < k; j++) row[j] = rows[from + j];
      moments.add(row);
    }
    const alpha = cronbachAlpha(moments.covariance(), k);
    if (Number.isFinite(alpha)) alphas[valid++] = alpha;
  }
  if (valid === 0) return { lower: null, upper: null, valid };
  const sorted = alphas.subarray(0, valid).sort();
  const gamma = 1 - options.level;
  return { lower: quantileType7(sorted, gamma / 2), upper: quantileType7(sorted, 1 - gamma / 2), valid };
}
