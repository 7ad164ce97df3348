import { symmetricEigen } from '../symmetric-eigen.js';
import type { FactorWarning } from './factor-solution.js';

export interface VelicerMap {
  /**
   * values[m], m = 0..maxComponents: the average squared partial correlation after removing
   * the first m principal components (values[0] is the average squared correlation); null where
   * a partial variance is not positive.
   */
  values: (number | null)[];
  /** The m ≥ 1 with the smallest value (psych's `which.min(map)`, first on ties); null if none is defined. */
  minimum: number | null;
  warnings: FactorWarning[];
}

/**
 * Velicer's (1976) minimum average partial (MAP) test in its original form (squared partial
 * correlations, not Velicer, Eaton & Fava's 2000 fourth-power variant), as psych vss()'s `map`
 * computes it: with the principal components A = V diag(√θ) of R, for m = 1..min(max, k − 1),
 *   C* = R − A_m A_mᵀ,   R* = D^{-1/2} C* D^{-1/2} (D = diag C*),
 *   MAP_m = Σ_{i≠j} R*_ij² / (k(k − 1)).
 * psych's vss() stops at its n = 8 components and does not report m = 0; here values[0] (the
 * same average over R itself) is given too, but `minimum` is taken over m ≥ 1 as psych does
 * (Velicer's rule would answer 0 components when values[0] is the smallest). O(k³) for the
 * eigen-decomposition, O(k²) per m after it.
 */
export function velicerMap(r: Float64Array, k: number, maxComponents = k - 1): VelicerMap {
  const top = Math.min(maxComponents, k - 1);
  const { values: theta, vectors } = symmetricEigen(r, k);
  const warnings: FactorWarning[] = [];
  const c = Float64Array.from(r);
  const values: (number | null)[] = [];
  let minimum: number | null = null;
  for (let m = 0; m <= top; m++) {
    if (m > 0) {
      const t = theta[m - 1];
      if (!(t > 0)) {
        warnings.push({ code: 'undefined-figure', message: `eigenvalue ${m} of R is not positive: MAP from ${m} components on is undefined` });
        break;
      }
      for (let i = 0; i < k; i++) {
        const vi = vectors[i * k + m - 1] * t;
        for (let j = 0; j < k; j++) c[i * k + j] -= vi * vectors[j * k + m - 1];
      }
    }
    let sum = 0;
    let defined = true;
    for (let i = 0; i < k && defined; i++) {
      if (!(c[i * k + i] > 0)) defined = false;
      for (let j = 0; j < i; j++) sum += (2 * c[i * k + j] ** 2) / (c[i * k + i] * c[j * k + j]);
    }
    const value = defined ? sum / (k * (k - 1)) : null;
    values.push(value);
    if (value === null) {
      warnings.push({ code: 'undefined-figure', message: `a partial variance after ${m} components is not positive: MAP is undefined there` });
    } else if (m >= 1 && (minimum === null || value < (values[minimum] as number))) {
      minimum = m;
    }
  }
  while (values.length <= top) values.push(null);
  return { values, minimum, warnings };
}
