import { symmetricEigen } from './symmetric-eigen.js';

/**
 * The diagonal of the Moore-Penrose inverse of a symmetric matrix, `diag(psych::Pinv(A))`
 * (psych's SVD form: for a symmetric matrix the singular values are |λ_i|). Eigenvalues whose
 * magnitude is at most tol · max|λ| (tol = sqrt(machine epsilon)) are dropped,
 *   (A⁺)_ii = Σ_{|λ_e| > tol·max|λ|} v_ie² / λ_e,
 * in O(k²) after the eigen-decomposition; equal to the ordinary inverse's diagonal when A is
 * well conditioned. `dropped` counts the discarded eigenvalues (0 for a non-singular matrix).
 *
 * @example
 * pseudoInverseDiagonal(Float64Array.of(1, 1, 1, 1), 2) // λ = 2, 0: A⁺ = v vᵀ / 2: [1/4, 1/4]; dropped 1
 */
export function pseudoInverseDiagonal(a: Float64Array, k: number): { diagonal: Float64Array; dropped: number } {
  const { values, vectors } = symmetricEigen(a, k);
  const kept = keptEigenvalues(values);
  const diagonal = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const row = i * k;
    let s = 0;
    for (let e = 0; e < k; e++) if (kept[e]) s += (vectors[row + e] * vectors[row + e]) / values[e];
    diagonal[i] = s;
  }
  return { diagonal, dropped: countDropped(kept) };
}

/** Pinv's rule: keep λ when |λ| > sqrt(eps) · max|λ|. */
function keptEigenvalues(values: Float64Array): Uint8Array {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  const tol = Math.sqrt(Number.EPSILON) * largest;
  const kept = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) kept[i] = Math.abs(values[i]) > tol ? 1 : 0;
  return kept;
}

function countDropped(kept: Uint8Array): number {
  let dropped = 0;
  for (let i = 0; i < kept.length; i++) if (!kept[i]) dropped++;
  return dropped;
}
