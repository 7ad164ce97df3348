import { oblimin } from './rotate-oblimin.js';
import { kaiserPromax, promax } from './rotate-promax.js';
import { rotateLoadings } from './rotation.js';
import { type Matrix, matrix, multiply, toMatrix } from './small-matrix.js';

/**
 * A factor extraction: k × m unrotated loadings (row-major Float64Array, or an array of rows)
 * and the k uniquenesses of a correlation matrix R, e.g. minres as psych::fa(R, m,
 * fm = "minres", rotate = "none"). R is always handed over as a row-major k × k Float64Array
 * (so an extraction typed `(R: Float64Array | number[][], k, m)` fits too). Loadings may come
 * in any column order and signs: every rotation used here is equivariant under signed
 * permutations of the columns.
 */
export type FactorExtraction = (
  r: Float64Array,
  k: number,
  m: number,
) => { loadings: Float64Array | ArrayLike<number> | number[][]; uniquenesses: Float64Array | ArrayLike<number> };

/** psych's minres keeps every uniqueness ≥ .005; a communality at (or past) .995 is a Heywood case. */
export const HEYWOOD_COMMUNALITY = 0.995;
/** Slack for "at the bound" when comparing an optimiser's result with it. */
const BOUND_SLACK = 1e-9;

/**
 * How schmid sets the two g loadings when there are only two group factors (psych's `option`):
 * 'equal' (psych's default) both √|φ₁₂| (the second signed as φ₁₂), 'first' (1, φ₁₂),
 * 'second' (φ₁₂, 1).
 */
export type TwoFactorOption = 'equal' | 'first' | 'second';

export interface SchmidLeimanOptions {
  /** The oblique rotation of the group factors: 'oblimin' (psych's default) or 'promax'. */
  rotate?: 'oblimin' | 'promax';
  option?: TwoFactorOption;
}

export interface SchmidLeimanSolution {
  k: number;
  m: number;
  /** Loadings of the items on the general factor g (psych's sl[, "g"]), k. */
  general: Float64Array;
  /** Residualised group-factor loadings F1*..Fm*, k × m row-major. */
  group: Float64Array;
  /** h² = Σ_j a_ij², the communality of the m-factor solution, k. */
  communalities: Float64Array;
  /** u² = r_ii − h², k. */
  uniquenesses: Float64Array;
  /** p² = g_i² / h², the share of the common variance due to g, k. */
  generalShare: Float64Array;
  /** Loadings of the m oblique group factors on g (psych's `gloading`), m. */
  generalOnGroup: Float64Array;
  /** The varimax solution schmid starts from, psych's `orthog`, k × m. */
  orthogonal: Float64Array;
  /** The oblique pattern loadings, psych's `oblique`, k × m. */
  oblique: Float64Array;
  /** Correlations of the oblique factors, psych's `phi`, m × m. */
  phi: Float64Array;
  rotation: 'oblimin' | 'promax';
  /** The iterative rotations met their stopping rules. */
  converged: boolean;
}

export interface SchmidLeimanResult {
  /** null when the transformation is not defined here; `warnings` says why. */
  solution: SchmidLeimanSolution | null;
  warnings: string[];
}

/** Degrees of freedom of an m-factor model of k variables: ((k − m)² − (k + m)) / 2. */
export function factorModelDf(k: number, m: number): number {
  return ((k - m) ** 2 - (k + m)) / 2;
}

