import { symmetricEigen } from './symmetric-eigen.js';

/** Lanczos steps per restart: the Krylov basis is at most this many vectors of length k. */
const KRYLOV_DIMENSION = 64;

/**
 * The largest eigenvalue of a real symmetric matrix and its unit eigenvector by the Lanczos
 * method with full reorthogonalisation and explicit restarts (Golub & Van Loan, Matrix
 * Computations, 4th ed., §10.1-10.3): m = min(k, 64) steps build an orthonormal basis Q of
 * the Krylov space {v, Av, ..., A^{m-1}v} and the tridiagonal T = QᵀAQ; the top eigenpair
 * (θ, y) of T gives the Ritz pair (θ, Qy), whose residual is ‖AQy - θQy‖ = |β_m y_m|. The
 * next restart starts from Qy, until the residual is below `tolerance` · max(1, |θ|) or after
 * `maxRestarts` restarts. Each step costs one product with A (k² flops). When k ≤ 64 the
 * Krylov space would be the whole space: the pair is then taken from the full decomposition
 * (symmetric-eigen.ts), which costs less than the k Lanczos steps and the decomposition of T.
 * The first start is a fixed vector with distinct positive components (1 + frac(iφ)/2), so
 * that it is not orthogonal to the leading eigenvector of any matrix met in practice (the
 * vector of ones is an eigenvector of an equicorrelation matrix). The vector is signed so that
 * its sum is not negative. `converged` is false if the last residual was still too large.
 * Throws a RangeError on a non-finite cell.
 *
 * @example
 * leadingEigenpair(Float64Array.of(2, 1, 1, 2), 2) // value 3, vector [√½, √½]
 */
export function leadingEigenpair(
  a: Float64Array,
  k: number,
  maxRestarts = 20,
  tolerance = 1e-10,
): { value: number; vector: Float64Array; converged: boolean } {
  for (let i = 0; i < k * k; i++) {
    if (!Number.isFinite(a[i])) throw new RangeError('leadingEigenpair: the matrix has a non-finite cell');
  }
  if (k <= KRYLOV_DIMENSION) return largestOfAll(a, k);
  const m = KRYLOV_DIMENSION;
  let v = new Float64Array(k);
  for (let i = 0; i < k; i++) v[i] = 1 + ((i * 0.6180339887498949) % 1) / 2;
  normalise(v);
  let value = 0;
  let converged = false;
  const q = new Float64Array(m * k);
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  const w = new Float64Array(k);
  for (let restart = 0; restart <= maxRestarts && !converged; restart++) {
    q.set(v, 0);
    let steps = m;
    for (let j = 0; j < m; j++) {
      const qj = j * k;
      for (let i = 0; i < k; i++) {
        const row = i * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[row + p] * q[qj + p];
        w[i] = s;
      }
      let aj = 0;
      for (let i = 0; i < k; i++) aj += q[qj + i] * w[i];
      alpha[j] = aj;
      // Full reorthogonalisation against every basis vector, twice ("twice is enough").
      for (let pass = 0; pass < 2; pass++) {
        for (let b = 0; b <= j; b++) {
          const qb = b * k;
          let c = 0;
          for (let i = 0; i < k; i++) c += q[qb + i] * w[i];
          for (let i = 0; i < k; i++) w[i] -= c * q[qb + i];
        }
      }
      let norm = 0;
      for (let i = 0; i < k; i++) norm += w[i] * w[i];
      beta[j] = Math.sqrt(norm);
      if (j + 1 === m) break;
      if (!(beta[j] > 1e-13 * Math.max(1, Math.abs(aj)))) {
        beta[j] = 0;
        steps = j + 1;
        break;
      }
      const next = (j + 1) * k;
      for (let i = 0; i < k; i++) q[next + i] = w[i] / beta[j];
    }
    const t = new Float64Array(steps * steps);
    for (let j = 0; j < steps; j++) {
      t[j * steps + j] = alpha[j];
      if (j + 1 < steps) t[j * steps + j + 1] = t[(j + 1) * steps + j] = beta[j];
    }
    const ritz = symmetricEigen(t, steps);
    value = ritz.values[0];
    v = new Float64Array(k);
    for (let j = 0; j < steps; j++) {
      const y = ritz.vectors[j * steps];
      for (let i = 0; i < k; i++) v[i] += y * q[j * k + i];
    }
    normalise(v);
    const residual = Math.abs(beta[steps - 1] * ritz.vectors[(steps - 1) * steps]);
    converged = residual <= tolerance * Math.max(1, Math.abs(value));
  }
  let sum = 0;
  for (let i = 0; i < k; i++) sum += v[i];
  if (sum < 0) for (let i = 0; i < k; i++) v[i] = -v[i];
  return { value, vector: v, converged };
}

/** The largest eigenvalue and its eigenvector (signed as leadingEigenpair's) from symmetricEigen. */
function largestOfAll(a: Float64Array, k: number): { value: number; vector: Float64Array; converged: boolean } {
  const { values, vectors } = symmetricEigen(a, k);
  const vector = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    vector[i] = vectors[i * k];
    sum += vector[i];
  }
  if (sum < 0) for (let i = 0; i < k; i++) vector[i] = -vector[i];
  return { value: k > 0 ? values[0] : 0, vector, converged: k > 0 };
}

function normalise(v: Float64Array): void {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
}
