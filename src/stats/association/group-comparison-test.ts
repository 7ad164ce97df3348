import { chiSquareIndependence } from './chi-square-independence.js';
import { fisherExact2x2 } from './fisher-exact-2x2.js';
import { DEFAULT_MAX_TABLES, fisherExact2xc } from './fisher-exact-2xc.js';

export interface GroupComparisonTest {
  test: 'chi-square' | 'fisher-exact';
  /** Pearson X² (Yates-corrected when 2 × 2), reported whichever test gives the p-value. */
  statistic: number | null;
  df: number;
  pValue: number | null;
  chiSquarePValue: number | null;
  yates: boolean;
  minExpected: number;
  groups: number;
  n: number;
  /** True when Fisher's test was wanted but had too many tables, so chi-square was used. */
  exactInfeasible: boolean;
}

/** Expected counts below this call for an exact test (Cochran 1954's rule). */
export const MIN_EXPECTED = 5;

/**
 * Does a 0/1 outcome differ between groups? One column per group, rows positive / negative
 * (a 2 × G table of the groups that have answers). Requires at least 2 groups.
 *
 * - G = 2: Fisher's exact test (R `fisher.test`), always: exact and cheap for 2 × 2 tables.
 * - G > 2 and every expected count >= 5: Pearson chi-square (R `chisq.test`).
 * - G > 2 and an expected count < 5: the Fisher–Freeman–Halton exact test (R `fisher.test` on
 *   the 2 × G table) when its tables number at most `maxTables`, else chi-square with
 *   `exactInfeasible` set (the caller warns).
 *
 * The chi-square statistic, df and p-value (Yates-corrected for 2 × 2, as R's default) are
 * reported with either test.
 */
export function groupComparisonTest(positives: number[], answered: number[], maxTables = DEFAULT_MAX_TABLES): GroupComparisonTest {
  if (positives.length < 2) throw new RangeError('groupComparisonTest: need at least 2 groups');
  const table = [positives.slice(), positives.map((x, j) => answered[j] - x)];
  const chi = chiSquareIndependence(table);
  const n = answered.reduce((s, v) => s + v, 0);
  const base = {
    statistic: chi.statistic,
    df: chi.df,
    chiSquarePValue: chi.pValue,
    yates: chi.yates,
    minExpected: chi.minExpected,
    groups: positives.length,
    n,
  };
  if (positives.length === 2) return { ...base, test: 'fisher-exact', pValue: fisherExact2x2(table), exactInfeasible: false };
  if (chi.minExpected >= MIN_EXPECTED) return { ...base, test: 'chi-square', pValue: chi.pValue, exactInfeasible: false };
  const exact = fisherExact2xc(table, maxTables);
  if (exact === null) return { ...base, test: 'chi-square', pValue: chi.pValue, exactInfeasible: true };
  return { ...base, test: 'fisher-exact', pValue: exact, exactInfeasible: false };
}
