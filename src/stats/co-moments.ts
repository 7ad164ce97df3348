import { type MomentKernels, type MomentSlice, momentSlice } from './moment-kernels.js';

/**
 * Streaming co-moment matrix of k variables over complete rows (listwise deletion): n, the k
 * means and M[i][j] = Σ (x_i - mean_i)(x_j - mean_j), held in Float64Arrays sized by k only.
 *
 * Update (Welford 1962; Pébay 2008, eq. 3.12), for a row y:
 *   d_i = y_i - mean_i,  mean_i' = mean_i + d_i / n',  M_ij' = M_ij + d_i (y_j - mean_j')
 * Merge of A and B (Chan, Golub & LeVeque 1979; Pébay 2008), d = mean_B - mean_A:
 *   n = nA + nB,  mean = mean_A + d nB / n,  M_ij = M_ij,A + M_ij,B + d_i d_j nA nB / n
 * Covariance = M / (n - 1), as R `cov(x)` on the complete rows.
 *
 * The numbers live in the memory of WebAssembly kernels (moment-kernels.ts), which do `add`;
 * `merge` and the rest read and write them as Float64Arrays.
 */
export class CoMoments {
  readonly k: number;
  n = 0;
  /** The row `add` reads: a caller may write a row here and pass this array, which is not copied. */
  readonly row: Float64Array;
  readonly mean: Float64Array;
  /** Upper triangle (i <= j) of M, row-major k × k. */
  readonly m: Float64Array;
  private readonly delta: Float64Array;
  /** Private fields, which a structured clone (postMessage) leaves out: the clone is data only. */
  readonly #kernels: MomentKernels;
  /** Byte offsets of row, mean, delta and m in the kernels' memory. */
  readonly #at: Int32Array;

  /** `slice`: where its numbers live (at least CoMoments.doubles(k) of them; default: a slice of its own). */
  constructor(k: number, slice: MomentSlice = momentSlice(CoMoments.doubles(k))) {
    this.k = k;
    const { kernels, buffer, byteOffset } = slice;
    this.#kernels = kernels;
    this.#at = Int32Array.of(byteOffset, byteOffset + 8 * k, byteOffset + 16 * k, byteOffset + 24 * k);
    this.row = new Float64Array(buffer, this.#at[0], k);
    this.mean = new Float64Array(buffer, this.#at[1], k);
    this.delta = new Float64Array(buffer, this.#at[2], k);
    this.m = new Float64Array(buffer, this.#at[3], k * k);
  }

  /** The f64 values a CoMoments of k variables keeps in the kernels' memory: row, mean, delta and M. */
  static doubles(k: number): number {
    return 3 * k + k * k;
  }

  /** Byte offsets of row, mean, delta and M in the kernels' memory, for a kernel that adds rows itself (scaleRowAdd). */
  pointers(): Int32Array {
    return this.#at;
  }

  /** Add a complete row (every value observed). */
  add(y: Float64Array): void {
    if (y !== this.row) this.row.set(y);
    const at = this.#at;
    this.#kernels.coMomentsAdd(this.k, ++this.n, at[0], at[1], at[2], at[3]);
  }

  /** Forget every row (as a new CoMoments(k), in the same memory). */
  reset(): void {
    this.n = 0;
    this.mean.fill(0);
    this.m.fill(0);
  }

  /**
   * Merge another summary of the same k variables, as if its rows had been added after these.
   * `shift` is added to its means first (summaries kept relative to different origins; M does
   * not depend on the origin). `other` may be a CoMoments or its structured clone: only its
   * fields (k, n, mean, m) are read, never a method.
   */
  merge(other: CoMoments, shift = 0): void {
    if (other.k !== this.k) throw new Error(`CoMoments.merge: ${other.k} variables, not ${this.k}`);
    const nb = other.n;
    if (nb === 0) return;
    const k = this.k;
    const na = this.n;
    if (na === 0) {
      for (let i = 0; i < k; i++) this.mean[i] = other.mean[i] + shift;
      this.m.set(other.m);
      this.n = nb;
      return;
    }
    const n = na + nb;
    const d = this.delta;
    for (let i = 0; i < k; i++) d[i] = other.mean[i] + shift - this.mean[i];
    const w = (na * nb) / n;
    for (let i = 0; i < k; i++) {
      const row = i * k;
      const di = d[i] * w;
      for (let j = i; j < k; j++) this.m[row + j] += other.m[row + j] + di * d[j];
    }
    for (let i = 0; i < k; i++) this.mean[i] += (d[i] * nb) / n;
    this.n = n;
  }

  /** Full symmetric sample covariance matrix (k × k, row-major); NaN when n < 2. */
  covariance(): Float64Array {
    const k = this.k;
    const c = new Float64Array(k * k);
    const denominator = this.n - 1;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const v = denominator > 0 ? this.m[i * k + j] / denominator : Number.NaN;
        c[i * k + j] = v;
        c[j * k + i] = v;
      }
    }
    return c;
  }
}
