import { type Matrix, identity, matrix } from './small-matrix.js';

const MAX_SWEEPS = 60;

/**
 * Singular value decomposition A = U diag(s) Vᵀ of a small square matrix by one-sided
 * (Hestenes 1958) Jacobi rotations: plane rotations of the columns of W = A V, accumulated in
 * V, until every pair of columns is orthogonal to rounding (|w_pᵀw_q| ≤ eps · ‖w_p‖‖w_q‖);
 * then s_j = ‖w_j‖ and u_j = w_j / s_j. Accurate to high relative precision (Demmel &
 * Veselić 1992), which is more than stats::varimax needs from La.svd (LAPACK dgesdd): the
 * polar factor U Vᵀ and the sum of the singular values, both unique up to rounding when A
 * has full rank. A column of U for a zero singular value is completed to an orthonormal basis
 * by Gram-Schmidt on the unit vectors. Singular values are returned in decreasing order.
 */
export function jacobiSvd(a: Matrix): { u: Matrix; s: Float64Array; v: Matrix } {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError('jacobiSvd: not square');
  const w = Float64Array.from(a.data);
  const v = identity(n).data;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = w[i * n + p];
          const y = w[i * n + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = w[i * n + p];
          const y = w[i * n + q];
          w[i * n + p] = c * x - s * y;
          w[i * n + q] = s * x + c * y;
          const vx = v[i * n + p];
          const vy = v[i * n + q];
          v[i * n + p] = c * vx - s * vy;
          v[i * n + q] = s * vx + c * vy;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w[i * n + j] * w[i * n + j];
    norms[j] = Math.sqrt(ss);
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const u = matrix(n, n);
  const vs = matrix(n, n);
  const s = new Float64Array(n);
  const largest = norms[order[0]] ?? 0;
  order.forEach((from, to) => {
    s[to] = norms[from];
    for (let i = 0; i < n; i++) vs.data[i * n + to] = v[i * n + from];
    if (norms[from] > n * Number.EPSILON * largest) {
      for (let i = 0; i < n; i++) u.data[i * n + to] = w[i * n + from] / norms[from];
    } else {
      completeColumn(u, to);
    }
  });
  return { u, s, v: vs };
}

/** Sets column j of u to a unit vector orthogonal to columns 0..j-1 (Gram-Schmidt on e_1, e_2, ...). */
function completeColumn(u: Matrix, j: number): void {
  const n = u.rows;
  let best: Float64Array | null = null;
  let bestNorm = 0;
  for (let e = 0; e < n; e++) {
    const x = new Float64Array(n);
    x[e] = 1;
    for (let c = 0; c < j; c++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += u.data[i * n + c] * x[i];
      for (let i = 0; i < n; i++) x[i] -= dot * u.data[i * n + c];
    }
    const norm = Math.hypot(...x);
    if (norm > bestNorm) {
      best = x;
      bestNorm = norm;
    }
  }
  for (let i = 0; i < n; i++) u.data[i * n + j] = best === null ? 0 : best[i] / bestNorm;
}
