/**
 * Spearman's rank correlation from a joint frequency table of (a, b) values, R
 * `cor(a, b, method = "spearman")` on the rows the table counts: both variables are ranked
 * with ties given their mid-rank (the mean of the ranks they span, R `rank` default), and
 * the ranks are correlated with Pearson's formula. Because only distinct values need ranks,
 * the rows themselves are never held: a value with count c after `before` smaller values
 * has mid-rank before + (c + 1) / 2.
 *   r_s = Σ c_ab (ra - m)(rb - m) / sqrt(Σ c_a (ra - m)² · Σ c_b (rb - m)²),  m = (n + 1) / 2
 * Returns NaN when n < 2 or either variable is constant.
 *
 * @example
 * // rows (1,1), (2,2), (2,3), (3,3): ranks a = 1, 2.5, 2.5, 4; b = 1, 2, 3.5, 3.5
 * // m = 2.5: Σ (ra-m)(rb-m) = 2.25 + 1.5 = 3.75, Σ (ra-m)² = Σ (rb-m)² = 4.5
 * spearmanFromTable([[1, 1, 1], [2, 2, 1], [2, 3, 1], [3, 3, 1]]) // { r: 3.75 / 4.5 = 0.8333, n: 4 }
 */
export function spearmanFromTable(cells: readonly (readonly [number, number, number])[]): { r: number; n: number } {
  const countsA = new Map<number, number>();
  const countsB = new Map<number, number>();
  let n = 0;
  for (const [a, b, c] of cells) {
    countsA.set(a, (countsA.get(a) ?? 0) + c);
    countsB.set(b, (countsB.get(b) ?? 0) + c);
    n += c;
  }
  if (n < 2) return { r: Number.NaN, n };
  const m = (n + 1) / 2;
  const ranksA = midRanks(countsA);
  const ranksB = midRanks(countsB);
  let saa = 0;
  for (const [value, c] of countsA) saa += c * (ranksA.get(value)! - m) ** 2;
  let sbb = 0;
  for (const [value, c] of countsB) sbb += c * (ranksB.get(value)! - m) ** 2;
  let sab = 0;
  for (const [a, b, c] of cells) sab += c * (ranksA.get(a)! - m) * (ranksB.get(b)! - m);
  if (!(saa > 0) || !(sbb > 0)) return { r: Number.NaN, n };
  const r = sab / Math.sqrt(saa * sbb);
  return { r: r > 1 ? 1 : r < -1 ? -1 : r, n };
}

/** Mid-rank of each distinct value, from its count. */
function midRanks(counts: Map<number, number>): Map<number, number> {
  const values = [...counts.keys()].sort((x, y) => x - y);
  const ranks = new Map<number, number>();
  let before = 0;
  for (const value of values) {
    const c = counts.get(value)!;
    ranks.set(value, before + (c + 1) / 2);
    before += c;
  }
  return ranks;
}
