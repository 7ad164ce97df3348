/**
 * Streaming co-moment matrix of k variables over complete rows (listwise deletion): n, the k
 * means and M[i][j] = Σ (x_i - mean_i)(x_j - mean_j), held in Float64Arrays sized by k only.
 *
 * Update (Welford 1962; Pébay 2008, eq. 3.12), for a row y:
 *   d_i = y_i - mean_i,  mean_i' = mean_i + d_i / n',  M_ij' = M_ij + d_i (y_j - mean_j')
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
