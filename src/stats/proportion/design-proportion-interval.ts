import type { CiMethod } from '../../report/report.js';
import { agrestiCoullInterval } from './agresti-coull-interval.js';
import type { Bounds } from './bounds.js';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';
import { tCritical } from '../critical-value.js';
import { jeffreysInterval } from './jeffreys-interval.js';
import { logitInterval } from './logit-interval.js';
import { waldInterval } from './wald-interval.js';
import { wilsonCcInterval } from './wilson-cc-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/** A domain proportion under a one-stage cluster design: counts, design variance and df. */
export interface DesignProportion {
  count: number;
  n: number;
  /** Linearisation variance of p (see `clusterProportionVariance`). */
  variance: number;
  /** Design degrees of freedom: clusters with answers in the domain − 1. */
  df: number;
}

/**
 * Effective sample size n_eff = p(1 − p)/V(p) = n / deff (Kish), the n that would give the
 * design variance under simple random sampling. At p = 0 or p = 1 both variances are 0 and
 * n_eff is taken as n (design effect 1), the convention of Korn & Graubard (1998) and the NCHS
 * data presentation standards. When V(p) = 0 with 0 < p < 1 (every cluster has proportion p)
 * n_eff is infinite: returns Infinity and the interval is the point [p, p].
 */
export function effectiveSampleSize(d: DesignProportion): number {
  if (d.count <= 0 || d.count >= d.n) return d.n;
  const p = d.count / d.n;
  return d.variance > 0 ? (p * (1 - p)) / d.variance : Infinity;
}

/**
 * Korn & Graubard (1998) df-adjusted effective sample size, as R survey
 * `svyciprop(method = "beta")`: n_eff · (t_{n−1, α/2} / t_{df, α/2})².
 */
export function kornGraubardSampleSize(d: DesignProportion, level: number): number {
  const ratio = tCritical(level, d.n - 1) / tCritical(level, d.df);
  return effectiveSampleSize(d) * ratio * ratio;
}

/**
 * Confidence interval for a proportion from a one-stage cluster sample (equal weights),
 * with t on the design df in place of z. Returns null when df < 1 (one cluster in the domain:
 * R `svyciprop` gives NaN there too).
 *
 * - `wald`: p ± t · se, R survey `svyciprop(method = "mean")`, clipped to [0, 1] (R does not clip).
 * - `logit`: R survey `svyciprop(method = "logit")`; at p = 0 or 1 the Korn–Graubard bounds.
 * - `clopper-pearson`: Korn–Graubard, R survey `svyciprop(method = "beta")`: Clopper–Pearson on
 *   the df-adjusted effective sample size (see `kornGraubardSampleSize`) and count p · n.
 * - `jeffreys`: the Jeffreys interval on the same Korn–Graubard effective sample size.
 * - `wilson`, `wilson-cc`, `agresti-coull`: the simple-random-sample formula with n → n_eff =
 *   n / deff, x → p · n_eff, z → t_df (Kott & Carr 1997; Dean & Pagano 2015 for Wilson).
 *
 * The edges p = 0 and p = 1 use n_eff = n (see `effectiveSampleSize`); there `wald` gives the
 * point [p, p] as in the simple-random-sample case.
 */
export function designProportionInterval(d: DesignProportion, method: CiMethod, level: number): Bounds | null {
  if (!(d.df >= 1) || !(d.n >= 2)) return null;
  const p = d.count / d.n;
  const edge = d.count <= 0 || d.count >= d.n;
  const nEff = effectiveSampleSize(d);
  if (!Number.isFinite(nEff)) return { lower: p, upper: p };
  const t = tCritical(level, d.df);
  switch (method) {
    case 'wald':
      return waldInterval(p, Math.sqrt(d.variance), t);
    case 'logit':
      return edge ? kornGraubardInterval(d, level) : logitInterval(p, Math.sqrt(d.variance), t);
    case 'clopper-pearson':
      return kornGraubardInterval(d, level);
    case 'jeffreys': {
      const nKg = kornGraubardSampleSize(d, level);
      return jeffreysInterval(p * nKg, nKg, level);
    }
    case 'wilson':
      return wilsonInterval(p * nEff, nEff, t);
    case 'wilson-cc':
      return wilsonCcInterval(p * nEff, nEff, t);
    case 'agresti-coull':
      return agrestiCoullInterval(p * nEff, nEff, t);
  }
}

function kornGraubardInterval(d: DesignProportion, level: number): Bounds {
  const nKg = kornGraubardSampleSize(d, level);
  return clopperPearsonInterval((d.count / d.n) * nKg, nKg, level);
}
