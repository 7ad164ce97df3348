/**
 * Streaming mean and sum of squared deviations of one variable, three numbers packed in a
 * Float64Array at `offset`: `[n, mean, M2]`.
 *
 * Update (Welford 1962): n' = n + 1, d = x - m, m' = m + d / n', M2' = M2 + d (x - m').
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

/** Sample standard deviation sqrt(M2 / (n - 1)), or NaN when n < 2. */
export function univariateSd(m: Float64Array, offset: number): number {
  const n = m[offset];
  return n < 2 ? Number.NaN : Math.sqrt(m[offset + 2] / (n - 1));
}
