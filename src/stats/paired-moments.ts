/**
 * Streaming moments of a pair of variables (x, y) over the rows where both are observed,
 * six numbers per pair packed in a Float64Array at `offset`:
 * `[n, mean x, mean y, M2 x, M2 y, C xy]`, where M2 is the sum of squared deviations from the
 * mean and C the sum of cross-products of deviations.
 *
 * Update (Welford 1962; Pébay 2008, eq. 3.12 for the co-moment), for a new row (x, y):
 *   n' = n + 1,  dx = x - mx,  mx' = mx + dx / n',  dy = y - my,  my' = my + dy / n'
 *   M2x' = M2x + dx (x - mx'),  M2y' = M2y + dy (y - my'),  Cxy' = Cxy + dx (y - my')
 * Merge of A and B (Chan, Golub & LeVeque 1979; Pébay 2008), with
 * dx = mxB - mxA, dy = myB - myA, n = nA + nB, w = nA nB / n:
 *   mx = mxA + dx nB / n,  M2x = M2xA + M2xB + dx² w,  Cxy = CxyA + CxyB + dx dy w
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

/**
 * Merge the pair at `from[fromOffset]` into `into[intoOffset]`, as if its rows had been added
 * after the ones already there (formula above). `shiftX`/`shiftY` are added to the source means
 * first, for summaries kept relative to different origins (M2 and C do not depend on them).
 * Reads only the numbers of `from`; a pair with n = 0 on either side is handled.
 */
export function mergePair(
  into: Float64Array,
  intoOffset: number,
  from: Float64Array,
  fromOffset: number,
  shiftX = 0,
  shiftY = 0,
): void {
  const nb = from[fromOffset];
  if (nb === 0) return;
  const na = into[intoOffset];
  const mbx = from[fromOffset + 1] + shiftX;
  const mby = from[fromOffset + 2] + shiftY;
  if (na === 0) {
    into[intoOffset] = nb;
    into[intoOffset + 1] = mbx;
    into[intoOffset + 2] = mby;
    into[intoOffset + 3] = from[fromOffset + 3];
    into[intoOffset + 4] = from[fromOffset + 4];
    into[intoOffset + 5] = from[fromOffset + 5];
    return;
  }
  const n = na + nb;
  const dx = mbx - into[intoOffset + 1];
  const dy = mby - into[intoOffset + 2];
  const w = (na * nb) / n;
  into[intoOffset] = n;
  into[intoOffset + 1] += (dx * nb) / n;
  into[intoOffset + 2] += (dy * nb) / n;
  into[intoOffset + 3] += from[fromOffset + 3] + dx * dx * w;
  into[intoOffset + 4] += from[fromOffset + 4] + dy * dy * w;
  into[intoOffset + 5] += from[fromOffset + 5] + dx * dy * w;
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
