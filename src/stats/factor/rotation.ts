import { oblimin } from './rotate-oblimin.js';
import { kaiserPromax, promax } from './rotate-promax.js';
import { varimax } from './rotate-varimax.js';
import { type Matrix, columnSums, identity, multiply, reorderColumns, reorderSymmetric, toMatrix, transpose } from './small-matrix.js';

export type RotationMethod = 'none' | 'oblimin' | 'promax' | 'varimax';

export interface RotatedSolution {
  method: RotationMethod;
  /** k × m rotated pattern loadings, row-major, factors signed and ordered as psych::fa reports them. */
  loadings: Float64Array;
  /** m × m factor correlations in the same order and signs (the identity for none and varimax). */
  phi: Float64Array;
  /** Structure loadings (item-factor correlations) P Φ, k × m. */
  structure: Float64Array;
  /** Reported factor j is the rotation's column order[j] (0-based) times signs[j]. */
  order: number[];
  signs: number[];
  /** Variance accounted for by each reported factor: diag(Φ PᵀP), decreasing. */
  variance: Float64Array;
  /** The iterative rotation met its stopping rule (always true for none and promax's Procrustes step). */
  converged: boolean;
  /** Iterations of the iterative step (oblimin: gradient projection; varimax and promax: varimax). */
  iterations: number;
  warnings: string[];
}

export interface RotationOptions {
  /** Oblimin γ (default 0, quartimin, as psych and GPArotation). */
  gamma?: number;
  /** Promax power (default 4, as psych). */
  power?: number;
}

/**
 * Rotates k × m unrotated loadings (row-major Float64Array or an array of rows) as psych::fa
 * does for rotate = method (psych 2.2.9, `fac`; n.rotations = 1, so no random starts):
 *   - 'none': the loadings as they are;
 *   - 'varimax': stats::varimax with Kaiser normalisation (rotate-varimax.ts), not
 *     GPArotation::Varimax (psych uses that only for rotate = "Varimax");
 *   - 'promax': psych::kaiser(A, "Promax"): Kaiser-normalised psych::Promax, power 4
 *     (rotate-promax.ts);
 *   - 'oblimin': GPArotation::oblimin, γ = 0, gradient projection from the identity start,
 *     without Kaiser normalisation (rotate-oblimin.ts).
 * Then, as psych: each factor is multiplied by the sign of its column sum (+1 for a zero
 * sum), Φ likewise (s_i s_j φ_ij), and the factors are put in decreasing order of the
 * variance they account for, diag(Φ PᵀP) (diag(PᵀP) when orthogonal); ties keep their order
 * (R's order() is stable). psych first replaces loadings exactly 0 by 1e-15, which changes
 * nothing beyond rounding and is not done here. One factor is never rotated (psych skips
 * rotation then too).
 * An oblimin rotation that breaks down (a singular T) falls back to psych::Promax (no Kaiser
 * normalisation) with a warning, as psych does; one that reaches 1000 iterations is returned with `converged` false and a
 * warning, as GPArotation warns.
 */
export function rotateLoadings(
  unrotated: Float64Array | ArrayLike<number> | readonly (readonly number[])[],
  k: number,
  m: number,
  method: RotationMethod,
  options: RotationOptions = {},
): RotatedSolution {
  const a = toMatrix(unrotated, k, m);
  const warnings: string[] = [];
  let loadings: Matrix = a;
  let phi: Matrix | null = null;
  let converged = true;
  let iterations = 0;
  let applied: RotationMethod = method;
  if (m > 1 && method !== 'none') {
    if (method === 'varimax') {
      const v = varimax(a);
      loadings = v.loadings;
      converged = v.converged;
      iterations = v.iterations;
    } else if (method === 'promax') {
      const p = kaiserPromax(a, options.power ?? 4);
      loadings = p.loadings;
      phi = p.phi;
      converged = p.converged;
    } else {
      try {
        const o = oblimin(a, options.gamma ?? 0);
        loadings = o.loadings;
        phi = o.phi;
        converged = o.converged;
        iterations = o.iterations;
        if (!converged) warnings.push(`oblimin rotation did not converge in ${o.iterations} iterations (GPArotation's limit); the loadings are those of the last iteration`);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        warnings.push('the oblimin rotation failed (its rotation matrix became singular); Promax was used instead, as psych does');
        const p = promax(a); // psych's fallback: Promax(loadings), without Kaiser normalisation
        loadings = p.loadings;
        phi = p.phi;
        converged = p.converged;
        applied = 'promax';
      }
    }
    if (!converged && method === 'varimax') warnings.push('varimax rotation stopped at 1000 iterations without meeting its stopping rule');
  }
  return orderAsPsych(loadings, phi, applied, converged, iterations, warnings);
}

/** psych::fa's post-rotation step: sign by column sums, then order by variance accounted for. */
export function orderAsPsych(
  loadings: Matrix,
  phi: Matrix | null,
  method: RotationMethod,
  converged = true,
  iterations = 0,
  warnings: string[] = [],
): RotatedSolution {
  const m = loadings.cols;
  const signs = Array.from(columnSums(loadings), (s) => (s < 0 ? -1 : 1));
  const identityOrder = Array.from({ length: m }, (_, j) => j);
  const signed = reorderColumns(loadings, identityOrder, signs);
  const signedPhi = phi === null ? identity(m) : reorderSymmetric(phi, identityOrder, signs);
  const crossed = multiply(signedPhi, multiply(transpose(signed), signed));
  const variance = Array.from({ length: m }, (_, j) => crossed.data[j * m + j]);
  const order = m > 1 ? identityOrder.slice().sort((x, y) => variance[y] - variance[x]) : identityOrder;
  const finalLoadings = reorderColumns(signed, order);
  const finalPhi = reorderSymmetric(signedPhi, order);
  return {
    method,
    loadings: finalLoadings.data,
    phi: finalPhi.data,
    structure: multiply(finalLoadings, finalPhi).data,
    order,
    signs: order.map((j) => signs[j]),
    variance: Float64Array.from(order, (j) => variance[j]),
    converged,
    iterations,
    warnings,
  };
}
