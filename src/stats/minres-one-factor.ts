import { choleskyFactor, choleskySolve } from './cholesky.js';
import { leadingEigenpair } from './leading-eigenpair.js';
import { allFinite } from './matrix-sums.js';

/** psych fa's lower bound on a uniqueness (L-BFGS-B `lower = .005`): communality <= .995. */
const MAX_COMMUNALITY = 0.995;
/** Newton steps before the fit is declared not converged (it usually takes 2 to 5). */
const MAX_NEWTON_STEPS = 200;
/** A full Newton step no longer than this ends the fit (the next one would be ~1e-20). */
const STEP_TOLERANCE = 1e-10;
/**
 * Coordinate-descent sweeps (O(k²) each) before Newton, until no loading moves by this much:
 * they keep the fit in the basin of the start, as psych's small L-BFGS-B steps do, where a
 * full Newton step from afar may jump to another local minimum of a weak factor.
 */
const WARM_UP_SWEEPS = 200;
const WARM_UP_TOLERANCE = 1e-4;

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
 *   F(λ) = Σ_{i<j} (r_ij - λ_i λ_j)²   (Harman & Jones 1966),
 * with each communality λ_i² at most .995 as in psych. With S = Σ_j λ_j², half the gradient
 * and Hessian of F are
 *   g_i = λ_i (S - λ_i²) - Σ_{j≠i} r_ij λ_j,   H_ii = S - λ_i²,   H_ij = 2 λ_i λ_j - r_ij.
 * The start is the principal-axis solution with squared multiple correlations on the diagonal
 * (leading eigenpair of the reduced matrix by Lanczos iteration, λ = v √θ), improved by a few
 * coordinate-descent sweeps (the exact minimiser in one λ_i at a time); then projected
 * Newton steps (Bertsekas 1982) solve H δ = -g over the loadings not held at the bound, with
 * Levenberg-Marquardt damping (H + μI) whenever H is not positive definite or the step does
 * not lower F; the fit ends when a full Newton step moves no loading by 1e-10, which leaves
 * the loadings exact to rounding (quadratic convergence). Each step costs k³/6 multiply-adds
 * (a Cholesky factorisation of H), the rest O(k²).
 * psych reaches the same stationary point with L-BFGS-B over the uniquenesses, so the two
 * agree to psych's optimiser tolerance (omega totals within 5e-7 on tests/golden/psych and
 * tests/golden/matrix). With many items psych stops short of it: at 1000 items its largest
 * gradient component is still about 0.2 and its F higher, so omega totals then differ by ~1e-6.
 * In a Heywood case the bounds differ: psych bounds the uniqueness it optimises over and
 * may still return a loading above 1, this fit bounds the loading itself; `heywood` says so.
 * `converged` is false when Newton stalls or runs out of steps (omega is then left undefined),
 * and when R or smc has a non-finite cell (the loadings are then NaN).
 */
