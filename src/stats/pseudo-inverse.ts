import { symmetricEigen } from './symmetric-eigen.js';

/**
 * Moore-Penrose inverse of a symmetric matrix, as psych `Pinv` (via `svd`): eigenvalues
 * whose magnitude is at most tol · max|λ| (tol = sqrt(machine epsilon)) are dropped,
 *   A⁺ = Σ_{|λ_i| > tol·max|λ|} v_i v_iᵀ / λ_i.
 * For a symmetric matrix the singular values are |λ_i|, so this equals psych's SVD form.
 * Equal to the ordinary inverse when A is well conditioned. `dropped` counts the discarded
 * eigenvalues (0 for a non-singular matrix). `pseudoInverseDiagonal` gives only the diagonal,
 * (A⁺)_ii = Σ_kept v_i² / λ, in O(k²) after the eigen-decomposition.
 *
 * @example
 * pseudoInverse(Float64Array.of(1, 1, 1, 1), 2) // λ = 2, 0: A⁺ = v vᵀ / 2, every cell 1/4; dropped 1
 */
export function pseudoInverse(a: Float64Array, k: number): { inverse: Float64Array; dropped: number } {
  const { values, vectors } = symmetricEigen(a, k);
  const kept = keptEigenvalues(values);
  const inverse = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let e = 0; e < k; e++) {
    if (!kept[e]) continue;
    const lambda = values[e];
    for (let i = 0; i < k; i++) column[i] = vectors[i * k + e];
    for (let i = 0; i < k; i++) {
      const vi = column[i] / lambda;
      const row = i * k;
      for (let j = 0; j < k; j++) inverse[row + j] += vi * column[j];
    }
  }
  return { inverse, dropped: countDropped(kept) };
}

/** The diagonal of psych `Pinv(A)` for a symmetric A, and the number of dropped eigenvalues. */
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
