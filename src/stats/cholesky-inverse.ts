import { choleskyFactor } from './cholesky.js';

/**
 * The diagonal of A⁻¹ for a symmetric positive definite A, as `diag(chol2inv(chol(A)))` in R:
 * with A = L Lᵀ and X = L⁻¹ (lower triangular), A⁻¹ = Xᵀ X, so
 *   (A⁻¹)_jj = Σ_{i ≥ j} X_ij².
 * X is built a row at a time, X_i = (e_i - Σ_{p<i} L_ip X_p) / L_ii, so that every loop walks
 * rows contiguously; about k³/3 multiply-adds in all. Null when A is not (numerically) positive
 * definite (see cholesky.ts).
 *
 * @example
 * choleskyInverseDiagonal(Float64Array.of(2, 1, 1, 2), 2) // [2/3, 2/3] ([[2, -1], [-1, 2]] / 3)
 */
export function choleskyInverseDiagonal(a: Float64Array, k: number): Float64Array | null {
  const x = lowerInverse(a, k);
  if (x === null) return null;
  const diagonal = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const rowI = i * k;
    for (let j = 0; j <= i; j++) diagonal[j] += x[rowI + j] * x[rowI + j];
  }
  return diagonal;
}

/**
 * The whole of A⁻¹ = Xᵀ X (row-major, symmetric) for a symmetric positive definite A, as
 * `chol2inv(chol(A))` in R: (A⁻¹)_jl = Σ_{i ≥ max(j, l)} X_ij X_il. Null when A is not PD.
 */
export function choleskyInverse(a: Float64Array, k: number): Float64Array | null {
  const x = lowerInverse(a, k);
  if (x === null) return null;
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const rowI = i * k;
    for (let j = 0; j <= i; j++) {
      const xij = x[rowI + j];
      for (let l = 0; l <= j; l++) inverse[j * k + l] += xij * x[rowI + l];
    }
  }
  for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) inverse[l * k + j] = inverse[j * k + l];
  return inverse;
}

/** X = L⁻¹ for the Cholesky factor L of A (row-major, lower triangular); null if A is not PD. */
function lowerInverse(a: Float64Array, k: number): Float64Array | null {
  const l = choleskyFactor(a, k);
  if (l === null) return null;
  const x = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const rowI = i * k;
    for (let p = 0; p < i; p++) {
      const lip = l[rowI + p];
      if (lip === 0) continue;
      const rowP = p * k;
      for (let j = 0; j <= p; j++) x[rowI + j] -= lip * x[rowP + j];
    }
    x[rowI + i] += 1;
    const inv = 1 / l[rowI + i];
    for (let j = 0; j <= i; j++) x[rowI + j] *= inv;
  }
  return x;
}
