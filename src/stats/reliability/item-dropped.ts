import { averageInterItemR } from '../average-inter-item-r.js';
import { cronbachAlpha } from '../cronbach-alpha.js';
import { duhachekQ } from '../duhachek-interval.js';
import { guttmanLambda6 } from '../guttman-lambda6.js';
import { allFinite } from '../matrix-sums.js';
import { smcWithoutEach, squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { standardizedAlpha } from '../standardized-alpha.js';
import { alphaStandardError } from './alpha-standard-error.js';
import { interItemRVariance, medianInterItemR } from './inter-item-correlations.js';
import { signalToNoise } from './signal-to-noise.js';
import { withoutItem } from './submatrix.js';

/** The figures of the other k - 1 items when one is dropped (psych::alpha `alpha.drop`). */
export interface ItemDropped {
  alpha: number;
  standardizedAlpha: number;
  lambda6: number;
  averageR: number;
  signalToNoise: number;
  alphaSe: number;
  varR: number;
  medianR: number;
}

/**
 * psych::alpha's "Reliability if an item is dropped": for each item i, psych's `alpha.1` on
 * C[-i, -i] and R[-i, -i] (R = cov2cor(C)): raw alpha, standardized alpha, G6(smc) with the
 * SMCs of the k - 1 items among themselves, average r, S/N, alpha se = √(Q₋ᵢ / n) (n = nsub,
 * given only when n > k, as psych), var.r and med.r of the k - 1 items' correlations.
 * For k = 2 every figure is NaN: one item has no alpha (psych prints stand-ins there, e.g.
 * C12 / C22 as raw_alpha). The SMCs of the k - 1 items come from one inverse of R
 * (smcWithoutEach) when R is well conditioned, else from k inversions of (k - 1) × (k - 1) matrices, O(k⁴).
 */
export function itemDropped(c: Float64Array, r: Float64Array, k: number, n: number): ItemDropped[] {
  const nan = Number.NaN;
  const out: ItemDropped[] = [];
  const cFinite = allFinite(c);
  const rFinite = allFinite(r);
  // Each item's SMCs of the others, from one inverse of R when that is safe (else one by one).
  const smcs = rFinite ? smcWithoutEach(r, k) : null;
  for (let i = 0; i < k; i++) {
    if (k < 3) {
      out.push({ alpha: nan, standardizedAlpha: nan, lambda6: nan, averageR: nan, signalToNoise: nan, alphaSe: nan, varR: nan, medianR: nan });
      continue;
    }
    const m = k - 1;
    const ci = withoutItem(c, k, i);
    const ri = withoutItem(r, k, i);
    const averageR = rFinite ? averageInterItemR(ri, m) : nan;
    out.push({
      alpha: cFinite ? cronbachAlpha(ci, m) : nan,
      standardizedAlpha: rFinite ? standardizedAlpha(ri, m) : nan,
      lambda6: rFinite ? guttmanLambda6(ri, smcs?.[i] ?? squaredMultipleCorrelations(ri, m).values, m) : nan,
      averageR,
      signalToNoise: signalToNoise(averageR, m),
      // psych's condition is max(nsub, n.obs) > nvar with nvar the whole scale's k.
      alphaSe: cFinite && n > k ? alphaStandardError(duhachekQ(ci, m), n, m) : nan,
      varR: rFinite ? interItemRVariance(ri, m) : nan,
      medianR: rFinite ? medianInterItemR(ri, m) : nan,
    });
  }
  return out;
}
