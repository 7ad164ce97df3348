import type { CiMethod, GroupComparison, PrevalenceRow, Warning } from '../report/report.js';
import type { PrevalenceAccumulator } from './prevalence-accumulator.js';
import { prevalenceComparison } from './prevalence-comparison.js';
import { compareGroupValues } from './prevalence-group-order.js';
import { prevalenceRow } from './prevalence-row.js';

export interface PrevalenceReport {
  prevalence: PrevalenceRow[];
  groupComparisons: GroupComparison[];
  groupMissing: { column: string; rows: number }[];
}

/**
 * The report's prevalence part from the accumulated counts.
 *
 * - `prevalence`: for each codebook entry, in codebook order, the overall row (group null)
 *   first, then for each group column in order a row per distinct non-missing value, in the
 *   natural order of `compareGroupValues` (numbers numerically, then text with digit runs
 *   by value, case-insensitively). Each row has its own n; rows whose group cell is missing
 *   count in the overall row only.
 * - `groupComparisons`: per entry × group column, the test of `prevalenceComparison`
 *   (skipped with a warning when fewer than 2 groups have answers).
 * - `groupMissing`: per group column, the rows whose group cell was missing.
 *
 * With a cluster column the intervals are design-based (one-stage cluster sample, with
 * replacement, equal weights); rows with a missing cluster are left out, with a warning.
 * Weights are not supported.
 */
export function prevalenceReport(
  acc: PrevalenceAccumulator,
  options: { ciMethod: CiMethod; confLevel: number },
  warnings: Warning[],
): PrevalenceReport {
  const clustered = acc.clusterColumn !== null;
  if (clustered && acc.clusterMissing > 0) {
    warnings.push({
      code: 'cluster-missing',
      column: acc.clusterColumn as string,
      count: acc.clusterMissing,
      message: `${acc.clusterMissing} row${acc.clusterMissing === 1 ? '' : 's'} with no "${acc.clusterColumn}" value left out of every prevalence figure (they cannot be placed in a cluster)`,
    });
  }
  const fewClusters = clustered && acc.clusterNames.length < 2 && acc.rows > acc.clusterMissing;
  if (fewClusters) {
    warnings.push({
      code: 'design-single-cluster',
      column: acc.clusterColumn as string,
      message: `the design has ${acc.clusterNames.length} cluster of "${acc.clusterColumn}": no design-based standard errors or intervals (they need 2 or more clusters)`,
    });
  }
  const byColumn = acc.groupColumns.map((_, g) => {
    const domains: number[] = [];
    for (let d = 1; d < acc.domains; d++) if (acc.domainColumn[d] === g) domains.push(d);
    return domains.sort((a, b) => compareGroupValues(acc.domainValue[a] as string, acc.domainValue[b] as string));
  });
  const rowOptions = { ciMethod: options.ciMethod, confLevel: options.confLevel, warnFewClusters: !fewClusters };
  const prevalence: PrevalenceRow[] = [];
  const groupComparisons: GroupComparison[] = [];
  acc.prevalences.forEach((_, p) => {
    prevalence.push(prevalenceRow(acc, 0, p, rowOptions, warnings));
    for (const domains of byColumn) for (const d of domains) prevalence.push(prevalenceRow(acc, d, p, rowOptions, warnings));
  });
  acc.prevalences.forEach((_, p) => {
    acc.groupColumns.forEach((column, g) => {
      const comparison = prevalenceComparison(acc, p, column, byColumn[g], warnings);
      if (comparison !== null) groupComparisons.push(comparison);
    });
  });
  if (clustered && groupComparisons.length > 0) {
    warnings.push({
      code: 'group-comparison-ignores-clusters',
      column: acc.clusterColumn as string,
      message: `group comparisons treat respondents as independent and do not allow for clustering by "${acc.clusterColumn}": their p-values are too small when answers within a cluster are alike`,
    });
  }
  return {
    prevalence,
    groupComparisons,
    groupMissing: acc.groupColumns.map((column, g) => ({ column, rows: acc.groupMissing[g] })),
  };
}
