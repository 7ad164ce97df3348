import { symmetricEigen } from '../symmetric-eigen.js';

/**
 * psych `cor.smooth(R)` (eig.tol = 1e-12): when the smallest eigenvalue of R is below machine
 * epsilon, eigenvalues below 1e-12 are set to 100 · 1e-12, all are rescaled to sum to k, and
 * R is rebuilt as V diag(θ) Vᵀ and rescaled to unit diagonal (cov2cor); otherwise R is
 * returned unchanged. `smoothed` tells which (psych warns "Matrix was not positive definite,
 * smoothing was done").
 */
export function corSmooth(r: Float64Array, k: number): { r: Float64Array; smoothed: boolean } {
  const { values, vectors } = symmetricEigen(r, k);
  if (!(values[k - 1] < Number.EPSILON)) return { r, smoothed: false };
  const eigTol = 1e-12;
  const theta = Float64Array.from(values, (v) => (v < eigTol ? 100 * eigTol : v));
  let total = 0;
  for (const t of theta) total += t;
  for (let e = 0; e < k; e++) theta[e] *= k / total;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let e = 0; e < k; e++) s += vectors[i * k + e] * theta[e] * vectors[j * k + e];
      out[i * k + j] = out[j * k + i] = s;
    }
  }
  const d = Float64Array.from({ length: k }, (_, i) => 1 / Math.sqrt(out[i * k + i]));
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] *= d[i] * d[j];
  for (let i = 0; i < k; i++) out[i * k + i] = 1;
  return { r: out, smoothed: true };
}
