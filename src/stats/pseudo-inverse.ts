import { symmetricEigen } from './symmetric-eigen.js';

/**
 * Moore-Penrose inverse of a symmetric matrix, as psych `Pinv` (via `svd`): eigenvalues
 * whose magnitude is at most tol · max|λ| (tol = sqrt(machine epsilon)) are dropped,
 *   A⁺ = Σ_{|λ_i| > tol·max|λ|} v_i v_iᵀ / λ_i.
 * For a symmetric matrix the singular values are |λ_i|, so this equals psych's SVD form.
 * Equal to the ordinary inverse when A is well conditioned. `dropped` counts the discarded
 * eigenvalues (0 for a non-singular matrix).
 */
export function pseudoInverse(a: Float64Array, k: number): { inverse: Float64Array; dropped: number } {
  const { values, vectors } = symmetricEigen(a, k);
  let largest = 0;
  for (let i = 0; i < k; i++) largest = Math.max(largest, Math.abs(values[i]));
  const tol = Math.sqrt(Number.EPSILON) * largest;
  const inverse = new Float64Array(k * k);
  let dropped = 0;
  for (let e = 0; e < k; e++) {
    const lambda = values[e];
    if (!(Math.abs(lambda) > tol)) {
      dropped++;
      continue;
    }
    for (let i = 0; i < k; i++) {
      const vi = vectors[i * k + e] / lambda;
      for (let j = 0; j < k; j++) inverse[i * k + j] += vi * vectors[j * k + e];
    }
  }
  return { inverse, dropped };
}
