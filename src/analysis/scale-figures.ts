import { alphaIfDeleted } from '../stats/alpha-if-deleted.js';
import { averageInterItemR } from '../stats/average-inter-item-r.js';
import { cronbachAlpha } from '../stats/cronbach-alpha.js';
import { duhachekQ } from '../stats/duhachek-interval.js';
import { guttmanLambda6 } from '../stats/guttman-lambda6.js';
import { itemRestCorrelation } from '../stats/item-rest-correlation.js';
import { allFinite, matrixSum } from '../stats/matrix-sums.js';
import { minresOneFactor } from '../stats/minres-one-factor.js';
import { omegaTotal } from '../stats/omega-total.js';
import { spearmanBrown } from '../stats/spearman-brown.js';
import { squaredMultipleCorrelations } from '../stats/squared-multiple-correlation.js';
import { standardizedAlpha } from '../stats/standardized-alpha.js';
import type { ScaleMoments } from './scale-accumulator.js';

/** Every reliability figure of a scale; NaN where undefined (turned into null by scaleReport). */
export interface ScaleFigures {
  k: number;
  /** Variance of the (sum) total, 1'C1. */
  totalVariance: number;
  alpha: number;
  standardizedAlpha: number;
  averageInterItemR: number;
  lambda6: number;
  omegaTotal: number;
  omega: { converged: boolean; heywood: boolean } | null;
  /** Duhachek's Q (psych), for the asymptotic standard error sqrt(Q / n). */
  q: number;
  splitHalfR: number;
  spearmanBrown: number;
  itemRestR: Float64Array;
  alphaIfDeleted: Float64Array;
  smc: Float64Array;
  smcSingular: boolean;
}

/**
 * The figures of psych::alpha (and omega total of psych::omega) from a scale's moments:
 * raw alpha and Q from the covariances; standardized alpha, average r, SMC and lambda-6
 * from R = cov2cor(C); omega total from a one-factor minres fit of cor(x, use = "pairwise")
 * (R itself under listwise deletion); item-rest r and alpha-if-deleted from C.
 * Each formula is in its file under src/stats.
 */
export function scaleFigures(m: ScaleMoments): ScaleFigures {
  const k = m.itemN.length;
  const c = m.covariance;
  const r = m.correlation;
  const nan = Number.NaN;
  const smc = squaredMultipleCorrelations(r, k);
  let omega = nan;
  let omegaFit: ScaleFigures['omega'] = null;
  if (k >= 3 && allFinite(m.pairwiseCorrelation)) {
    const rp = m.pairwiseCorrelation;
    // Under listwise deletion the pairwise correlations are R itself: its SMCs serve both.
    const start = rp === r ? smc.values : squaredMultipleCorrelations(rp, k).values;
    const fit = minresOneFactor(rp, k, start);
    omegaFit = { converged: fit.converged, heywood: fit.heywood };
    if (fit.converged) omega = omegaTotal(rp, fit.uniquenesses, k);
  }
  const rFinite = allFinite(r);
  const cFinite = allFinite(c);
  const splitHalfR = k === 2 && rFinite ? r[1] : nan;
  return {
    k,
    totalVariance: cFinite ? matrixSum(c, k) : nan,
    alpha: cFinite ? cronbachAlpha(c, k) : nan,
    standardizedAlpha: rFinite ? standardizedAlpha(r, k) : nan,
    averageInterItemR: rFinite ? averageInterItemR(r, k) : nan,
    lambda6: rFinite && k >= 2 ? guttmanLambda6(r, smc.values, k) : nan,
    omegaTotal: omega,
    omega: omegaFit,
    q: cFinite ? duhachekQ(c, k) : nan,
    splitHalfR,
    spearmanBrown: spearmanBrown(splitHalfR),
    itemRestR: cFinite ? itemRestCorrelation(c, k) : new Float64Array(k).fill(nan),
    alphaIfDeleted: cFinite ? alphaIfDeleted(c, k) : new Float64Array(k).fill(nan),
    smc: smc.values,
    smcSingular: smc.singular,
  };
}
