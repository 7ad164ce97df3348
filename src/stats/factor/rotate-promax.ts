import { varimax } from './rotate-varimax.js';
import { type Matrix, copy, crossprod, identity, inverse, multiply, transpose } from './small-matrix.js';

export interface PromaxResult {
  /** Rotated pattern loadings, k × m, in the varimax solution's column order. */
  loadings: Matrix;
  /** Factor correlations Φ = U⁻¹ (U⁻¹)ᵀ. */
  phi: Matrix;
  /** The whole rotation U = T_varimax · U_promax (loadings = A U). */
  rotation: Matrix;
  /** The varimax step met its stopping rule. */
  converged: boolean;
}

/**
 * Promax rotation (Hendrickson & White 1964) as psych::Promax(x, m = 4):
 *   1. V = varimax(A) (stats::varimax with Kaiser normalisation, see rotate-varimax.ts);
 *   2. the target Q = V ∘ |V|^(power − 1);
 *   3. U = (VᵀV)⁻¹ VᵀQ, the least-squares fit V U ≈ Q (R's lm.fit);
 *   4. U ← U diag(√diag((UᵀU)⁻¹)), so that the factors have unit variance;
 *   5. loadings V U, and with the whole rotation U_all = T U, Φ = U_all⁻¹ (U_all⁻¹)ᵀ.
 * Unlike stats::promax, psych's returns Φ. psych approximates (UᵀU)⁻¹ through a regularised
 * eigendecomposition when UᵀU is exactly singular ("factors exactly uncorrelated"); here that
 * case throws a RangeError (it needs factors with no variable loading on them).
 */
export function promax(a: Matrix, power = 4): PromaxResult {
  const m = a.cols;
  if (m < 2) return { loadings: copy(a), phi: identity(m), rotation: identity(m), converged: true };
  const v = varimax(a);
  const x = v.loadings;
  const q = copy(x);
  for (let c = 0; c < q.data.length; c++) q.data[c] = x.data[c] * Math.abs(x.data[c]) ** (power - 1);
  const xtxInverse = inverse(crossprod(x, x));
  if (xtxInverse === null) throw new RangeError('promax: the varimax loadings have dependent columns');
  const u = multiply(xtxInverse, crossprod(x, q));
  const utuInverse = inverse(crossprod(u, u));
  if (utuInverse === null) throw new RangeError('promax: the factors are exactly uncorrelated (singular UᵀU)');
  for (let j = 0; j < m; j++) {
    const d = Math.sqrt(utuInverse.data[j * m + j]);
    for (let i = 0; i < m; i++) u.data[i * m + j] *= d;
  }
  const loadings = multiply(x, u);
  const rotation = multiply(v.rotation, u);
  const ui = inverse(rotation);
  if (ui === null) throw new RangeError('promax: the rotation is singular');
  return { loadings, phi: multiply(ui, transpose(ui)), rotation, converged: v.converged };
}

/**
 * psych::kaiser(A, rotate = "Promax"), which psych::fa uses for rotate = "promax": the rows of
 * A are scaled to unit length (A / h, h_i² = Σ_j a_ij², the communalities), rotated by
 * Promax, and the rotated rows scaled back by h. Φ is that of the normalised rotation.
 */
export function kaiserPromax(a: Matrix, power = 4): PromaxResult {
  const k = a.rows;
  const m = a.cols;
  const h = new Float64Array(k);
  const weighted = copy(a);
  for (let i = 0; i < k; i++) {
    let ss = 0;
    for (let j = 0; j < m; j++) ss += a.data[i * m + j] ** 2;
    h[i] = Math.sqrt(ss);
    for (let j = 0; j < m; j++) weighted.data[i * m + j] /= h[i];
  }
  const rotated = promax(weighted, power);
  for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) rotated.loadings.data[i * m + j] *= h[i];
  return rotated;
}
