import { PAIR_STRIDE, mergePair, pairCorrelation, pairCovariance, updatePair } from './paired-moments.js';
import { UNIVARIATE_STRIDE, mergeUnivariate, updateUnivariate } from './univariate-moments.js';

/**
 * Streaming pairwise-complete moments of k variables (missing = NaN): for every variable its
 * own n, mean and M2 over the rows where it is observed, and for every pair i < j the six
 * paired moments (see paired-moments.ts) over the rows where both are observed.
 * Memory: 3k + 6 k(k-1)/2 numbers, whatever the number of rows.
 *
 * - `covariance()` is R `cov(x, use = "pairwise")`: the diagonal is each variable's variance
 *   over its own observed rows, an off-diagonal cell the covariance over the pair's rows with
 *   the pair's own means.
 * - `correlation()` is R `cor(x, use = "pairwise")`: each pair's own means and sds.
 * psych::alpha works with `cov2cor(cov(x, use = "pairwise"))` instead (see cov2cor.ts).
 */
export class PairwiseCoMoments {
  readonly k: number;
  /** [n, mean, M2] per variable. */
  readonly single: Float64Array;
  /** Paired moments per pair i < j, in row-major order of the upper triangle. */
  readonly pairs: Float64Array;

  constructor(k: number) {
    this.k = k;
    this.single = new Float64Array(k * UNIVARIATE_STRIDE);
    this.pairs = new Float64Array(((k * (k - 1)) / 2) * PAIR_STRIDE);
  }

  /** Index of pair (i, j), i < j, in the row-major upper triangle. */
  pairIndex(i: number, j: number): number {
    return (i * (2 * this.k - i - 1)) / 2 + (j - i - 1);
  }

  /** Offset of pair (i, j), i < j, in `pairs`. */
  pairOffset(i: number, j: number): number {
    return this.pairIndex(i, j) * PAIR_STRIDE;
  }

  /** Add a row; NaN values are missing. */
  add(y: Float64Array): void {
    const k = this.k;
    let p = 0;
    for (let i = 0; i < k; i++) {
      const yi = y[i];
      if (yi !== yi) {
        p += (k - i - 1) * PAIR_STRIDE;
        continue;
      }
      updateUnivariate(this.single, i * UNIVARIATE_STRIDE, yi);
      for (let j = i + 1; j < k; j++, p += PAIR_STRIDE) {
        const yj = y[j];
        if (yj === yj) updatePair(this.pairs, p, yi, yj);
      }
    }
  }

  /**
   * Merge another summary of the same k variables, as if its rows had been added after these
   * (Chan et al. per variable and per pair: univariate-moments.ts, paired-moments.ts).
   * `shift` is added to its means first: one number for every variable, or one per variable
   * (summaries kept relative to different origins). `other` may be a PairwiseCoMoments or its
   * structured clone: only its fields (k, single, pairs) are read, never a method. Variables
   * and pairs with n = 0 on either side are handled.
   */
  merge(other: PairwiseCoMoments, shift: number | ArrayLike<number> = 0): void {
    const k = this.k;
    if (other.k !== k) throw new Error(`PairwiseCoMoments.merge: ${other.k} variables, not ${k}`);
    const single = typeof shift === 'number';
    for (let i = 0; i < k; i++) {
      mergeUnivariate(this.single, i * UNIVARIATE_STRIDE, other.single, i * UNIVARIATE_STRIDE, single ? shift : shift[i]);
    }
    let p = 0;
    for (let i = 0; i < k; i++) {
      const si = single ? shift : shift[i];
      for (let j = i + 1; j < k; j++, p += PAIR_STRIDE) mergePair(this.pairs, p, other.pairs, p, si, single ? shift : shift[j]);
    }
  }

  /** Set back to no rows. */
  reset(): void {
    this.single.fill(0);
    this.pairs.fill(0);
  }

  /** R `cov(x, use = "pairwise")` (k × k, row-major); NaN where fewer than 2 rows. */
  covariance(): Float64Array {
    const k = this.k;
    const c = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      const n = this.single[i * UNIVARIATE_STRIDE];
      c[i * k + i] = n < 2 ? Number.NaN : this.single[i * UNIVARIATE_STRIDE + 2] / (n - 1);
      for (let j = i + 1; j < k; j++) {
        const v = pairCovariance(this.pairs, this.pairOffset(i, j));
        c[i * k + j] = v;
        c[j * k + i] = v;
      }
    }
    return c;
  }

  /** R `cor(x, use = "pairwise")` (k × k, row-major); NaN where undefined. */
  correlation(): Float64Array {
    const k = this.k;
    const r = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      const single = this.single;
      const o = i * UNIVARIATE_STRIDE;
      r[i * k + i] = single[o] >= 2 && single[o + 2] > 0 ? 1 : Number.NaN;
      for (let j = i + 1; j < k; j++) {
        const v = pairCorrelation(this.pairs, this.pairOffset(i, j));
        r[i * k + j] = v;
        r[j * k + i] = v;
      }
    }
    return r;
  }
}
