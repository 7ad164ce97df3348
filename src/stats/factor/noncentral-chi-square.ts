import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Lower tail of the noncentral chi-square distribution, P(X ≤ q) on df degrees of freedom with
 * noncentrality λ, as R `pchisq(q, df, ncp = λ)`: the Poisson mixture of central chi-squares
 *   P(q; df, λ) = Σ_j e^{−λ/2} (λ/2)^j / j! · P(χ²_{df+2j} ≤ q)
 * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 2, ch. 29), summed from
 * the largest Poisson weight outward until the weights fall below 1e-17 of the total. λ = 0 is
 * the central distribution (the regularized lower incomplete gamma P(df/2, q/2)).
 */
export function noncentralChiSquareCdf(q: number, df: number, ncp: number): number {
  if (!(q > 0)) return 0;
  if (!(ncp > 0)) return gammainc(q / 2, df / 2, true, false);
  const half = ncp / 2;
  const mode = Math.floor(half);
  const logWeight = (j: number) => -half + j * Math.log(half) - gammaln(j + 1);
  const term = (j: number) => Math.exp(logWeight(j)) * gammainc(q / 2, df / 2 + j, true, false);
  let sum = term(mode);
  for (let j = mode + 1; ; j++) {
    const w = Math.exp(logWeight(j));
    sum += w * gammainc(q / 2, df / 2 + j, true, false);
    if (w < 1e-17) break;
  }
  for (let j = mode - 1; j >= 0; j--) {
    const w = Math.exp(logWeight(j));
    sum += w * gammainc(q / 2, df / 2 + j, true, false);
    if (w < 1e-17) break;
  }
  return Math.min(1, sum);
}
