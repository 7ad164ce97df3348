import { chiSquareUpperTail } from './chi-square-upper-tail.js';

export interface ChiSquareTest {
  /** Pearson X² (Yates-corrected for 2 × 2); null when a row or column total is 0 (R gives NaN). */
  statistic: number | null;
  df: number;
  pValue: number | null;
  /** Smallest expected count r_i · c_j / N. */
  minExpected: number;
  /** Whether Yates' continuity correction was applied (2 × 2 tables, as R's default). */
  yates: boolean;
}

/**
 * Pearson's chi-square test of independence on an r × c table of counts, as R
 * `chisq.test(x)` with its default `correct = TRUE`:
 *
 *   E_ij = r_i c_j / N,   X² = Σ (|O_ij − E_ij| − Y)² / E_ij,   df = (r − 1)(c − 1),
 *   p = P(χ²_df >= X²)
 *
 * where Y = min(0.5, min_ij |O_ij − E_ij|) for a 2 × 2 table (Yates' correction, limited as R
 * limits it) and Y = 0 otherwise. A table with an empty row or column has undefined X²
 * (E_ij = 0): statistic and p-value are null.
 *
 * @example chiSquareIndependence([[10, 20, 30], [20, 20, 10]]) // { statistic: 12.5277…, df: 2, pValue: 0.0019038…, minExpected: 13.636…, yates: false }
 */
export function chiSquareIndependence(table: number[][]): ChiSquareTest {
  const r = table.length;
  const c = table[0].length;
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = new Array<number>(c).fill(0);
  for (const row of table) for (let j = 0; j < c; j++) colSums[j] += row[j];
  const total = rowSums.reduce((s, v) => s + v, 0);
  const df = (r - 1) * (c - 1);
  let minExpected = Infinity;
  let minAbsDiff = Infinity;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = total > 0 ? (rowSums[i] * colSums[j]) / total : 0;
      if (e < minExpected) minExpected = e;
      minAbsDiff = Math.min(minAbsDiff, Math.abs(table[i][j] - e));
    }
  }
  const yates = r === 2 && c === 2;
  if (minExpected <= 0) return { statistic: null, df, pValue: null, minExpected, yates };
  const correction = yates ? Math.min(0.5, minAbsDiff) : 0;
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = (rowSums[i] * colSums[j]) / total;
      const d = Math.abs(table[i][j] - e) - correction;
      statistic += (d * d) / e;
    }
  }
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df), minExpected, yates };
}
