import type { GroupComparison, Warning } from '../report/report.js';
import { groupComparisonTest } from '../stats/association/group-comparison-test.js';
import type { PrevalenceAccumulator } from './prevalence-accumulator.js';

/**
 * Does prevalence entry p differ between the values of one group column? The 2 × G table
 * (positive / negative answers × the G values with at least one answer, `domains` in report
 * order) is tested as `groupComparisonTest` says: Fisher's exact test for 2 groups, Pearson
 * chi-square for more, and the Fisher–Freeman–Halton exact test when an expected count is
 * below 5. Respondents are taken as independent (no cluster adjustment). Returns null, with a
 * warning, when fewer than 2 groups have answers.
 */
export function prevalenceComparison(acc: PrevalenceAccumulator, p: number, column: string, domains: number[], warnings: Warning[]): GroupComparison | null {
  const id = acc.prevalences[p].id;
  const answeredDomains = domains.filter((d) => acc.answered(d, p) > 0);
  if (answeredDomains.length < 2) {
    warnings.push({
      code: 'group-comparison-skipped',
      prevalence: id,
      column,
      message: `prevalence "${id}" by "${column}": ${answeredDomains.length === 0 ? 'no group has' : 'only one group has'} answers, so there is no comparison`,
    });
    return null;
  }
  const positives = answeredDomains.map((d) => acc.positives(d, p));
  const result = groupComparisonTest(
    positives,
    answeredDomains.map((d) => acc.answered(d, p)),
  );
  if (result.exactInfeasible) {
    warnings.push({
      code: 'fisher-exact-infeasible',
      prevalence: id,
      column,
      message: `prevalence "${id}" by "${column}": an expected count is below 5 but the exact test has too many tables to enumerate; the chi-square p-value is given and may be inaccurate`,
    });
  }
  if (result.statistic === null) {
    warnings.push({
      code: 'chi-square-undefined',
      prevalence: id,
      column,
      message: `prevalence "${id}" by "${column}": the answers in the groups are all ${positives.every((count) => count === 0) ? 'negative' : 'positive'}, so the chi-square statistic is undefined (the exact p-value is 1)`,
    });
  }
  return {
    id,
    column,
    test: result.test,
    statistic: result.statistic,
    df: result.df,
    pValue: result.pValue,
    groups: result.groups,
    n: result.n,
    minExpected: result.minExpected,
    chiSquarePValue: result.chiSquarePValue,
    yates: result.yates,
  };
}
