import type { CiMethod, DesignInfo, PrevalenceRow, Warning } from '../report/report.js';
import { clusterProportionVariance, designDegreesOfFreedom } from '../stats/proportion/cluster-proportion-variance.js';
import { designProportionInterval, effectiveSampleSize } from '../stats/proportion/design-proportion-interval.js';
import { proportionInterval } from '../stats/proportion/proportion-interval.js';
import type { PrevalenceAccumulator } from './prevalence-accumulator.js';

export interface PrevalenceRowOptions {
  ciMethod: CiMethod;
  confLevel: number;
  /** False when the whole design has fewer than 2 clusters (warned about once, not per row). */
  warnFewClusters: boolean;
}

/**
 * One row of the report's `prevalence`: prevalence entry p in domain d (0 = everyone).
 * count and n are the positive and the non-missing answers; proportion = count / n with its
 * interval at the chosen method and level (see `proportionInterval`). n = 0 gives a null
 * proportion and interval, with a warning.
 *
 * With a cluster column the interval is design-based (see `designProportionInterval`) and
 * `design` gives the clusters with answers in the row, df = clusters − 1, the linearisation
 * standard error, the design effect V(p) / (p(1 − p)/n) and the effective sample size
 * n / deff. The design effect is undefined (null, with a warning) at p = 0 and p = 1, where
 * the intervals take n_eff = n.
 */
export function prevalenceRow(acc: PrevalenceAccumulator, d: number, p: number, options: PrevalenceRowOptions, warnings: Warning[]): PrevalenceRow {
  const entry = acc.prevalences[p];
  const count = acc.positives(d, p);
  const n = acc.answered(d, p);
  const g = acc.domainColumn[d];
  const group = g < 0 ? null : { column: acc.groupColumns[g], value: acc.domainValue[d] as string };
  const where = group === null ? '' : ` (${group.column} = "${group.value}")`;
  const ci = { method: options.ciMethod, level: options.confLevel, lower: null as number | null, upper: null as number | null };
  const row: PrevalenceRow = { id: entry.id, label: entry.label, group, count, n, proportion: n > 0 ? count / n : null, ci };
  const context = { prevalence: entry.id, ...(group === null ? {} : { column: group.column }) };
  if (n === 0) {
    warnings.push({ code: 'prevalence-no-answers', ...context, message: `prevalence "${entry.id}"${where}: no answers, so no proportion or interval` });
  }
  if (acc.clusterColumn === null) {
    if (n > 0) Object.assign(ci, proportionInterval(count, n, options.ciMethod, options.confLevel));
    return row;
  }
  const design = designInfo(acc, d, p, acc.clusterColumn);
  row.design = design.info;
  if (n === 0) return row;
  if (design.variance === null || design.info.df < 1) {
    if (design.variance !== null || options.warnFewClusters) {
      warnings.push({
        code: 'design-too-few-clusters',
        ...context,
        message: `prevalence "${entry.id}"${where}: the answers come from ${design.info.clusters} cluster${design.info.clusters === 1 ? '' : 's'} of "${acc.clusterColumn}", so there is no design-based interval (it needs 2 or more)`,
      });
    }
    return row;
  }
  if (count === 0 || count === n) {
    warnings.push({
      code: 'design-effect-undefined',
      ...context,
      message: `prevalence "${entry.id}"${where}: the proportion is ${count === 0 ? 0 : 1}, so the design effect is undefined; the interval takes the effective sample size as n`,
    });
  } else if (design.variance === 0) {
    warnings.push({
      code: 'design-variance-zero',
      ...context,
      message: `prevalence "${entry.id}"${where}: every cluster has the same proportion, so the design variance is 0 and the interval is the point estimate`,
    });
  }
  const bounds = designProportionInterval({ count, n, variance: design.variance, df: design.info.df }, options.ciMethod, options.confLevel);
  if (bounds !== null) Object.assign(ci, bounds);
  return row;
}

function designInfo(acc: PrevalenceAccumulator, d: number, p: number, cluster: string): { info: DesignInfo; variance: number | null } {
  const count = acc.positives(d, p);
  const n = acc.answered(d, p);
  const designClusters = acc.clusterNames.length;
  const { positives, answered } = acc.clusterCounts(d, p);
  const clusters = answered.length;
  const df = designDegreesOfFreedom(clusters);
  const variance = n > 0 ? clusterProportionVariance(positives, answered, designClusters) : null;
  const pHat = n > 0 ? count / n : 0;
  const interior = count > 0 && count < n;
  const nEff = variance === null ? null : effectiveSampleSize({ count, n, variance, df });
  const info: DesignInfo = {
    cluster,
    clusters,
    df,
    designEffect: variance !== null && interior ? variance / ((pHat * (1 - pHat)) / n) : null,
    standardError: variance === null ? null : Math.sqrt(variance),
    designClusters,
    effectiveN: nEff !== null && Number.isFinite(nEff) ? nEff : null,
  };
  return { info, variance };
}
