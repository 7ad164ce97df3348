import { cronbachAlpha } from './cronbach-alpha.js';
import { positiveVariance } from './matrix-sums.js';
import { PairwiseCoMoments } from './pairwise-co-moments.js';
import { quantileType7 } from './quantile-type7.js';
import { UNIVARIATE_STRIDE, updateUnivariate } from './univariate-moments.js';
import { Xoshiro128 } from './xoshiro128.js';

export interface BootstrapInterval {
  lower: number | null;
  upper: number | null;
  /** Resamples whose alpha was defined (the others had a constant total or item). */
  valid: number;
}

/** Raw alpha of the rows added since `reset`. */
interface ResampleAlpha {
  reset(): void;
  /** Add the row of k values at `rows[from .. from + k)`. */
  add(rows: Float64Array, from: number): void;
  alpha(): number;
}

/**
 * Percentile bootstrap interval for raw alpha (Efron & Tibshirani 1993, ch. 13; the
 * resampling psych::alpha does with `n.iter`): draw `resamples` samples of the n rows with
 * replacement, compute alpha from each sample (pairwise-complete covariances when `pairwise`,
 * as psych's bootstrap does), and take the type-7 quantiles at γ/2 and 1 - γ/2, γ = 1 - level,
 * of the defined alphas.
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
  const sample = options.pairwise ? pairwiseAlpha(k) : completeCaseAlpha(k);
  return percentileBootstrap(rows, n, k, { reset: sample.reset, add: sample.add, value: sample.alpha }, options);
}

/** A statistic of the rows added since `reset` (NaN where undefined). */
export interface ResampleStatistic {
  reset(): void;
  /** Add the row of k values at `rows[from .. from + k)`. */
  add(rows: Float64Array, from: number): void;
  value(): number;
}

/**
 * The resampling behind every bootstrap interval here: `resamples` samples of the n rows drawn
 * with replacement by xoshiro128** seeded by `seed` (one nextInt(n) per drawn row, in order),
 * the statistic of each, and the type-7 quantiles at γ/2 and 1 - γ/2 (γ = 1 - level) of the
 * defined values. The same seed draws the same rows for every statistic.
 */
export function percentileBootstrap(
  rows: Float64Array,
  n: number,
  k: number,
  statistic: ResampleStatistic,
  options: { resamples: number; seed: number; level: number },
): BootstrapInterval {
  if (n < 2 || options.resamples < 1) return { lower: null, upper: null, valid: 0 };
  const random = new Xoshiro128(options.seed);
  const values = new Float64Array(options.resamples);
  let valid = 0;
  for (let b = 0; b < options.resamples; b++) {
    statistic.reset();
    for (let i = 0; i < n; i++) statistic.add(rows, random.nextInt(n) * k);
    const value = statistic.value();
    if (Number.isFinite(value)) values[valid++] = value;
  }
  if (valid === 0) return { lower: null, upper: null, valid };
  const sorted = values.subarray(0, valid).sort();
  const gamma = 1 - options.level;
  return { lower: quantileType7(sorted, gamma / 2), upper: quantileType7(sorted, 1 - gamma / 2), valid };
}

/**
 * Complete rows: alpha = k / (k - 1) · (1 - Σ var(x_i) / var(Σ x_i)), which needs only k + 1
 * running variances (Welford) instead of the k × k covariance matrix: tr C = Σ var(x_i) and
 * 1'C1 = var(Σ x_i). The sums of squared deviations stand in for the variances (same n - 1).
 */
function completeCaseAlpha(k: number): ResampleAlpha {
  const m = new Float64Array((k + 1) * UNIVARIATE_STRIDE);
  return {
    reset: () => m.fill(0),
    add(rows, from) {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const x = rows[from + j];
        total += x;
        updateUnivariate(m, j * UNIVARIATE_STRIDE, x);
      }
      updateUnivariate(m, k * UNIVARIATE_STRIDE, total);
    },
    alpha() {
      let items = 0;
      for (let j = 0; j < k; j++) items += m[j * UNIVARIATE_STRIDE + 2];
      const total = m[k * UNIVARIATE_STRIDE + 2];
      return positiveVariance(total, items) ? (k / (k - 1)) * (1 - items / total) : Number.NaN;
    },
  };
}

/** Rows with missing answers: alpha from the pairwise-complete covariance matrix (psych). */
function pairwiseAlpha(k: number): ResampleAlpha {
  const moments = new PairwiseCoMoments(k);
  const row = moments.row;
  return {
    reset: () => moments.reset(),
    add(rows, from) {
      for (let j = 0; j < k; j++) row[j] = rows[from + j];
      moments.add(row);
    },
    alpha: () => cronbachAlpha(moments.covariance(), k),
  };
}
