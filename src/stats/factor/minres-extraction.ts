import { minresOneFactor } from '../minres-one-factor.js';
import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import { boxQuasiNewton } from './box-quasi-newton.js';
import { finishSolution, MIN_UNIQUENESS, type FactorWarning, type UnrotatedSolution } from './factor-solution.js';

/**
 * Minimum-residual (unweighted least squares) factor extraction, psych `fa(R, m, fm = "minres")`
 * (Harman & Jones 1966; psych fac() `fit.residuals`): over the uniquenesses Ψ, minimise
 *   F(Ψ) = Σ_{i<j} (R_ij − (ΛΛᵀ)_ij)²,   Λ = V_m diag(√θ_m),
 * where (θ, V) are the eigenpairs of R − diag(Ψ) (θ below machine epsilon set to 100ε, as psych
 * does), with .005 ≤ Ψ_i ≤ max(1, max smc) (psych's L-BFGS-B bounds), from Ψ = diag(R) − smc.
 * The exact gradient is used (first-order perturbation of the eigenpairs):
 *   ∂F/∂Ψ_l = (V (G ∘ K) Vᵀ)_ll,   G = Vᵀ E V,
 * E the off-diagonal residual matrix (zero diagonal), K_ef = 1 for e, f ≤ m,
 * K_ef = θ_e / (θ_e − θ_f) for e ≤ m < f (and symmetrically), 0 for e, f > m. At an interior
 * stationary point this is psych's `FAgr.minres` condition diag(ΛΛᵀ + Ψ − R) = 0 (the model
 * reproduces the communalities), so both reach the same solution; psych stops at L-BFGS-B's
 * relative-reduction test (factr 1e7), this fit at the stationary point (see box-quasi-newton.ts).
 * The loadings are psych's `FAout.wls`: V_m diag(√max(θ_m, 0)) of R − diag(Ψ). About 12k³ flops
 * an iteration (one eigen-decomposition and two k × k products). With m = 1 the same minimum is
 * found by src/stats/minres-one-factor.ts (projected Newton over the loadings, a few steps even on
 * nearly structureless matrices; `iterations` is then 0). `maxIterations` caps the quasi-Newton
 * steps (default 2000); a capped fit is its last point, `converged` false.
 */
export function minresExtraction(r: Float64Array, k: number, m: number, options: { gtol?: number; maxIterations?: number } = {}): UnrotatedSolution {
  checkArguments(r, k, m, 'minresExtraction');
  const smc = squaredMultipleCorrelations(r, k).values;
  if (m === 1) {
    const one = minresOneFactor(r, k, smc);
    const warnings: FactorWarning[] = [];
    if (!one.converged) warnings.push({ code: 'not-converged', message: 'the minres fit did not converge: the loadings are its last point' });
    return finishSolution('minres', r, k, 1, one.loadings, { iterations: 0, converged: one.converged, warnings });
  }
  const upper = Math.max(1, ...smc);
  const start = Float64Array.from(smc, (s, i) => r[i * k + i] - s);
  const result = boxQuasiNewton((psi) => minresObjective(r, k, m, psi), start, MIN_UNIQUENESS, upper, { gtol: options.gtol, maxIterations: options.maxIterations });
  const raw = reducedLoadings(r, k, m, result.x);
  const warnings: FactorWarning[] = [];
  if (!result.converged) warnings.push({ code: 'not-converged', message: 'the minres fit did not converge: the loadings are its last point' });
  return finishSolution('minres', r, k, m, raw, { iterations: result.iterations, converged: result.converged, warnings });
}

/** F(Ψ) and its gradient (see minresExtraction). */
export function minresObjective(r: Float64Array, k: number, m: number, psi: Float64Array): { f: number; g: Float64Array } {
  const a = Float64Array.from(r);
  for (let i = 0; i < k; i++) a[i * k + i] = r[i * k + i] - psi[i];
  const { values, vectors } = symmetricEigen(a, k);
  const theta = Float64Array.from(values, (v) => (v < Number.EPSILON ? 100 * Number.EPSILON : v));
  // Residual E (zero diagonal) and F.
  const e = new Float64Array(k * k);
  let f = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      let model = 0;
      for (let q = 0; q < m; q++) model += vectors[i * k + q] * vectors[j * k + q] * theta[q];
      const res = r[i * k + j] - model;
      e[i * k + j] = e[j * k + i] = res;
      f += res * res;
    }
  }
  // G = Vᵀ E V, then W = V (G ∘ K), gradient_l = Σ_f W_lf V_lf.
  const ev = multiply(e, vectors, k); // E V
  const g = new Float64Array(k * k);
  for (let p = 0; p < k; p++) {
    for (let q = 0; q < k; q++) {
      if (p >= m && q >= m) continue;
      let s = 0;
      for (let i = 0; i < k; i++) s += vectors[i * k + p] * ev[i * k + q];
      let weight = 1;
      if (p < m && q >= m) weight = theta[p] / (theta[p] - theta[q]);
      else if (q < m && p >= m) weight = theta[q] / (theta[q] - theta[p]);
      g[p * k + q] = Number.isFinite(weight) ? s * weight : 0;
    }
  }
  const w = multiply(vectors, g, k);
  const grad = new Float64Array(k);
  for (let l = 0; l < k; l++) {
    let s = 0;
    for (let q = 0; q < k; q++) s += w[l * k + q] * vectors[l * k + q];
    grad[l] = s;
  }
  return { f, g: grad };
}

/** psych `FAout.wls`: the leading m eigenpairs of R − diag(Ψ) as loadings V_m diag(√max(θ, 0)), k × m. */
export function reducedLoadings(r: Float64Array, k: number, m: number, psi: Float64Array): Float64Array {
  const a = Float64Array.from(r);
  for (let i = 0; i < k; i++) a[i * k + i] = r[i * k + i] - psi[i];
  const { values, vectors } = symmetricEigen(a, k);
  const out = new Float64Array(k * m);
  for (let q = 0; q < m; q++) {
    const s = Math.sqrt(Math.max(values[q], 0));
    for (let i = 0; i < k; i++) out[i * m + q] = vectors[i * k + q] * s;
  }
  return out;
}

/** A · B for k × k row-major matrices. */
export function multiply(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let p = 0; p < k; p++) {
      const x = a[i * k + p];
      if (x === 0) continue;
      for (let j = 0; j < k; j++) out[i * k + j] += x * b[p * k + j];
    }
  }
  return out;
}

/** Throws a RangeError unless R is a finite k × k matrix and 1 ≤ m < k. */
export function checkArguments(r: Float64Array, k: number, m: number, name: string): void {
  if (r.length !== k * k) throw new RangeError(`${name}: R must be k × k`);
  if (!Number.isInteger(m) || m < 1 || m >= k) throw new RangeError(`${name}: the number of factors must be 1 to k − 1`);
  for (const x of r) if (!Number.isFinite(x)) throw new RangeError(`${name}: R has a non-finite cell`);
}
