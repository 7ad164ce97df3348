/**
 * Streaming mean and sum of squared deviations of one variable, three numbers packed in a
 * Float64Array at `offset`: `[n, mean, M2]`.
 *
 * Update (Welford 1962): n' = n + 1, d = x - m, m' = m + d / n', M2' = M2 + d (x - m').
 * Merge (Chan, Golub & LeVeque 1979), d = mB - mA: n = nA + nB, m = mA + d nB / n,
 * M2 = M2A + M2B + d² nA nB / n.
 * Sample variance = M2 / (n - 1) (R `var`, `sd`).
 */

/** Numbers stored per variable. */
export const UNIVARIATE_STRIDE = 3;

/** Add the observed value x to the variable at `offset`. */
export function updateUnivariate(m: Float64Array, offset: number, x: number): void {
  const n = m[offset] + 1;
  const d = x - m[offset + 1];
  const mean = m[offset + 1] + d / n;
  m[offset] = n;
  m[offset + 1] = mean;
  m[offset + 2] += d * (x - mean);
}

/**
 * Merge the variable at `from[fromOffset]` into `into[intoOffset]`, as if its values had been
 * added after the ones already there (Chan et al., above). `shift` is added to the source mean
 * first, for summaries kept relative to different origins; M2 does not depend on the origin.
 * Reads only the numbers of `from`. A side with n = 0 changes nothing / is replaced.
 */
export function mergeUnivariate(into: Float64Array, intoOffset: number, from: Float64Array, fromOffset: number, shift = 0): void {
  const nb = from[fromOffset];
  if (nb === 0) return;
  const na = into[intoOffset];
  const mb = from[fromOffset + 1] + shift;
  if (na === 0) {
    into[intoOffset] = nb;
    into[intoOffset + 1] = mb;
    into[intoOffset + 2] = from[fromOffset + 2];
    return;
  }
  const n = na + nb;
  const d = mb - into[intoOffset + 1];
  into[intoOffset] = n;
  into[intoOffset + 1] += (d * nb) / n;
  into[intoOffset + 2] += from[fromOffset + 2] + (d * d * na * nb) / n;
}

/** Sample standard deviation sqrt(M2 / (n - 1)), or NaN when n < 2. */
export function univariateSd(m: Float64Array, offset: number): number {
  const n = m[offset];
  return n < 2 ? Number.NaN : Math.sqrt(m[offset + 2] / (n - 1));
}
