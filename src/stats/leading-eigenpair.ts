/**
 * The largest eigenvalue of a symmetric matrix and its unit eigenvector by shifted power
 * iteration (Golub & Van Loan, Matrix Computations, 4th ed., §8.2.1):
 *   v ← (A + σI) v / ‖(A + σI) v‖,   θ = vᵀ A v,
 * from v = 1/√k, until no component of v moves by more than `tolerance` or after
 * `maxIterations` products (O(k²) each). The shift σ ≥ 0 must make the wanted eigenvalue the
 * largest in magnitude of A + σI; the iteration converges at the rate
 * (λ₂ + σ) / (λ₁ + σ). The vector is signed so that its sum is not negative.
 * `converged` is false when the iteration stopped at `maxIterations`; the pair is then the
 * last iterate and its Rayleigh quotient (still a fair start for a refinement).
 *
 * @example
 * leadingEigenpair(Float64Array.of(2, 1, 1, 2), 2, 0) // value 3, vector [√½, √½]
 */
export function leadingEigenpair(
  a: Float64Array,
  k: number,
  shift: number,
  maxIterations = 1000,
  tolerance = 1e-10,
): { value: number; vector: Float64Array; converged: boolean } {
  let v = new Float64Array(k).fill(1 / Math.sqrt(k));
  let next = new Float64Array(k);
  let converged = false;
  let value = 0;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    value = 0;
    let norm = 0;
    for (let i = 0; i < k; i++) {
      const row = i * k;
      let s = 0;
      for (let j = 0; j < k; j++) s += a[row + j] * v[j];
      value += v[i] * s;
      s += shift * v[i];
      next[i] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0)) break;
    let change = 0;
    for (let i = 0; i < k; i++) {
      next[i] /= norm;
      change = Math.max(change, Math.abs(next[i] - v[i]));
    }
    [v, next] = [next, v];
    converged = change <= tolerance;
  }
  value = rayleighQuotient(a, v, k);
  let sum = 0;
  for (let i = 0; i < k; i++) sum += v[i];
  if (sum < 0) for (let i = 0; i < k; i++) v[i] = -v[i];
  return { value, vector: v, converged };
}

function rayleighQuotient(a: Float64Array, v: Float64Array, k: number): number {
  let q = 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += a[i * k + j] * v[j];
    q += v[i] * s;
  }
  return q;
}
