import { GP_EPS, GP_MAX_ITERATIONS, type ObliqueRotationResult, type RotationCriterion, gradientProjectionOblique } from './gradient-projection.js';
import { type Matrix, matrix } from './small-matrix.js';

/**
 * The oblimin criterion of Carroll (1957) / Jennrich (1979) and its gradient, as
 * GPArotation's vgQ.oblimin(L, gam):
 *   X = (I − γ/k · 11ᵀ) L² N,   N = 11ᵀ − I (the m × m matrix with zeros on the diagonal),
 *   Q(L) = ¼ Σ (L² ∘ X),   ∂Q/∂L = L ∘ X,
 * L² the elementwise square. γ = 0 is quartimin (psych's and GPArotation's default oblimin),
 * γ = .5 biquartimin, γ = 1 covarimin.
 */
export function obliminCriterion(gamma = 0): RotationCriterion {
  return (l: Matrix) => {
    const k = l.rows;
    const m = l.cols;
    const x = matrix(k, m);
    for (let i = 0; i < k; i++) {
      let rowSq = 0;
      for (let j = 0; j < m; j++) rowSq += l.data[i * m + j] ** 2;
      for (let j = 0; j < m; j++) x.data[i * m + j] = rowSq - l.data[i * m + j] ** 2;
    }
    if (gamma !== 0) {
      const means = new Float64Array(m);
      for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) means[j] += x.data[i * m + j];
      for (let j = 0; j < m; j++) means[j] *= gamma / k;
      for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) x.data[i * m + j] -= means[j];
    }
    const gradient = matrix(k, m);
    let f = 0;
    for (let c = 0; c < k * m; c++) {
      const lc = l.data[c];
      gradient.data[c] = lc * x.data[c];
      f += lc * lc * x.data[c];
    }
    return { f: f / 4, gradient };
  };
}

/**
 * Direct oblimin rotation of the k × m loadings A as GPArotation::oblimin(A, gam = γ)
 * (normalize = FALSE, eps = 1e-5, maxit = 1000, identity start), which psych::fa calls for
 * rotate = "oblimin": the gradient projection algorithm of gradient-projection.ts on the
 * criterion of obliminCriterion. Loadings are in the input's column order; psych's signing
 * and ordering of the factors is applied by rotation.ts.
 */
export function oblimin(a: Matrix, gamma = 0, eps = GP_EPS, maxIterations = GP_MAX_ITERATIONS): ObliqueRotationResult {
  return gradientProjectionOblique(a, obliminCriterion(gamma), eps, maxIterations);
}
