import { quantileType7 } from '../quantile-type7.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import type { FactorWarning } from './factor-solution.js';
import { minresOneFactor } from '../minres-one-factor.js';
import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { NormalDeviates } from './normal-deviates.js';
import { CoMoments } from '../co-moments.js';
import { cov2cor } from '../cov2cor.js';

export interface ParallelAnalysis {
  /** Eigenvalues of R (psych `pc.values`). */
  pcValues: Float64Array;
  /** Eigenvalues of R with the communalities of a one-factor minres fit on the diagonal (psych `fa.values`). */
  faValues: Float64Array;
  /** Means over the simulations of the same eigenvalues of normal data (psych `pc.sim`, `fa.sim`). */
  pcSimulatedMean: Float64Array;
  faSimulatedMean: Float64Array;
  /** Their `quantile` (type 7) over the simulations, the thresholds of the suggestions. */
  pcSimulatedQuantile: Float64Array;
  faSimulatedQuantile: Float64Array;
  /** Leading observed eigenvalues above the simulated quantile (psych `ncomp`, `nfact`); null when all are. */
  components: number | null;
  factors: number | null;
  iterations: number;
  seed: number;
  warnings: FactorWarning[];
}

/**
 * Horn's (1965) parallel analysis as psych `fa.parallel(x, fm = "minres", fa = "both")` decides
 * it: the observed eigenvalues of R (components) and of R with the communalities of a
 * one-factor minres fit on the diagonal (factors; psych `fa(R, 1)$values`) are compared, in
 * order, with the `quantile` (psych `quant = .95`, type 7) of the same eigenvalues from
 * `iterations` (psych `n.iter = 20`) correlation matrices of n × k independent standard normal
 * deviates; the suggested number is how many lead the comparison before the first observed
 * value not above its threshold (psych `which(!(values > sim.ci))[1] - 1`). psych's resampled
 * data sets do not enter its "both" suggestions and are not drawn here. The deviates come from
 * xoshiro128** (seeded; normal-deviates.ts), not R's generator, so the simulated figures differ
 * from psych's by simulation error and a suggestion can differ where an observed eigenvalue is
 * close to its threshold. Cost: per simulation n·k normals, the k × k cross-products (n k²/2)
 * and a one-factor fit (minres-one-factor.ts); memory O(k²), the deviates are not held.
 */
export function parallelAnalysis(
  r: Float64Array,
  k: number,
  n: number,
  options: { iterations?: number; seed?: number; quantile?: number } = {},
): ParallelAnalysis {
  const iterations = options.iterations ?? 20;
  const seed = options.seed ?? 1;
  const quantile = options.quantile ?? 0.95;
  if (!(n > 2 && Number.isInteger(n))) throw new RangeError('parallelAnalysis: n must be a whole number above 2');
  if (!(k >= 2)) throw new RangeError('parallelAnalysis: at least two items are needed');
  const pcValues = symmetricEigen(r, k).values;
  const faValues = oneFactorValues(r, k);
  const normals = new NormalDeviates(seed);
  const moments = new CoMoments(k);
  const pcSims: Float64Array[] = [];
  const faSims: Float64Array[] = [];
  for (let it = 0; it < iterations; it++) {
    const c = simulatedCorrelation(normals, n, k, moments);
    pcSims.push(symmetricEigen(c, k).values);
    faSims.push(oneFactorValues(c, k));
  }
  const summarise = (sims: Float64Array[]) => {
    const mean = new Float64Array(k);
    const q = new Float64Array(k);
    for (let e = 0; e < k; e++) {
      const column = Float64Array.from(sims, (s) => s[e]).sort();
      let sum = 0;
      for (const v of column) sum += v;
      mean[e] = sum / sims.length;
      q[e] = quantileType7(column, quantile);
    }
    return { mean, q };
  };
  const pc = summarise(pcSims);
  const fa = summarise(faSims);
  const leading = (observed: Float64Array, threshold: Float64Array) => {
    for (let e = 0; e < k; e++) if (!(observed[e] > threshold[e])) return e;
    return null;
  };
  const components = leading(pcValues, pc.q);
  const factors = leading(faValues, fa.q);
  const warnings: FactorWarning[] = [];
  if (components === null || factors === null) {
    warnings.push({ code: 'undefined-figure', message: 'every observed eigenvalue is above its simulated threshold: no number is suggested' });
  }
  return {
    pcValues,
    faValues,
    pcSimulatedMean: pc.mean,
    faSimulatedMean: fa.mean,
    pcSimulatedQuantile: pc.q,
    faSimulatedQuantile: fa.q,
    components,
    factors,
    iterations,
    seed,
    warnings,
  };
}

/**
 * psych `fa(R, 1, fm = "minres")$values`: eigenvalues of R with the one-factor minres
 * communalities on the diagonal. The one-factor fit is src/stats/minres-one-factor.ts (projected
 * Newton; the same minimum as minres-extraction.ts, in a few steps even on the nearly
 * structureless matrices of simulated data, where a quasi-Newton search over Ψ crawls).
 */
function oneFactorValues(r: Float64Array, k: number): Float64Array {
  const fit = minresOneFactor(r, k, squaredMultipleCorrelations(r, k).values);
  const reduced = Float64Array.from(r);
  for (let i = 0; i < k; i++) reduced[i * k + i] = fit.loadings[i] ** 2;
  return symmetricEigen(reduced, k).values;
}

/**
 * Pearson correlation matrix of n × k standard normal deviates drawn row by row (the same
 * deviates, in the same order, as filling an n × k row-major matrix first), without holding
 * them: memory O(k²) whatever n. Co-moments by Welford's update (co-moments.ts).
 */
function simulatedCorrelation(normals: NormalDeviates, n: number, k: number, moments: CoMoments): Float64Array {
  moments.reset();
  const row = moments.row;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) row[j] = normals.next();
    moments.add(row);
  }
  return cov2cor(moments.covariance(), k);
}
