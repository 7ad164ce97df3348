import { type MomentKernels, type MomentSlice, momentSlice } from './moment-kernels.js';
import { PAIR_STRIDE, mergePair, pairCorrelation, pairCovariance } from './paired-moments.js';
import { UNIVARIATE_STRIDE, mergeUnivariate } from './univariate-moments.js';

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
  /** The row `add` reads: a caller may write a row here and pass this array, which is not copied. */
  readonly row: Float64Array;
  /** [n, mean, M2] per variable. */
  readonly single: Float64Array;
  /** Paired moments per pair i < j, in row-major order of the upper triangle. */
  readonly pairs: Float64Array;
  /** Private fields, which a structured clone (postMessage) leaves out: the clone is data only. */
  readonly #kernels: MomentKernels;
  /** Byte offsets of row, single and pairs in the kernels' memory. */
  readonly #at: Int32Array;

  /** `slice`: where its numbers live (at least PairwiseCoMoments.doubles(k) of them; default: a slice of its own). */
  constructor(k: number, slice: MomentSlice = momentSlice(PairwiseCoMoments.doubles(k))) {
    this.k = k;
    const pairCount = (k * (k - 1)) / 2;
    const { kernels, buffer, byteOffset } = slice;
    this.#kernels = kernels;
    this.#at = Int32Array.of(byteOffset, byteOffset + 8 * k, byteOffset + 8 * k * (1 + UNIVARIATE_STRIDE));
    this.row = new Float64Array(buffer, this.#at[0], k);
    this.single = new Float64Array(buffer, this.#at[1], k * UNIVARIATE_STRIDE);
    this.pairs = new Float64Array(buffer, this.#at[2], pairCount * PAIR_STRIDE);
  }

  /** The f64 values a PairwiseCoMoments of k variables keeps in the kernels' memory: row, single and pairs. */
  static doubles(k: number): number {
    return k + k * UNIVARIATE_STRIDE + ((k * (k - 1)) / 2) * PAIR_STRIDE;
  }

  /** Byte offsets of row, single and pairs in the kernels' memory, for a kernel that adds rows itself (scoreRowsAdd). */
  pointers(): Int32Array {
    return this.#at;
  }

  /** Index of pair (i, j), i < j, in the row-major upper triangle. */
  pairIndex(i: number, j: number): number {
    return (i * (2 * this.k - i - 1)) / 2 + (j - i - 1);
  }

  /** Offset of pair (i, j), i < j, in `pairs`. */
  pairOffset(i: number, j: number): number {
    return this.pairIndex(i, j) * PAIR_STRIDE;
  }

  /**
   * Add a row; NaN values are missing. Each observed value updates its variable, each pair of
   * observed values its pair: univariate-moments.ts `updateUnivariate`, paired-moments.ts
   * `updatePair`, done by the WebAssembly kernel (moment-kernels.wat) in this object's slice of its memory.
   */
  add(y: Float64Array): void {
    if (y !== this.row) this.row.set(y);
    const at = this.#at;
    this.#kernels.pairwiseAdd(this.k, at[0], at[1], at[2]);
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
