import { type Matrix, copy, identity, inverse, matrix, multiply, sumOfSquares, transpose } from './small-matrix.js';

/** A rotation criterion Q(L) and its gradient dQ/dL at the loadings L (GPArotation's vgQ.*). */
export type RotationCriterion = (loadings: Matrix) => { f: number; gradient: Matrix };

export interface ObliqueRotationResult {
  /** Rotated pattern loadings L = A (Tᵀ)⁻¹, k × m, in the input's column order. */
  loadings: Matrix;
  /** Factor correlations Φ = TᵀT. */
  phi: Matrix;
  /** The rotation T (columns of unit length), GPArotation's `Th`. */
  rotation: Matrix;
  /** Criterion value at the end. */
  f: number;
  /** Outer iterations done (GPArotation's nrow(Table) − 1). */
  iterations: number;
  /** The projected gradient's norm fell below eps (GPArotation's `convergence`). */
  converged: boolean;
}

/** GPArotation's defaults: eps = 1e-5 on the projected gradient norm, 1000 iterations. */
export const GP_EPS = 1e-5;
export const GP_MAX_ITERATIONS = 1000;

/**
 * Gradient projection oblique rotation (Jennrich 2002, "A simple general method for oblique
 * rotation", Psychometrika 67:7-19), step for step as GPArotation::GPFoblq (Bernaards &
 * Jennrich 2005) with normalize = FALSE, eps = 1e-5, maxit = 1000 and the identity start:
 * with the loadings L(T) = A (Tᵀ)⁻¹ and G = −(Lᵀ ∂Q/∂L T⁻¹)ᵀ the gradient of Q in T, each
 * iteration projects G onto the tangent space of the column-normalised matrices,
 *   G_p = G − T diag(1ᵀ(T ∘ G)),   s = ‖G_p‖_F,
 * stops when s < eps, else doubles the step α and halves it (at most 11 tries) until
 *   X = T − α G_p,  T̃ = X diag(1 / ‖x_j‖)
 * lowers Q by more than ½ s² α (the last try is taken whatever it gives, as GPArotation does).
 * Throws a RangeError when T becomes singular (R's solve() stops there too; psych then falls
 * back to Promax).
 */
export function gradientProjectionOblique(
  a: Matrix,
  criterion: RotationCriterion,
  eps = GP_EPS,
  maxIterations = GP_MAX_ITERATIONS,
): ObliqueRotationResult {
  const m = a.cols;
  if (m < 2) throw new RangeError('rotation does not make sense for single factor models');
  let t = identity(m);
  let tInverse = identity(m);
  let l = loadingsAt(a, tInverse);
  let value = criterion(l);
  let g = gradientInT(l, value.gradient, tInverse);
  let f = value.f;
  let alpha = 1;
  let s = Number.POSITIVE_INFINITY;
  let iterations = 0;
  for (let iter = 0; iter <= maxIterations; iter++) {
    iterations = iter;
    const gp = copy(g);
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += t.data[i * m + j] * g.data[i * m + j];
      for (let i = 0; i < m; i++) gp.data[i * m + j] -= t.data[i * m + j] * dot;
    }
    s = Math.sqrt(sumOfSquares(gp));
    if (s < eps) break;
    alpha *= 2;
    let tNext = t;
    let tNextInverse = tInverse;
    for (let attempt = 0; attempt <= 10; attempt++) {
      const x = matrix(m, m);
      for (let c = 0; c < m * m; c++) x.data[c] = t.data[c] - alpha * gp.data[c];
      for (let j = 0; j < m; j++) {
        let ss = 0;
        for (let i = 0; i < m; i++) ss += x.data[i * m + j] ** 2;
        const scale = 1 / Math.sqrt(ss);
        for (let i = 0; i < m; i++) x.data[i * m + j] *= scale;
      }
      tNext = x;
      const inv = inverse(x);
      if (inv === null) throw new RangeError('gradientProjectionOblique: the rotation became singular');
      tNextInverse = inv;
      l = loadingsAt(a, inv);
      value = criterion(l);
      if (f - value.f > 0.5 * s * s * alpha) break;
      alpha /= 2;
    }
    t = tNext;
    tInverse = tNextInverse;
    f = value.f;
    g = gradientInT(l, value.gradient, tInverse);
  }
  return { loadings: l, phi: multiply(transpose(t), t), rotation: t, f, iterations, converged: s < eps };
}

/** L = A (Tᵀ)⁻¹ = A (T⁻¹)ᵀ. */
function loadingsAt(a: Matrix, tInverse: Matrix): Matrix {
  return multiply(a, transpose(tInverse));
}

/** G = −(Lᵀ Gq T⁻¹)ᵀ. */
function gradientInT(l: Matrix, gq: Matrix, tInverse: Matrix): Matrix {
  const inner = multiply(multiply(transpose(l), gq), tInverse);
  const g = transpose(inner);
  for (let c = 0; c < g.data.length; c++) g.data[c] = -g.data[c];
  return g;
}
