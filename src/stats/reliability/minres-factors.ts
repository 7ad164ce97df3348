import { symmetricEigen } from '../symmetric-eigen.js';

/** psych fa's bounds on a uniqueness (L-BFGS-B `lower = .005`, `upper = 1` for correlations). */
const MIN_UNIQUENESS = 0.005;
const MAX_UNIQUENESS = 1;
/** SQUAREM cycles (two map steps each, plus one more when it extrapolates) before giving up. */
const MAX_ITERATIONS = 1000;
/** No uniqueness moves by more than this: a fixed point to rounding. */
const TOLERANCE = 1e-13;
/**
 * Or the objective falls by less than this in a cycle: psych's L-BFGS-B stops when the
 * fall is below factr · eps ≈ 2.2e-9; this is a million times tighter, where the minimum is
 * so flat (near-saturated models) that ψ still drifts along it without changing the fit.
 */
const OBJECTIVE_TOLERANCE = 1e-15;

export interface MinresFit {
  /** diag(LL'): the model's communalities (psych `fa(...)$communality`). */
  communalities: Float64Array;
  converged: boolean;
  iterations: number;
}

/**
 * Unrotated nf-factor minimum-residual fit of a correlation matrix, the model of psych
 * `fa(R, nf, fm = "minres", rotate = "none")`: the uniquenesses ψ minimise
 *   F(ψ) = Σ_{i<j} (r_ij - (LL')_ij)²,  L = V_nf √max(Θ_nf, 0) of R - diag(ψ),
 * subject to .005 ≤ ψ_i ≤ 1. psych's gradient of F (FAgr.minres) is diag(LL') + ψ - 1, so
 * its stationary points, including those held at a bound, are exactly the fixed points of
 * the principal-axis map ψ ← clamp(1 - diag(LL'(ψ)), .005, 1). This iterates that map from
 * psych's start ψ = 1 - smc, with SQUAREM extrapolation (Varadhan & Roland 2008, scheme S3)
 * whenever it lowers F and a plain step otherwise, until no ψ moves by 1e-13 or F falls by
 * less than 1e-15 in a cycle; `converged` is false after 2000 cycles. psych stops L-BFGS-B
 * earlier, so the two agree to psych's optimiser tolerance.
 * Each step is one symmetric eigen-decomposition (9k³ flops).
 */
export function minresFactors(r: Float64Array, k: number, nf: number, smc: Float64Array): MinresFit {
  let psi: Float64Array = new Float64Array(k);
  for (let i = 0; i < k; i++) psi[i] = clamp(1 - smc[i]);
  // Each evaluation (one eigen-decomposition) gives both F(ψ) and the map's next ψ.
  let at = evaluate(r, k, nf, psi);
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const p1 = at.next;
    const e1 = evaluate(r, k, nf, p1);
    const p2 = e1.next;
    let rr = 0;
    let vv = 0;
    let change = 0;
    for (let i = 0; i < k; i++) {
      const d1 = p1[i] - psi[i];
      const d2 = p2[i] - 2 * p1[i] + psi[i];
      rr += d1 * d1;
      vv += d2 * d2;
      change = Math.max(change, Math.abs(p2[i] - psi[i]));
    }
    if (change <= TOLERANCE) {
      psi = p2;
      converged = true;
      break;
    }
    let nextPsi: Float64Array = p2;
    let nextAt = evaluate(r, k, nf, p2);
    const alpha = vv > 0 ? -Math.sqrt(rr / vv) : 0;
    if (alpha < -1) {
      const candidate = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        const d1 = p1[i] - psi[i];
        const d2 = p2[i] - 2 * p1[i] + psi[i];
        candidate[i] = clamp(psi[i] - 2 * alpha * d1 + alpha * alpha * d2);
      }
      const stabilised = evaluate(r, k, nf, candidate).next;
      const atStabilised = evaluate(r, k, nf, stabilised);
      if (atStabilised.f <= nextAt.f) {
        nextPsi = stabilised;
        nextAt = atStabilised;
      }
    }
    const fallen = at.f - nextAt.f;
    psi = nextPsi;
    at = nextAt;
    if (fallen >= 0 && fallen < OBJECTIVE_TOLERANCE) {
      converged = true;
      break;
    }
  }
  return { communalities: evaluate(r, k, nf, psi).h, converged, iterations };
}

function clamp(x: number): number {
  return x < MIN_UNIQUENESS ? MIN_UNIQUENESS : x > MAX_UNIQUENESS ? MAX_UNIQUENESS : x;
}

/**
 * At ψ, from one eigen-decomposition of R - diag(ψ): h = diag(LL') with L = V_nf √max(Θ_nf, 0)
 * (psych FAout.wls), the map's next ψ = clamp(1 - h), and F(ψ), the squared off-diagonal
 * residuals with eigenvalues below eps raised to 100 eps (psych fit.residuals).
 */
function evaluate(r: Float64Array, k: number, nf: number, psi: Float64Array): { h: Float64Array; next: Float64Array; f: number } {
  const reduced = Float64Array.from(r);
  for (let i = 0; i < k; i++) reduced[i * k + i] -= psi[i];
  const { values, vectors } = symmetricEigen(reduced, k);
  const h = new Float64Array(k);
  for (let q = 0; q < nf; q++) {
    const theta = Math.max(values[q], 0);
    for (let i = 0; i < k; i++) h[i] += vectors[i * k + q] * vectors[i * k + q] * theta;
  }
  const next = new Float64Array(k);
  for (let i = 0; i < k; i++) next[i] = clamp(1 - h[i]);
  let f = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let model = 0;
      for (let q = 0; q < nf; q++) model += vectors[i * k + q] * vectors[j * k + q] * Math.max(values[q], 100 * Number.EPSILON);
      const e = r[i * k + j] - model;
      f += e * e;
    }
  }
  return { h, next, f };
}
