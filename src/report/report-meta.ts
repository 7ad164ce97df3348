/**
 * The lines that open every human report: what was analysed and how. File names only, never
 * directories, and no dates, so a rerun is byte-identical.
 */
import type { Report } from './report.js';
import { alphaCiDescription, inputNames, prevalenceCiDescription } from './method-names.js';

export interface ReportMeta {
  title: string;
  /** `survey-analyze 0.1.0`, `782 rows`, `protect-survey.csv` */
  source: string[];
  /** `missing: listwise`, `alpha CI: Feldt, 95%`, ... */
  settings: string[];
}

export function reportMeta(report: Report): ReportMeta {
  const { settings } = report;
  const files = inputNames(report);
  return {
    title: report.input.codebook,
    source: [
      `${report.tool.name} ${report.tool.version}`,
      `${report.input.rows} row${report.input.rows === 1 ? '' : 's'}`,
      `${files.length === 1 ? 'file' : 'files'} ${files.join(', ')}`,
    ],
    settings: [
      `missing: ${settings.missing}`,
      `alpha CI: ${alphaCiDescription(report)}`,
      `prevalence CI: ${prevalenceCiDescription(report)}`,
      ...(settings.groups.length > 0 ? [`groups: ${settings.groups.join(', ')}`] : []),
      ...(settings.cluster !== null ? [`clusters: ${settings.cluster}`] : []),
    ],
  };
}
