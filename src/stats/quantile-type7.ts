/**
 * Sample quantile by linear interpolation between order statistics, R `quantile(x, p)`
 * default type 7 (Hyndman & Fan 1996): with x sorted ascending, h = (n - 1) p,
 *   Q(p) = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋])   (0-based).
 * `sorted` must be ascending and non-empty.
 *
 * @example quantileType7(Float64Array.of(1, 2, 3, 4), 0.25) // h = 0.75: 1 + .75 · 1 = 1.75
 */
export function quantileType7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
