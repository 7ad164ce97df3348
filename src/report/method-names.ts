/**
 * The names people read for the method codes of the Report (the codes stay in json and csv).
 */
import type { GroupComparison, Report, ScaleReport } from './report.js';
import { formatLevel } from './format-number.js';

const CI_NAMES: Record<string, string> = {
  wilson: 'Wilson',
  'wilson-cc': 'Wilson with continuity correction',
  'clopper-pearson': 'Clopper-Pearson',
  'agresti-coull': 'Agresti-Coull',
  jeffreys: 'Jeffreys',
  wald: 'Wald',
  logit: 'logit',
  feldt: 'Feldt',
  duhachek: 'Duhachek',
  bootstrap: 'bootstrap',
};

/** `Wilson`, `Clopper-Pearson`, `Feldt`, ...; an unknown code is shown as it is. */
export function intervalMethodName(method: string): string {
  return CI_NAMES[method] ?? method;
}

/** `Cronbach's alpha` or `KR-20`. */
export function coefficientName(coefficient: ScaleReport['coefficient']): string {
  return coefficient === 'kr20' ? 'KR-20' : "Cronbach's alpha";
}

/** `Alpha` or `KR-20`: the short name, for column titles and labels. */
export function coefficientShortName(coefficient: ScaleReport['coefficient']): string {
  return coefficient === 'kr20' ? 'KR-20' : 'Alpha';
}

/** `Chi-square` or `Fisher's exact`. */
export function testName(test: GroupComparison['test']): string {
  return test === 'fisher-exact' ? "Fisher's exact" : 'Chi-square';
}

/** `mean of items` or `sum of items`. */
export function scoreMethodName(method: 'mean' | 'sum'): string {
  return method === 'sum' ? 'sum of items' : 'mean of items';
}

/** `95% CI`, from the report's confidence level. */
export function ciTitle(report: Report): string {
  return `${formatLevel(report.settings.confLevel)}% CI`;
}

/** `Feldt, 95%` or `bootstrap (1000 resamples, seed 1), 95%`: how the alpha CIs were made. */
export function alphaCiDescription(report: Report): string {
  const { alphaCi, bootstrap, confLevel } = report.settings;
  const resampling = alphaCi === 'bootstrap' && bootstrap !== null ? ` (${bootstrap.resamples} resamples, seed ${bootstrap.seed})` : '';
  return `${intervalMethodName(alphaCi)}${resampling}, ${formatLevel(confLevel)}%`;
}

/** `Wilson, 95%`: how the prevalence CIs were made. */
export function prevalenceCiDescription(report: Report): string {
  return `${intervalMethodName(report.settings.ciMethod)}, ${formatLevel(report.settings.confLevel)}%`;
}

/** The input file names without their directories (`-` reads `stdin`): no absolute paths in output. */
export function inputNames(report: Report): string[] {
  return report.input.files.map((file) => (file === '-' ? 'stdin' : (file.split(/[\\/]/).pop() ?? file)));
}
