import { cov2cor } from './cov2cor.js';
import { symmetricEigen } from './symmetric-eigen.js';

/**
 * psych::cor.smooth (2.2.9) of a correlation matrix: when its smallest eigenvalue is below
 * machine epsilon, every eigenvalue below eigTol (default 1e-12) becomes 100 · eigTol, the
 * eigenvalues are rescaled to add up to k, the matrix is rebuilt from them and its
 * eigenvectors, and cov2cor makes it a correlation matrix again; otherwise it is returned as
 * it is. `smoothed` says whether it was changed (psych warns "Matrix was not positive
 * definite, smoothing was done"). Requires a finite symmetric k × k matrix. The one cor.smooth of
 * the project: the polychoric matrices (polychoric-matrix.ts) and the factor fit statistics
 * (factor/factor-fit.ts) both use it.
 */
export function corSmooth(r: Float64Array, k: number, eigTol = 1e-12): { matrix: Float64Array; smoothed: boolean; minEigenvalue: number } {
  const { values, vectors } = symmetricEigen(r, k);
  const minEigenvalue = k > 0 ? values[k - 1] : Number.NaN;
  if (!(minEigenvalue < Number.EPSILON)) return { matrix: Float64Array.from(r), smoothed: false, minEigenvalue };
  const lambda = Float64Array.from(values, (v) => (v < eigTol ? 100 * eigTol : v));
  let total = 0;
  for (const v of lambda) total += v;
  for (let i = 0; i < k; i++) lambda[i] *= k / total;
  const rebuilt = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += vectors[i * k + m] * lambda[m] * vectors[j * k + m];
      rebuilt[i * k + j] = s;
    }
  }
  // Symmetric up to rounding; make it exactly so.
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) rebuilt[j * k + i] = rebuilt[i * k + j];
  return { matrix: cov2cor(rebuilt, k), smoothed: true, minEigenvalue };
}