/**
 * Schmid-Leiman (1957) transformation of an m-factor solution, as psych::schmid(R, m,
 * fm = "minres", rotate = "oblimin", option = "equal") (psych 2.2.9):
 *   1. the unrotated loadings A are rotated by varimax (stats::varimax with Kaiser
 *      normalisation) and signed and ordered as psych::fa reports them: psych's `orthog`;
 *   2. those are rotated obliquely by GPArotation::oblimin from the identity start (or Kaiser-
 *      normalised Promax), not reordered: pattern F (k × m), factor correlations Φ;
 *   3. g loadings of the group factors, γ (m): for m ≥ 3 the one-factor fit of Φ by the same
 *      extraction (psych: fa(Φ, fm = fm)), signed to a non-negative sum; for m = 2 by the
 *      `option` rule (both √|φ₁₂| by default: two factors do not identify g);
 *   4. g_i = Σ_j f_ij γ_j, group loadings f_ij √(1 − γ_j²) (0 when γ_j² > 1, as psych),
 *      h²_i = Σ_j a_ij², u²_i = r_ii − h²_i, p²_i = g_i² / h²_i.
 * The solution is null, with a warning that says why, where it is not defined:
 *   - m < 2 (g is then not separable from the one factor);
 *   - m ≥ k, or too few items for m factors: negative degrees of freedom, (k − m)² < k + m
 *     (psych goes on and reports an ultra-Heywood case or a non-converged rotation);
 *   - a Heywood case: an item communality h² ≥ .995 (psych's bound on minres uniquenesses),
 *     or a group factor's g loading with γ_j² ≥ .995 (its residual group variance 1 − γ_j²
 *     vanishes; psych sets the group loadings to 0 and goes on);
 *   - non-finite loadings, or a singular rotation.
 * `extract` is called only for the one-factor fit of Φ (m ≥ 3).
 */
