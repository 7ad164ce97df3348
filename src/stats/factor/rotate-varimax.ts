import { jacobiSvd } from './jacobi-svd.js';
import { type Matrix, copy, identity, matrix, multiply, transpose } from './small-matrix.js';

export interface VarimaxResult {
  /** The rotated k × m loadings A T (in the input's column order and signs). */
  loadings: Matrix;
  /** The orthogonal m × m rotation T (R's `rotmat`). */
  rotation: Matrix;
  /** Iterations used (1 to 1000). */
  iterations: number;
  /** The relative-gain stopping rule was met before the 1000th iteration. */
  converged: boolean;
}

/**
 * Kaiser's (1958) varimax rotation, step for step as R's stats::varimax(x, normalize = TRUE,
 * eps = 1e-5), which psych::fa uses for rotate = "varimax" (and psych::schmid for its
 * orthogonal start). With Kaiser normalisation the rows of A are first scaled to unit length
 * (x = A / h, h_i = √Σ_j a_ij²) and scaled back at the end. Each iteration, from T = I:
 *   Z = x T,   B = xᵀ (Z³ − Z diag(1ᵀZ²) / k),   B = U D Vᵀ (SVD),   T ← U Vᵀ,   d = Σ D,
 * which maximises the varimax criterion Σ_j [Σ_i z_ij⁴ − (Σ_i z_ij²)² / k] (Sherin 1966; the
 * SVD form of ten Berge 1984); it stops at the first d < d_previous · (1 + eps), at most 1000
 * iterations. A row of zeros has no direction: with normalisation it makes every loading NaN,
 * as it does in R. One factor is returned as it is (R does the same).
 */
export function varimax(a: Matrix, normalize = true, eps = 1e-5): VarimaxResult {
  const k = a.rows;
  const m = a.cols;
  if (m < 2) return { loadings: copy(a), rotation: identity(m), iterations: 0, converged: true };
  const x = copy(a);
  const scale = new Float64Array(k).fill(1);
  if (normalize) {
    for (let i = 0; i < k; i++) {
      let ss = 0;
      for (let j = 0; j < m; j++) ss += x.data[i * m + j] ** 2;
      scale[i] = Math.sqrt(ss);
      for (let j = 0; j < m; j++) x.data[i * m + j] /= scale[i];
    }
  }
  const xt = transpose(x);
  let t = identity(m);
  let d = 0;
  let iterations = 0;
  let converged = false;
  for (let iter = 1; iter <= 1000; iter++) {
    iterations = iter;
    const z = multiply(x, t);
    const colSq = new Float64Array(m);
    for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) colSq[j] += z.data[i * m + j] ** 2;
    const y = matrix(k, m);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < m; j++) {
        const zij = z.data[i * m + j];
        y.data[i * m + j] = zij ** 3 - (zij * colSq[j]) / k;
      }
    }
    const b = multiply(xt, y);
    const { u, s, v } = jacobiSvd(b);
    t = multiply(u, transpose(v));
    const previous = d;
    d = s.reduce((acc, value) => acc + value, 0);
    if (d < previous * (1 + eps)) {
      converged = true;
      break;
    }
  }
  const loadings = multiply(x, t);
  if (normalize) for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) loadings.data[i * m + j] *= scale[i];
  return { loadings, rotation: t, iterations, converged };
}
