/**
 * Spearman-Brown prophecy for a test of double length (Spearman 1910; Brown 1910):
 *   r_SB = 2 r / (1 + r)
 * For a 2-item scale with inter-item r this is the split-half reliability and equals the
 * standardized alpha. NaN when r = -1 or r is undefined.
 *
 * @example spearmanBrown(0.5) // 2 · .5 / 1.5 = 0.6667
 */
export function spearmanBrown(r: number): number {
  const denominator = 1 + r;
  return denominator === 0 ? Number.NaN : (2 * r) / denominator;
}
