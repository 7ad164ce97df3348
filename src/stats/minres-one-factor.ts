import { symmetricEigen } from './symmetric-eigen.js';

/** psych fa's lower bound on a uniqueness (L-BFGS-B `lower = .005`): communality <= .995. */
const MAX_COMMUNALITY = 0.995;

export interface OneFactorFit {
  /** Loadings λ_i, signed so that their sum is not negative. */
  loadings: Float64Array;
  /** Uniquenesses 1 - λ_i². */
  uniquenesses: Float64Array;
  converged: boolean;
  /** A communality reached the .995 bound (a Heywood case). */
  heywood: boolean;
}

/**
 * One-factor minimum-residual (unweighted least squares) fit of a correlation matrix, the
 * model of psych `fa(R, nfactors = 1, fm = "minres")`: the loadings minimise the sum of
 * squared off-diagonal residuals
 *   f(λ) = Σ_{i<j} (r_ij - λ_i λ_j)²   (Harman & Jones 1966),
 * with each communality λ_i² at most .995 as in psych. f is quadratic in each λ_i, so
 * coordinate descent takes the exact minimiser λ_i = Σ_{j≠i} r_ij λ_j / Σ_{j≠i} λ_j²
 * (clipped to the bound) in turn until no loading moves by 1e-13; the start is the
 * principal-axis solution with squared multiple correlations on the diagonal.
 * psych reaches the same stationary point with L-BFGS-B over the uniquenesses, so the two
 * agree to psych's optimiser tolerance (omega totals within 5e-7 on tests/golden/psych).
 * In a Heywood case the bounds differ: psych bounds the uniqueness it optimises over and
 * may still return a loading above 1, this fit bounds the loading itself; `heywood` says so.
 */
export function minresOneFactor(r: Float64Array, k: number, smc: Float64Array): OneFactorFit {
  const start = Float64Array.from(r);
  for (let i = 0; i < k; i++) start[i * k + i] = smc[i];
  const { values, vectors } = symmetricEigen(start, k);
  const scale = Math.sqrt(Math.max(values[0], 0));
  const l = new Float64Array(k);
  for (let i = 0; i < k; i++) l[i] = vectors[i * k] * scale;
  const bound = Math.sqrt(MAX_COMMUNALITY);
  let converged = false;
  for (let sweep = 0; sweep < 200000 && !converged; sweep++) {
    let change = 0;
    for (let i = 0; i < k; i++) {
      let numerator = 0;
      let denominator = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        numerator += r[i * k + j] * l[j];
        denominator += l[j] * l[j];
      }
      if (!(denominator > 0)) continue;
      let next = numerator / denominator;
      if (next > bound) next = bound;
      else if (next < -bound) next = -bound;
      change = Math.max(change, Math.abs(next - l[i]));
      l[i] = next;
    }
    converged = change < 1e-13;
  }
  let sum = 0;
  for (let i = 0; i < k; i++) sum += l[i];
  const uniquenesses = new Float64Array(k);
  let heywood = false;
  for (let i = 0; i < k; i++) {
    if (sum < 0) l[i] = -l[i];
    if (Math.abs(l[i]) >= bound) heywood = true;
    uniquenesses[i] = 1 - l[i] * l[i];
  }
  return { loadings: l, uniquenesses, converged, heywood };
}
