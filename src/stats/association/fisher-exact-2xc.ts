import { logChoose, logChooseRow } from './log-choose.js';

/**
 * FEXACT's tolerance (Mehta & Patel 1986; R `fisher.test` on r × c tables): a table counts as
 * "as or less probable" when ln P(table) <= ln P(observed) + 3.45254e-7.
 */
const LOG_TOLERANCE = 3.45254e-7;

/** Default largest number of tables enumerated before giving up (about 0.4 s on one core here). */
export const DEFAULT_MAX_TABLES = 1e7;

/**
 * Two-sided Fisher–Freeman–Halton exact test of a 2 × c table (row 0 positives, row 1 the
 * others; one column per group), by enumerating every table with the observed margins:
 *
 *   P(x_1..x_c) = Π_j C(n_j, x_j) / C(N, K),   Σ x_j = K,
 *   p = Σ P(table) over tables with ln P(table) <= ln P(observed) + 3.45254e-7,
 *
 * the p-value R `fisher.test(x)` computes with the network algorithm (FEXACT) for r × c tables.
 * Returns null when the tables outnumber `maxTables` (the caller falls back to chi-square).
 *
 * @example fisherExact2xc([[0, 2, 5], [5, 3, 0]]) // 0.0093240093… (R fisher.test)
 */
export function fisherExact2xc(table: number[][], maxTables = DEFAULT_MAX_TABLES): number | null {
  const [top, bottom] = table;
  const sizes = top.map((x, j) => x + bottom[j]);
  const k = top.reduce((s, v) => s + v, 0);
  const total = sizes.reduce((s, v) => s + v, 0);
  if (countTables(sizes, k, maxTables) > maxTables) return null;
  const c = sizes.length;
  const lc = sizes.map((n) => logChooseRow(n));
  let observed = 0;
  for (let j = 0; j < c; j++) observed += lc[j][top[j]];
  const threshold = observed + LOG_TOLERANCE;
  const logDenominator = logChoose(total, k);
  // capacity[j] = Σ_{i >= j} n_i: the most positives columns j.. can hold.
  const capacity = new Float64Array(c + 1);
  for (let j = c - 1; j >= 0; j--) capacity[j] = capacity[j + 1] + sizes[j];
  let sum = 0;
  let compensation = 0;
  const add = (v: number): void => {
    const y = v - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  };
  const visit = (j: number, left: number, partial: number): void => {
    if (j === c - 1) {
      const s = partial + lc[j][left];
      if (s <= threshold) add(Math.exp(s - logDenominator));
      return;
    }
    const lo = Math.max(0, left - capacity[j + 1]);
    const hi = Math.min(sizes[j], left);
    if (j === c - 2) {
      const row = lc[j];
      const last = lc[j + 1];
      for (let x = lo; x <= hi; x++) {
        const s = partial + row[x] + last[left - x];
        if (s <= threshold) add(Math.exp(s - logDenominator));
      }
      return;
    }
    for (let x = lo; x <= hi; x++) visit(j + 1, left - x, partial + lc[j][x]);
  };
  visit(0, k, 0);
  return Math.min(1, sum);
}

/**
 * Number of 2 × c tables with column totals `sizes` and first-row total k, i.e. the
 * solutions of Σ x_j = k with 0 <= x_j <= sizes[j]; counting stops above `cap`.
 */
export function countTables(sizes: number[], k: number, cap: number): number {
  let ways = new Float64Array(k + 1);
  ways[0] = 1;
  for (const size of sizes) {
    const next = new Float64Array(k + 1);
    let window = 0;
    for (let t = 0; t <= k; t++) {
      window += ways[t];
      if (t - size - 1 >= 0) window -= ways[t - size - 1];
      next[t] = Math.min(window, cap + 1);
    }
    ways = next;
  }
  return ways[k];
}
