import { bivariateNormalRectangle } from './bivariate-normal-cdf.js';
import { brentMinimize } from './brent-minimize.js';
import { normalCdf } from './normal-cdf.js';

/** One pair's tetrachoric correlation, as psych's tetrac returns it. */
export interface TetrachoricPair {
  /** The maximum-likelihood ρ found by optimize() on (−1, 1); NaN when not defined. */
  rho: number;
  /** −Σ n_ij log P_ij at rho (counts, after the correction). */
  objective: number;
  /** Whether empty cells were replaced by `correct`. */
  corrected: boolean;
}

/**
 * The tetrachoric correlation of two 0/1 items, as psych 2.2.9's tetrachoric (tetrac with its
 * default global = TRUE): the thresholds are each item's own (−Φ⁻¹ of its proportion of 1s over
 * all its answers, see tetrachoricThreshold); when the table has more than one answer and an
 * empty cell, every empty cell becomes `correct` (default 0.5, a count); then ρ minimises
 * tetraF = −Σ n_ij log P_ij (counts, not proportions) over (−1, 1) with R's optimize().
 * Differences from polychoricRho: the correction also applies with global thresholds, it is a
 * count, the table is not divided by its total, and a cell of probability 0 is not skipped.
 * psych's tetra.mat asks for more than 2 pairwise-complete answers, else NA.
 *
 * @param table the 2 × 2 counts, row-major: rows the first item's 0/1, columns the second's
 * @param tauRow the first item's threshold, tauCol the second's
 */
export function tetrachoricRho(
  table: ArrayLike<number>,
  tauRow: number,
  tauCol: number,
  options: { correct?: number; tol?: number } = {},
): TetrachoricPair {
  const correct = options.correct ?? 0.5;
  const tab = Float64Array.from({ length: 4 }, (_, c) => table[c]);
  const n = tab[0] + tab[1] + tab[2] + tab[3];
  if (!(n > 2) || Number.isNaN(tauRow) || Number.isNaN(tauCol)) return { rho: Number.NaN, objective: Number.NaN, corrected: false };
  let corrected = false;
  if (n > 1 && Math.min(tab[0], tab[1], tab[2], tab[3]) === 0 && correct > 0) {
    corrected = true;
    for (let c = 0; c < 4; c++) if (tab[c] === 0) tab[c] = correct;
  }
  const fit = brentMinimize((r) => tetrachoricCriterion(r, tauRow, tauCol, tab), -1, 1, options.tol);
  return { rho: fit.minimum, objective: fit.objective, corrected };
}

/**
 * psych's tetraF / tetraBinBvn: P00 = Φ2(τ_row, τ_col; ρ), the other cells from the margins;
 * −Σ n_ij log P_ij (non-finite when a count meets a probability ≤ 0; optimize() then counts it
 * as the largest double).
 */
export function tetrachoricCriterion(rho: number, tauRow: number, tauCol: number, tab: ArrayLike<number>): number {
  const p00 = bivariateNormalRectangle(-Infinity, tauCol, -Infinity, tauRow, rho);
  const p10 = normalCdf(tauCol) - p00; // row item 1, column item 0
  const p01 = normalCdf(tauRow) - p00; // row item 0, column item 1
  const p11 = 1 - normalCdf(tauCol) - p01;
  return -(tab[0] * Math.log(p00) + tab[1] * Math.log(p01) + tab[2] * Math.log(p10) + tab[3] * Math.log(p11));
}