export function minresOneFactor(r: Float64Array, k: number, smc: Float64Array): OneFactorFit {
  const bound = Math.sqrt(MAX_COMMUNALITY);
  if (!allFinite(r) || !allFinite(smc)) {
    const undefinedFit = new Float64Array(k).fill(Number.NaN);
    return { loadings: undefinedFit, uniquenesses: Float64Array.from(undefinedFit), converged: false, heywood: false };
  }
  const l = principalAxisStart(r, k, smc, bound);
  for (let sweep = 0; sweep < WARM_UP_SWEEPS; sweep++) if (coordinateSweep(r, k, l, bound) < WARM_UP_TOLERANCE) break;
  let converged = false;
  for (let step = 0; step < MAX_NEWTON_STEPS && !converged; step++) {
    const outcome = newtonStep(r, k, l, bound);
    if (outcome === 'stalled') break;
    converged = outcome === 'converged';
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

/**
 * Principal-axis loadings of R with `smc` on the diagonal: √θ v for its leading eigenpair
 * (Lanczos, see leading-eigenpair.ts), clipped to the bound.
 */
function principalAxisStart(r: Float64Array, k: number, smc: Float64Array, bound: number): Float64Array {
  const reduced = Float64Array.from(r);
  for (let i = 0; i < k; i++) reduced[i * k + i] = smc[i];
  const { value, vector } = leadingEigenpair(reduced, k);
  const scale = Math.sqrt(Math.max(value, 0));
  const l = new Float64Array(k);
  for (let i = 0; i < k; i++) l[i] = Math.min(bound, Math.max(-bound, vector[i] * scale));
  return l;
}

/**
 * One sweep of coordinate descent, in place: F is quadratic in each λ_i, minimised at
 *   λ_i = Σ_{j≠i} r_ij λ_j / Σ_{j≠i} λ_j²   (clipped to the bound).
 * Returns the largest change of a loading.
 */
function coordinateSweep(r: Float64Array, k: number, l: Float64Array, bound: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += l[i] * l[i];
  let change = 0;
  for (let i = 0; i < k; i++) {
    const row = i * k;
    let numerator = 0;
    for (let j = 0; j < k; j++) if (j !== i) numerator += r[row + j] * l[j];
    const denominator = s - l[i] * l[i];
    if (!(denominator > 0)) continue;
    const next = Math.min(bound, Math.max(-bound, numerator / denominator));
    change = Math.max(change, Math.abs(next - l[i]));
    s += next * next - l[i] * l[i];
    l[i] = next;
  }
  return change;
}

/**
 * One projected, damped Newton step on F, in place. A loading at the bound whose gradient
 * pushes it further out is held; the others take the step, clipped to the bound. Damping
 * μ = 0, then 1e-8·S growing tenfold, until H + μI is positive definite and F decreases.
 * 'converged': the gradient is zero to rounding, or a full (μ = 0) step was below tolerance.
 * 'stalled': no damping gave a decrease.
 */
function newtonStep(r: Float64Array, k: number, l: Float64Array, bound: number): 'moved' | 'converged' | 'stalled' {
  let s = 0;
  for (let i = 0; i < k; i++) s += l[i] * l[i];
  const g = new Float64Array(k);
  const free: number[] = [];
  let gradientAtFloor = true;
  for (let i = 0; i < k; i++) {
    const row = i * k;
    let rl = 0;
    let magnitude = 0;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const t = r[row + j] * l[j];
      rl += t;
      magnitude += Math.abs(t);
    }
    const li = l[i];
    g[i] = li * (s - li * li) - rl;
    const heldAtBound = Math.abs(li) >= bound && li * g[i] <= 0;
    if (heldAtBound) continue;
    free.push(i);
    if (Math.abs(g[i]) > 16 * Number.EPSILON * (Math.abs(li) * (s + li * li) + magnitude)) gradientAtFloor = false;
  }
  if (gradientAtFloor) return 'converged';
  const m = free.length;
  const h = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const i = free[a];
    rhs[a] = -g[i];
    for (let b = 0; b < m; b++) {
      const j = free[b];
      h[a * m + b] = a === b ? s - l[i] * l[i] : 2 * l[i] * l[j] - r[i * k + j];
    }
  }
  const candidate = new Float64Array(k);
  let mu = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) {
      const next = attempt === 1 ? 1e-8 * Math.max(s, 1e-3) : mu * 10;
      for (let a = 0; a < m; a++) h[a * m + a] += next - mu;
      mu = next;
    }
    const factor = choleskyFactor(h, m);
    if (factor === null) continue;
    const delta = choleskySolve(factor, rhs, m);
    candidate.set(l);
    let move = 0;
    for (let a = 0; a < m; a++) {
      const i = free[a];
      const next = Math.min(bound, Math.max(-bound, l[i] + delta[a]));
      candidate[i] = next;
      move = Math.max(move, Math.abs(next - l[i]));
    }
    if (mu === 0 && move <= STEP_TOLERANCE) {
      l.set(candidate);
      return 'converged';
    }
    if (residualChange(r, k, l, candidate) < 0) {
      l.set(candidate);
      return 'moved';
    }
  }
  return 'stalled';
}

/**
 * F(c) - F(l), summed term by term so that its rounding error scales with the change, not
 * with F: with e_ij = r_ij - l_i l_j and Δ_ij = c_i c_j - l_i l_j = δ_i l_j + c_i δ_j (δ = c - l),
 *   F(c) - F(l) = Σ_{i<j} Δ_ij (Δ_ij - 2 e_ij).
 */
function residualChange(r: Float64Array, k: number, l: Float64Array, c: Float64Array): number {
  let change = 0;
  for (let i = 0; i < k; i++) {
    const di = c[i] - l[i];
    const ci = c[i];
    const li = l[i];
    const row = i * k;
    for (let j = i + 1; j < k; j++) {
      const dj = c[j] - l[j];
      const step = di * l[j] + ci * dj;
      change += step * (step - 2 * (r[row + j] - li * l[j]));
    }
  }
  return change;
}
