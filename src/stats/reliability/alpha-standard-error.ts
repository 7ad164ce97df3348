/**
 * The asymptotic standard error of raw alpha, psych::alpha `ase` (and `alpha se` of
 * alpha.drop): √(Q / n), Q of Duhachek & Iacobucci (2004) from the item covariances
 * (duhachekQ in ../duhachek-interval.ts), n the respondents (psych's `nsub`: listwise the
 * complete cases, pairwise every row). psych leaves it out when n ≤ k; so does this (NaN),
 * and NaN when Q is undefined or negative.
 *
 * @example alphaStandardError(0.0225, 100, 5) // √(.0225 / 100) = 0.015
 */
export function alphaStandardError(q: number, n: number, k: number): number {
  if (!(n > k) || !(q >= 0)) return Number.NaN;
  return Math.sqrt(q / n);
}
