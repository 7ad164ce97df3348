/**
 * Streaming co-moment matrix of k variables over complete rows (listwise deletion): n, the k
 * means and M[i][j] = Σ (x_i - mean_i)(x_j - mean_j), held in Float64Arrays sized by k only.
 *
 * Update (Welford 1962; Pébay 2008, eq. 3.12), for a row y:
 *   d_i = y_i - mean_i,  mean_i' = mean_i + d_i / n',  M_ij' = M_ij + d_i (y_j - mean_j')
 * Merge of A and B (Chan, Golub & LeVeque 1979; Pébay 2008), d = mean_B - mean_A:
 *   n = nA + nB,  mean = mean_A + d nB / n,  M_ij = M_ij,A + M_ij,B + d_i d_j nA nB / n
 * Covariance = M / (n - 1), as R `cov(x)` on the complete rows.
 */
export class CoMoments {
  readonly k: number;
  n = 0;
  readonly mean: Float64Array;
  /** Upper triangle (i <= j) of M, row-major k × k. */
  readonly m: Float64Array;
  private readonly delta: Float64Array;

  constructor(k: number) {
    this.k = k;
    this.mean = new Float64Array(k);
    this.m = new Float64Array(k * k);
    this.delta = new Float64Array(k);
  }

  /** Add a complete row (every value observed). */
  add(y: Float64Array): void {
    const k = this.k;
    const n = ++this.n;
    const mean = this.mean;
    const delta = this.delta;
    for (let i = 0; i < k; i++) {
      const d = y[i] - mean[i];
      delta[i] = d;
      mean[i] += d / n;
    }
    const m = this.m;
    for (let i = 0; i < k; i++) {
      const di = delta[i];
      const row = i * k;
      for (let j = i; j < k; j++) m[row + j] += di * (y[j] - mean[j]);
    }
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