export function schmidLeiman(
  r: Float64Array | ArrayLike<number> | readonly (readonly number[])[],
  k: number,
  unrotated: Float64Array | ArrayLike<number> | readonly (readonly number[])[],
  m: number,
  extract: FactorExtraction,
  options: SchmidLeimanOptions = {},
): SchmidLeimanResult {
  const rotation = options.rotate ?? 'oblimin';
  const option = options.option ?? 'equal';
  const warnings: string[] = [];
  const fail = (why: string): SchmidLeimanResult => ({ solution: null, warnings: [...warnings, why] });
  if (!Number.isInteger(m) || m < 2) {
    return fail(`omega hierarchical needs at least 2 factors (got ${m}): with one factor the general factor cannot be separated from it`);
  }
  const tooFew = tooFewItems(k, m);
  if (tooFew !== null) return fail(tooFew);
  const rm = toMatrix(r, k, k);
  const a = toMatrix(unrotated, k, m);
  if (!a.data.every(Number.isFinite) || !rm.data.every(Number.isFinite)) {
    return fail('the correlation matrix or the factor loadings have undefined cells; no Schmid-Leiman solution');
  }
  const communalities = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) communalities[i] += a.data[i * m + j] ** 2;
  const heywoodItems = [...communalities.keys()].filter((i) => communalities[i] >= HEYWOOD_COMMUNALITY - BOUND_SLACK);
  if (heywoodItems.length > 0) {
    const list = heywoodItems.map((i) => `item ${i + 1} (h² = ${communalities[i].toFixed(3)})`).join(', ');
    return fail(`Heywood case in the ${m}-factor solution: ${list} at or above the communality bound ${HEYWOOD_COMMUNALITY}; no Schmid-Leiman solution`);
  }

  const varimaxSolution = rotateLoadings(a.data, k, m, 'varimax');
  const orthogonal = matrix(k, m, varimaxSolution.loadings);
  let oblique: Matrix;
  let phi: Matrix;
  let converged = varimaxSolution.converged;
  let usedRotation: 'oblimin' | 'promax' = rotation;
  try {
    if (rotation === 'oblimin') {
      try {
        const o = oblimin(orthogonal);
        oblique = o.loadings;
        phi = o.phi;
        converged &&= o.converged;
        if (!o.converged) warnings.push(`the oblimin rotation did not converge in ${o.iterations} iterations; the last iteration is used, as psych does`);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        warnings.push('the oblimin solution failed (a singular rotation); Promax used instead, as psych does');
        usedRotation = 'promax';
        const p = promax(orthogonal); // psych's fallback: Promax without Kaiser normalisation
        oblique = p.loadings;
        phi = p.phi;
      }
    } else {
      const p = kaiserPromax(orthogonal);
      oblique = p.loadings;
      phi = p.phi;
      converged &&= p.converged;
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fail(`the oblique rotation failed (${error.message}); no Schmid-Leiman solution`);
  }

  const gamma = new Float64Array(m);
  if (m === 2) {
    const phi12 = phi.data[1];
    if (option === 'equal') {
      gamma[0] = Math.sqrt(Math.abs(phi12));
      gamma[1] = Math.sign(phi12) * Math.sqrt(Math.abs(phi12));
    } else if (option === 'first') {
      gamma[0] = 1;
      gamma[1] = phi12;
    } else {
      gamma[0] = phi12;
      gamma[1] = 1;
    }
    warnings.push(
      `two group factors do not identify the general factor: its loadings were set by psych's option "${option}"` +
        (option === 'equal' ? ' (both √|φ₁₂|)' : ' (one of them 1)'),
    );
  } else {
    const fit = extract(Float64Array.from(phi.data), m, 1);
    const g = toMatrix(fit.loadings, m, 1).data;
    let sum = 0;
    for (let j = 0; j < m; j++) sum += g[j];
    for (let j = 0; j < m; j++) gamma[j] = sum < 0 ? -g[j] : g[j];
    if (!gamma.every(Number.isFinite)) return fail('the one-factor fit of the factor correlations failed; no Schmid-Leiman solution');
    const heywood = [...gamma.keys()].filter((j) => gamma[j] ** 2 >= HEYWOOD_COMMUNALITY - BOUND_SLACK);
    if (heywood.length > 0) {
      const list = heywood.map((j) => `factor ${j + 1} (g loading ${gamma[j].toFixed(3)})`).join(', ');
      return fail(`Heywood case in the higher-order fit: ${list} leaves its group factor no variance of its own; no Schmid-Leiman solution`);
    }
  }

  const general = multiply(oblique, matrix(m, 1, gamma)).data;
  const group = new Float64Array(k * m);
  const uniquenesses = new Float64Array(k);
  const generalShare = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const rii = rm.data[i * k + i];
    for (let j = 0; j < m; j++) {
      const f = oblique.data[i * m + j];
      // psych: uniq = r_ii - f², uniq2 = r_ii - uniq - (f γ_j)², clipped at 0; that is
      // f² (1 - γ_j²), computed so that γ_j = ±1 gives exactly 0.
      const residual = Math.max(f * f * (1 - gamma[j] * gamma[j]), 0);
      group[i * m + j] = residual === 0 ? 0 : Math.sign(f) * Math.sqrt(residual);
    }
    uniquenesses[i] = rii - communalities[i];
    generalShare[i] = general[i] ** 2 / communalities[i];
  }
  if (!converged && !warnings.some((w) => w.includes('converge'))) warnings.push('a rotation stopped at its iteration limit');
  return {
    solution: {
      k,
      m,
      general,
      group,
      communalities,
      uniquenesses,
      generalShare,
      generalOnGroup: gamma,
      orthogonal: orthogonal.data,
      oblique: oblique.data,
      phi: phi.data,
      rotation: usedRotation,
      converged,
    },
    warnings,
  };
}

/**
 * The warning when k items cannot identify m factors (m ≥ k or negative degrees of freedom),
 * else null.
 */
export function tooFewItems(k: number, m: number): string | null {
  const df = factorModelDf(k, m);
  if (m < k && df >= 0) return null;
  return `too few items for ${m} factors: ${k} items leave ${df} degrees of freedom (at least ${minimumItems(m)} items are needed); no Schmid-Leiman solution`;
}

/** The fewest items with non-negative degrees of freedom for m factors. */
export function minimumItems(m: number): number {
  let k = m + 1;
  while (factorModelDf(k, m) < 0) k++;
  return k;
}
