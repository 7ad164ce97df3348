import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * ln C(n, k) = lnΓ(n + 1) − lnΓ(k + 1) − lnΓ(n − k + 1), for integers 0 <= k <= n.
 *
 * @example Math.exp(logChoose(10, 3)) // 120 (to about 1e-13)
 */
export function logChoose(n: number, k: number): number {
  if (k === 0 || k === n) return 0;
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/** ln C(n, k) for k = 0..n, as one table (lnΓ evaluated n + 1 times). */
export function logChooseRow(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = gammaln(i + 1);
  const row = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) row[k] = lf[n] - lf[k] - lf[n - k];
  return row;
}
