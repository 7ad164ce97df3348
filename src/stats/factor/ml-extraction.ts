import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import { boxQuasiNewton } from './box-quasi-newton.js';
import { finishSolution, MIN_UNIQUENESS, type FactorWarning, type UnrotatedSolution } from './factor-solution.js';
import { checkArguments } from './minres-extraction.js';

/**
 * Maximum-likelihood factor extraction, psych `fa(R, m, fm = "ml")` (Jöreskog 1967; Lawley &
 * Maxwell 1971; psych fac() `FAfn`/`FAgr`, the method of R's factanal): over the uniquenesses
 * Ψ, minimise the concentrated discrepancy
 *   F(Ψ) = Σ_{j>m} (θ_j − ln θ_j) − (k − m),
 * θ the eigenvalues of Ψ^{-1/2} R Ψ^{-1/2}, with gradient
 *   ∂F/∂Ψ_i = (ΛΛᵀ + Ψ − R)_ii / Ψ_i²,   Λ = Ψ^{1/2} V_m diag(√max(θ_m − 1, 0)),
 * over .005 ≤ Ψ_i ≤ max(1, max smc) (psych's L-BFGS-B bounds) from Ψ = diag(R) − smc; the
 * loadings are that Λ (psych `FAout`). Solved to the stationary point (box-quasi-newton.ts),
 * where psych stops at L-BFGS-B's relative-reduction test. About 9k³ flops an iteration.
 */
export function mlExtraction(r: Float64Array, k: number, m: number): UnrotatedSolution {
  checkArguments(r, k, m, 'mlExtraction');
  const smc = squaredMultipleCorrelations(r, k).values;
  const upper = Math.max(1, ...smc);
  const start = Float64Array.from(smc, (s, i) => r[i * k + i] - s);
  const result = boxQuasiNewton((psi) => mlObjective(r, k, m, psi), start, MIN_UNIQUENESS, upper);
  const raw = mlLoadings(r, k, m, result.x).loadings;
  const warnings: FactorWarning[] = [];
  if (!result.converged) warnings.push({ code: 'not-converged', message: 'the maximum-likelihood fit did not converge: the loadings are its last point' });
  return finishSolution('ml', r, k, m, raw, { iterations: result.iterations, converged: result.converged, warnings });
}

/** psych `FAout`: Λ = Ψ^{1/2} V_m diag(√max(θ_m − 1, 0)) (k × m) and every θ. */
export function mlLoadings(r: Float64Array, k: number, m: number, psi: Float64Array): { loadings: Float64Array; theta: Float64Array } {
  const scale = Float64Array.from(psi, (p) => 1 / Math.sqrt(p));
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = scale[i] * r[i * k + j] * scale[j];
  const { values, vectors } = symmetricEigen(a, k);
  const loadings = new Float64Array(k * m);
  for (let q = 0; q < m; q++) {
    const s = Math.sqrt(Math.max(values[q] - 1, 0));
    for (let i = 0; i < k; i++) loadings[i * m + q] = vectors[i * k + q] * s / scale[i];
  }
  return { loadings, theta: values };
}

/** F(Ψ) and its gradient (see mlExtraction). */
export function mlObjective(r: Float64Array, k: number, m: number, psi: Float64Array): { f: number; g: Float64Array } {
  const { loadings, theta } = mlLoadings(r, k, m, psi);
  let f = m - k;
  for (let j = m; j < k; j++) f += theta[j] - Math.log(theta[j]);
  const g = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let h2 = 0;
    for (let q = 0; q < m; q++) h2 += loadings[i * m + q] ** 2;
    g[i] = (h2 + psi[i] - r[i * k + i]) / (psi[i] * psi[i]);
  }
  return { f: Number.isNaN(f) ? Number.POSITIVE_INFINITY : f, g };
}
