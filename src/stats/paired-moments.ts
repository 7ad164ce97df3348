/**
 * Streaming moments of a pair of variables (x, y) over the rows where both are observed,
 * six numbers per pair packed in a Float64Array at `offset`:
 * `[n, mean x, mean y, M2 x, M2 y, C xy]`, where M2 is the sum of squared deviations from the
 * mean and C the sum of cross-products of deviations.
 *
 * Update (Welford 1962; Pébay 2008, eq. 3.12 for the co-moment), for a new row (x, y):
 *   n' = n + 1,  dx = x - mx,  mx' = mx + dx / n',  dy = y - my,  my' = my + dy / n'
 *   M2x' = M2x + dx (x - mx'),  M2y' = M2y + dy (y - my'),  Cxy' = Cxy + dx (y - my')
 *
 * Covariance = C / (n - 1); Pearson r = C / sqrt(M2x M2y) (R `cor(x, y, use = "pairwise")`).
 */

/** Numbers stored per pair. */
export const PAIR_STRIDE = 6;

/** Add the row (x, y) to the pair at `offset`. Both values must be observed. */
export function updatePair(m: Float64Array, offset: number, x: number, y: number): void {
  const n = m[offset] + 1;
  const dx = x - m[offset + 1];
  const dy = y - m[offset + 2];
  const mx = m[offset + 1] + dx / n;
  const my = m[offset + 2] + dy / n;
  m[offset] = n;
  m[offset + 1] = mx;
  m[offset + 2] = my;
  m[offset + 3] += dx * (x - mx);
  m[offset + 4] += dy * (y - my);
  m[offset + 5] += dx * (y - my);
}

/** Pearson r of the pair, or NaN when n < 2 or either variable is constant. */
export function pairCorrelation(m: Float64Array, offset: number): number {
  const sxx = m[offset + 3];
  const syy = m[offset + 4];
  if (m[offset] < 2 || !(sxx > 0) || !(syy > 0)) return Number.NaN;
  const r = m[offset + 5] / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** Sample covariance C / (n - 1) of the pair, or NaN when n < 2. */
export function pairCovariance(m: Float64Array, offset: number): number {
  const n = m[offset];
  return n < 2 ? Number.NaN : m[offset + 5] / (n - 1);
}
