/**
 * Correlation matrix from a covariance matrix, R `cov2cor`: R_ij = C_ij / sqrt(C_ii C_jj),
 * with an exact 1 on the diagonal. psych::alpha takes its R this way from
 * `cov(x, use = "pairwise")`, so under pairwise deletion each pair's covariance is scaled by
 * the items' own (not the pair's) standard deviations.
 * A cell is NaN when either variance is zero or undefined.
 *
 * @example cov2cor(Float64Array.of(4, 2, 2, 9), 2) // [1, 1/3, 1/3, 1]
 */
export function cov2cor(c: Float64Array, k: number): Float64Array {
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const vi = c[i * k + i];
    for (let j = 0; j < k; j++) {
      const vj = c[j * k + j];
      r[i * k + j] = vi > 0 && vj > 0 ? (i === j ? 1 : c[i * k + j] / Math.sqrt(vi * vj)) : Number.NaN;
    }
  }
  return r;
}
