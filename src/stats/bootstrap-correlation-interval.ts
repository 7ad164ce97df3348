import { type BootstrapInterval, percentileBootstrap } from './bootstrap-alpha-interval.js';
import { CoMoments } from './co-moments.js';
import { cov2cor } from './cov2cor.js';
import { PairwiseCoMoments } from './pairwise-co-moments.js';

/**
 * Percentile bootstrap interval of a statistic of the item correlation matrix (e.g. omega total
 * of a Schmid-Leiman solution), on the resampling of the alpha bootstrap (percentileBootstrap:
 * the same seed draws the same rows): each resample's correlations are those of the complete
 * rows (`cor(x)`), or with `pairwise` the pairwise-complete ones (`cor(x, use = "pairwise")`),
 * as psych::omega's `n.iter` bootstrap forms them from the resampled data. `rows` holds n rows
 * of k values (NaN = missing), row-major. Cost: per resample n·k²/2 co-moment updates and one
 * evaluation of the statistic.
 */
export function bootstrapCorrelationInterval(
  rows: Float64Array,
  n: number,
  k: number,
  statistic: (r: Float64Array) => number,
  options: { pairwise: boolean; resamples: number; seed: number; level: number },
): BootstrapInterval {
  if (n < 2 || k < 2) return { lower: null, upper: null, valid: 0 };
  if (options.pairwise) {
    const moments = new PairwiseCoMoments(k);
    return percentileBootstrap(rows, n, k, {
      reset: () => moments.reset(),
      add(data, from) {
        const row = moments.row;
        for (let j = 0; j < k; j++) row[j] = data[from + j];
        moments.add(row);
      },
      value: () => statistic(moments.correlation()),
    }, options);
  }
  const moments = new CoMoments(k);
  return percentileBootstrap(rows, n, k, {
    reset: () => moments.reset(),
    add(data, from) {
      const row = moments.row;
      for (let j = 0; j < k; j++) row[j] = data[from + j];
      moments.add(row);
    },
    value: () => statistic(cov2cor(moments.covariance(), k)),
  }, options);
}
