/**
 * Cholesky factor of a symmetric positive definite matrix, A = L Lᵀ with L lower triangular,
 * as R `t(chol(A))` (LAPACK dpotrf gives the upper factor U = Lᵀ). Row-oriented
 * (Cholesky-Banachiewicz, Golub & Van Loan, Matrix Computations, 4th ed., §4.2):
 *   L_jj = sqrt(A_jj - Σ_{p<j} L_jp²),   L_ij = (A_ij - Σ_{p<j} L_ip L_jp) / L_jj  (i > j),
 * k³/6 multiply-adds, each a dot product of two contiguous row prefixes. Only the lower
 * triangle of `a` is read; the result is row-major with zeros above the diagonal.
 * Null when a pivot A_jj - Σ L_jp² is not positive (A is not positive definite, or not
 * numerically so) or not finite.
 *
 * @example
 * choleskyFactor(Float64Array.of(4, 2, 2, 5), 2) // L = [[2, 0], [1, 2]]: Float64Array [2, 0, 1, 2]
 */
export function choleskyFactor(a: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const rowI = i * k;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * k;
      let s = a[rowI + j];
      for (let p = 0; p < j; p++) s -= l[rowI + p] * l[rowJ + p];
      if (i === j) {
        if (!(s > 0) || s === Infinity) return null;
        l[rowI + i] = Math.sqrt(s);
      } else {
        l[rowI + j] = s / l[rowJ + j];
      }
    }
  }
  return l;
}

/**
 * Solves A x = b given the Cholesky factor L of A (from choleskyFactor): forward substitution
 * L y = b, then back substitution Lᵀ x = y. O(k²).
 *
 * @example
 * choleskySolve(Float64Array.of(2, 0, 1, 2), Float64Array.of(6, 9), 2) // A = [[4, 2], [2, 5]]: x = [0.75, 1.5]
 */
export function choleskySolve(l: Float64Array, b: Float64Array, k: number): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < k; i++) {
    const row = i * k;
    let s = x[i];
    for (let p = 0; p < i; p++) s -= l[row + p] * x[p];
    x[i] = s / l[row + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    // Column-oriented back substitution: x_i is final once divided; remove L_ip x_i from the rows above.
    const row = i * k;
    const xi = (x[i] /= l[row + i]);
    for (let p = 0; p < i; p++) x[p] -= l[row + p] * xi;
  }
  return x;
}
