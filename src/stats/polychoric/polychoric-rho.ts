import { bivariateNormalRectangle } from './bivariate-normal-cdf.js';
import { brentMinimize } from './brent-minimize.js';
import { normalCdf } from './normal-cdf.js';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** One pair's polychoric correlation, as psych's polyc returns it. */
export interface PolychoricPair {
  /** The maximum-likelihood ρ found by optimize() on (−1, 1); NaN when it is not defined. */
  rho: number;
  /** −Σ p_ij log P_ij at rho (the minimised criterion; p the table's proportions). */
  objective: number;
  /** Whether empty cells were replaced by the continuity correction (pairwise thresholds only). */
  corrected: boolean;
}

export interface PolychoricPairOptions {
  /**
   * `global` (psych's default): the given thresholds, from each item's own answers, and the
   * table as it is (no correction). `pairwise`: thresholds from this table's margins, after
   * dropping its empty rows and columns and putting `correct / n` into its empty cells
   * (psych with global = FALSE, or when the items differ in their numbers of categories).
   */
  thresholds: 'global' | 'pairwise';
  /** psych's `correct`: the count put into an empty cell (pairwise thresholds only). Default 0.5. */
  correct?: number;
  /** optimize()'s tolerance; default R's, 2^-13. */
  tol?: number;
}

/**
 * The cell probabilities of the bivariate normal cut at the row thresholds rc and column
 * thresholds cc, as psych's polyBinBvn: every cell but the last row and column by the
 * rectangle probability, those by subtraction from the univariate margins. Row-major
 * (rc.length + 1) × (cc.length + 1).
 */
export function polychoricCellProbabilities(rho: number, rc: ArrayLike<number>, cc: ArrayLike<number>): Float64Array {
  const nr = rc.length + 1;
  const nc = cc.length + 1;
  const p = new Float64Array(nr * nc);
  for (let i = 0; i < nr - 1; i++) {
    const lo = i === 0 ? -Infinity : rc[i - 1];
    for (let j = 0; j < nc - 1; j++) {
      p[i * nc + j] = bivariateNormalRectangle(lo, rc[i], j === 0 ? -Infinity : cc[j - 1], cc[j], rho);
    }
  }
  // Last column: P[i, nc] = Φ(rc_i) − Φ(rc_{i−1}) − Σ_j<nc P[i, j] (psych's order of cases).
  for (let i = 0; i < nr - 1; i++) {
    let s = 0;
    for (let j = 0; j < nc - 1; j++) s += p[i * nc + j];
    p[i * nc + nc - 1] = normalCdf(rc[i]) - (i === 0 ? 0 : normalCdf(rc[i - 1])) - s;
  }
  // Last row: P[nr, j] = Φ(cc_j) − Φ(cc_{j−1}) − Σ_i<nr P[i, j], then the corner.
  for (let j = 0; j < nc - 1; j++) {
    let s = 0;
    for (let i = 0; i < nr - 1; i++) s += p[i * nc + j];
    p[(nr - 1) * nc + j] = normalCdf(cc[j]) - (j === 0 ? 0 : normalCdf(cc[j - 1])) - s;
  }
  let s = 0;
  for (let j = 0; j < nc - 1; j++) s += p[(nr - 1) * nc + j];
  p[nr * nc - 1] = 1 - normalCdf(rc[nr - 2]) - s;
  return p;
}

/**
 * psych's polyF: −Σ tab_ij log P_ij over the cells whose probability is positive and whose
 * log is finite (psych sets the others to NA and sums with na.rm = TRUE).
 */
export function polychoricCriterion(rho: number, rc: ArrayLike<number>, cc: ArrayLike<number>, tab: ArrayLike<number>): number {
  const p = polychoricCellProbabilities(rho, rc, cc);
  let s = 0;
  for (let c = 0; c < p.length; c++) {
    if (!(p[c] > 0)) continue;
    const l = Math.log(p[c]);
    if (!Number.isFinite(l)) continue;
    const term = tab[c] * l;
    if (term === term) s += term;
  }
  return -s;
}

/**
 * The polychoric correlation of one item pair from its contingency table, as psych 2.2.9's
 * polyc: the table is divided by its total; ρ minimises polyF over (−1, 1) with R's
 * optimize() (Brent, tolerance 2^-13), from the given thresholds (global) or from the table's
 * own margins (pairwise; see PolychoricPairOptions). NaN when the table is empty or, pairwise,
 * has fewer than two non-empty rows or columns.
 *
 * @param table row-major nr × nc counts: rows the categories of the first item, columns the second's
 * @param rowTau the first item's nr − 1 thresholds (global only; ignored pairwise)
 * @param colTau the second item's nc − 1 thresholds (global only)
 */
export function polychoricRho(
  table: ArrayLike<number>,
  nr: number,
  nc: number,
  rowTau: ArrayLike<number> | null,
  colTau: ArrayLike<number> | null,
  options: PolychoricPairOptions,
): PolychoricPair {
  const correct = options.correct ?? 0.5;
  let total = 0;
  for (let c = 0; c < nr * nc; c++) total += table[c];
  if (total === 0) return { rho: Number.NaN, objective: Number.NaN, corrected: true };
  if (options.thresholds === 'global') {
    if (rowTau === null || colTau === null || rowTau.length !== nr - 1 || colTau.length !== nc - 1) {
      throw new RangeError('polychoricRho: global thresholds must have one fewer entry than the table has rows / columns');
    }
    const tab = Float64Array.from({ length: nr * nc }, (_, c) => table[c] / total);
    const fit = brentMinimize((r) => polychoricCriterion(r, rowTau, colTau, tab), -1, 1, options.tol);
    return { rho: fit.minimum, objective: fit.objective, corrected: false };
  }
  // Pairwise: drop the empty rows and columns, correct the empty cells, thresholds from the margins.
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < nr; i++) {
    let s = 0;
    for (let j = 0; j < nc; j++) s += table[i * nc + j];
    if (s !== 0) rows.push(i);
  }
  for (let j = 0; j < nc; j++) {
    let s = 0;
    for (let i = 0; i < nr; i++) s += table[i * nc + j];
    if (s !== 0) cols.push(j);
  }
  const r = rows.length;
  const c = cols.length;
  const tab = new Float64Array(r * c);
  let corrected = false;
  for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) tab[a * c + b] = table[rows[a] * nc + cols[b]] / total;
  if (correct > 0 && tab.some((v) => v === 0)) {
    corrected = true;
    for (let q = 0; q < tab.length; q++) if (tab[q] === 0) tab[q] = correct / total;
  }
  if (r < 2 || c < 2) return { rho: Number.NaN, objective: Number.NaN, corrected };
  // psych: qnorm(cumsum(rowSums(tab))[-last]) of the corrected, not renormalised, table.
  const rc = new Float64Array(r - 1);
  const cc = new Float64Array(c - 1);
  let cum = 0;
  for (let a = 0; a < r - 1; a++) {
    for (let b = 0; b < c; b++) cum += tab[a * c + b];
    rc[a] = normalQuantile(cum, 0, 1);
  }
  cum = 0;
  for (let b = 0; b < c - 1; b++) {
    for (let a = 0; a < r; a++) cum += tab[a * c + b];
    cc[b] = normalQuantile(cum, 0, 1);
  }
  const fit = brentMinimize((x) => polychoricCriterion(x, rc, cc, tab), -1, 1, options.tol);
  return { rho: fit.minimum, objective: fit.objective, corrected };
}
