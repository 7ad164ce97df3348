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
import { alphaStandardError } from '../stats/reliability/alpha-standard-error.js';
import { greatestLowerBound } from '../stats/reliability/greatest-lower-bound.js';
import { type GuttmanLambdas, guttmanLambdas } from '../stats/reliability/guttman-lambdas.js';
import { interItemRVariance, medianInterItemR } from '../stats/reliability/inter-item-correlations.js';
import { type ItemDropped, itemDropped } from '../stats/reliability/item-dropped.js';
import { type ItemSummary, itemSummary } from '../stats/reliability/item-summary.js';
import { omegaIfDropped } from '../stats/reliability/omega-if-dropped.js';
import { signalToNoise } from '../stats/reliability/signal-to-noise.js';
import { type SplitHalves, splitHalves } from '../stats/reliability/split-halves.js';

/**
 * Largest scales for the figures whose cost grows fastest with k (they are skipped, null with a
 * warning, above it): the item-dropped figures and omega if dropped (k refits, O(k⁴)), the
 * greatest lower bound (a multi-factor fit of up to 1000 eigen-decompositions) and the
 * sampled split halves (10000 splits of O(k²)).
 */
export const MAX_ITEMS = { dropped: 100, glb: 40, splits: 200 } as const;

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
  /** Guttman's λ1, λ2, λ3, λ5, λ5+, λ6 of R. */
  lambdas: GuttmanLambdas;
  /** λ4, β and the mean split half of R. */
  splits: SplitHalves;
  /** psych glb.fa of the pairwise correlations (NaN when k < 3 or undefined). */
  glb: number;
  glbFactors: number;
  /** Whether glb.fa's factor model was fitted (null: not attempted, k < 3 or undefined cells). */
  glbConverged: boolean | null;
  signalToNoise: number;
  /** psych ase = √(Q / n). */
  alphaSe: number;
  medianR: number;
  varR: number;
  /** psych alpha.drop per item (all NaN for k = 2). */
  dropped: ItemDropped[];
  /** Omega total of the other k - 1 items, refitted (jamovi); NaN unless `full`. */
  omegaIfDropped: Float64Array;
  /** Whether the iterative figures (glb, omega if dropped) were asked for (--reliability full). */
  full: boolean;
  summary: ItemSummary;
  /** The figures left out for the scale's size (see MAX_ITEMS). */
  skipped: string[];
}

/**
 * The figures of psych::alpha (and omega total of psych::omega) from a scale's moments:
 * raw alpha and Q from the covariances; standardized alpha, average r, SMC and lambda-6
 * from R = cov2cor(C); omega total from a one-factor minres fit of cor(x, use = "pairwise")
 * (R itself under listwise deletion); item-rest r and alpha-if-deleted from C.
 * Each formula is in its file under src/stats.
 * With `full` false (--reliability basic, the default) the iterative figures, glb and omega if
 * dropped, are not computed (NaN, and glbConverged null): they were not asked for.
 */
export function scaleFigures(m: ScaleMoments, seed = 1, options: { full?: boolean } = {}): ScaleFigures {
  const full = options.full ?? true;
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
  const averageR = rFinite ? averageInterItemR(r, k) : nan;
  const q = cFinite ? duhachekQ(c, k) : nan;
  const skipped: string[] = [];
  const fits = (what: keyof typeof MAX_ITEMS, name: string): boolean => {
    if (k <= MAX_ITEMS[what]) return true;
    skipped.push(`${name} (above ${MAX_ITEMS[what]} items)`);
    return false;
  };
  const glb = full && k >= 3 && allFinite(m.pairwiseCorrelation) && fits('glb', 'the greatest lower bound')
    ? greatestLowerBound(m.pairwiseCorrelation, k)
    : null;
  const dropped = fits('dropped', 'the figures if an item is dropped other than alpha');
  const splits = fits('splits', 'lambda-4 and the split halves');
  const nanSplits = { lambda4: nan, beta: nan, mean: nan, method: 'sampled' as const, splits: 0 };
  const nanDropped = { alpha: nan, standardizedAlpha: nan, lambda6: nan, averageR: nan, signalToNoise: nan, alphaSe: nan, varR: nan, medianR: nan };
  return {
    k,
    totalVariance: cFinite ? matrixSum(c, k) : nan,
    alpha: cFinite ? cronbachAlpha(c, k) : nan,
    standardizedAlpha: rFinite ? standardizedAlpha(r, k) : nan,
    averageInterItemR: averageR,
    lambda6: rFinite && k >= 2 ? guttmanLambda6(r, smc.values, k) : nan,
    omegaTotal: omega,
    omega: omegaFit,
    q,
    splitHalfR,
    spearmanBrown: spearmanBrown(splitHalfR),
    itemRestR: cFinite ? itemRestCorrelation(c, k) : new Float64Array(k).fill(nan),
    alphaIfDeleted: cFinite ? alphaIfDeleted(c, k) : new Float64Array(k).fill(nan),
    smc: smc.values,
    smcSingular: smc.singular,
    lambdas: guttmanLambdas(r, smc.values, k),
    splits: splits ? splitHalves(r, k, seed) : nanSplits,
    glb: glb?.glb ?? nan,
    glbFactors: glb !== null && glb.converged ? glb.factors : nan,
    glbConverged: glb === null ? null : glb.converged,
    signalToNoise: k >= 2 ? signalToNoise(averageR, k) : nan,
    alphaSe: alphaStandardError(q, m.n, k),
    medianR: rFinite ? medianInterItemR(r, k) : nan,
    varR: rFinite ? interItemRVariance(r, k) : nan,
    dropped: dropped ? itemDropped(c, r, k, m.n) : Array.from({ length: k }, () => nanDropped),
    omegaIfDropped: dropped && full ? omegaIfDropped(m.pairwiseCorrelation, k) : new Float64Array(k).fill(nan),
    full,
    summary: itemSummary(m.itemMean, c, r, k),
    skipped,
  };
}
