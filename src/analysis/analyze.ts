import type { Codebook } from '../codebook/codebook.js';
import type { RowCoder, InvalidTally } from '../codebook/row-coder.js';
import { filesInput, type TableInput } from './table-input.js';
import type { ReadOptions } from '../read/read-csv.js';
import {
  SCHEMA_VERSION,
  type AlphaCiMethod,
  type CiMethod,
  type CorrelationMethod,
  type ItemCorrelationMethod,
  type MissingMethod,
  type ReliabilitySet,
  type InputReport,
  type Report,
  type Warning,
} from '../report/report.js';
import { accumulate, keepsRows, type Accumulators } from './accumulate.js';
import { planSplit, type SplitSettings } from './split/split-plan.js';
import { accumulateSplit } from './split/split-analysis.js';
import { scaleReport } from './scale-report.js';
import { correlationsReport, scoreReports } from './score-report.js';
import { prevalenceReport } from './prevalence-report.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { dataError, type SurveyError } from '../errors.js';
import { boundMessage, quoteValue } from '../quote-value.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { RowFilter } from './row-filter.js';

export interface AnalysisSettings {
  ciMethod: CiMethod;
  alphaCi: AlphaCiMethod;
  confLevel: number;
  missing: MissingMethod;
  correlation: CorrelationMethod;
  /** Group columns for prevalence (the codebook's, or those given with --by). */
  groups: string[];
  cluster: string | null;
  bootstrap: { resamples: number; seed: number };
  /** `basic` (absent: basic) or `full` (settings.ts RELIABILITY_SETS). */
  reliability?: ReliabilitySet;
  /** `pearson` (absent: pearson) or `polychoric`: pair tables are kept in the pass, ordinal figures reported. */
  itemCorrelations?: ItemCorrelationMethod;
  /** Factors of the Schmid-Leiman omega (absent: 3); a scale's codebook `nfactors` wins. */
  nfactors?: number;
  lenient: boolean;
  /** Keep the rows a platform's defaults drop (Qualtrics' previews, tests and spam). */
  keepPreviews: boolean;
  read: ReadOptions;
  /** How a large CSV file is read as two ranges, one per core (absent: the defaults of split-plan.ts). */
  split?: SplitSettings;
}

/** The Report (contract §3) from the accumulators: every statistic is computed here, once. */
function buildReport(acc: Accumulators, codebook: Codebook, sources: string[], settings: AnalysisSettings): Report {
  const warnings: Warning[] = [...acc.filter.warnings(), ...invalidWarnings(acc.invalid), ...labelConflictWarnings(acc.labelConflicts), ...(acc.idColumn === null ? [] : acc.ids.warnings(acc.idColumn))];
  const input = inputReport(acc, codebook, sources);
  const scores = scoreReports(acc.scores, codebook.scales);
  const scales = codebook.scales.map((scale, s) =>
    scaleReport(acc.scales[s], scale, scores[s], {
      alphaCi: settings.alphaCi,
      confLevel: settings.confLevel,
      bootstrap: settings.bootstrap,
      reliability: settings.reliability ?? DEFAULT_SETTINGS.reliability,
      itemCorrelations: settings.itemCorrelations ?? DEFAULT_SETTINGS.itemCorrelations,
      nfactors: settings.nfactors ?? DEFAULT_SETTINGS.nfactors,
    }, warnings, acc.fileLabels, acc.fileValueLabels),
  );
  const correlations = correlationsReport(acc.scores, codebook.scales, settings.confLevel, warnings);
  const prevalence = prevalenceReport(acc.prevalence, { ciMethod: settings.ciMethod, confLevel: settings.confLevel }, warnings);
  warnings.push(...acc.unmatched.warnings());
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    input,
    settings: {
      ciMethod: settings.ciMethod,
      alphaCi: settings.alphaCi,
      confLevel: settings.confLevel,
      missing: settings.missing,
      correlation: settings.correlation,
      groups: settings.groups,
      cluster: settings.cluster,
      bootstrap: keepsRows(settings) ? settings.bootstrap : null,
      reliability: settings.reliability ?? DEFAULT_SETTINGS.reliability,
      itemCorrelations: settings.itemCorrelations ?? DEFAULT_SETTINGS.itemCorrelations,
      nfactors: settings.nfactors ?? DEFAULT_SETTINGS.nfactors,
    },
    scales,
    correlations,
    prevalence: prevalence.prevalence,
    groupComparisons: prevalence.groupComparisons,
    groupMissing: prevalence.groupMissing,
    // Names and values in a warning come from the data: no control character or bidi override
    // reaches a report (or the terminal that shows it) as it is, and no warning is unbounded.
    warnings: warnings.map((w) => ({ ...w, message: boundMessage(w.message, 8) })),
  };
}

/** The analysis of files (paths, or `-`), or of a TableInput (rows in memory, a stream: src/index.ts). */
export async function analyze(
  sources: string[] | TableInput,
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Report> {
  const input = Array.isArray(sources) ? filesInput(sources, settings.read) : sources;
  // The rows kept for a bootstrap are resampled in one order: such a run is not split.
  const plan = Array.isArray(sources) && !keepsRows(settings) ? planSplit(sources, settings.read, settings.split ?? {}) : null;
  const progress = plan === null || onProgress === undefined ? onProgress : forwardOnly(onProgress);
  // A split that does not hold (split-analysis.ts) leaves the file to one pass.
  const split = plan === null ? null : await accumulateSplit(plan, codebook, settings, progress);
  const acc = split ?? (await accumulate(input, codebook, settings, progress));
  if (acc.rows === 0) throw noRowsError(acc.filter, input.names);
  return buildReport(acc, codebook, input.names, settings);
}

/**
 * Progress that never goes back: when a split does not hold, the one pass that follows starts
 * again from the first row, and is shown only once it is past what the split had read.
 */
function forwardOnly(onProgress: (rows: number, bytes: number) => void): (rows: number, bytes: number) => void {
  let shown = -1;
  return (rows, bytes) => {
    if (rows < shown) return;
    shown = rows;
    onProgress(rows, bytes);
  };
}

/** The input section: files, format and layout, and the row accounting (read, header rows, excluded by rule, analysed). */
function inputReport(acc: Accumulators, codebook: Codebook, sources: string[]): InputReport {
  const read = acc.filter.sourceReports();
  const common = <T>(values: T[]): T | 'mixed' => (values.every((v) => v === values[0]) ? values[0] : 'mixed');
  return {
    files: sources,
    rows: acc.rows,
    codebook: codebook.title,
    format: common(read.map((s) => s.format)),
    layout: common(read.map((s) => s.layout)),
    rowsRead: read.reduce((n, s) => n + s.rowsRead, 0),
    headerRows: read.reduce((n, s) => n + s.headerRows, 0),
    excluded: acc.filter.excluded().filter((e) => e.rows > 0 || e.source === 'codebook'),
    sources: read,
  };
}

/** Nothing to analyse: a header-only input, or every row excluded by a rule. */
function noRowsError(filter: RowFilter, sources: string[]): SurveyError {
  const read = filter.sourceReports();
  const rowsRead = read.reduce((n, s) => n + s.rowsRead, 0);
  const file = sources.length === 1 ? sources[0] : undefined;
  if (rowsRead === 0) {
    return dataError(`${sources.length === 1 ? 'the file has' : 'the files have'} a header but no data rows: there is nothing to analyse`, { file });
  }
  const rules = filter.excluded().filter((e) => e.rows > 0).map((e) => `${e.rows} by ${e.label}`);
  return dataError(`all ${rowsRead} rows were excluded (${rules.join('; ')}): there is nothing to analyse`, { file },
    'check the codebook\'s include and exclude rules; --keep-previews keeps a platform\'s previews and test responses');
}

/** One warning per column whose value labels code an answer otherwise than the codebook's response set. */
function labelConflictWarnings(conflicts: RowCoder['labelConflicts']): Warning[] {
  return conflicts.map((c) => ({
    code: 'value-label-conflict',
    column: c.column,
    message: `column ${quoteValue(c.column)}: the file codes ${quoteValue(c.label)} as ${c.fileCode}, the codebook as ${c.codebookCode}; ` +
      'answers were coded by their labels, as the codebook codes them',
  }));
}

/** One warning per column whose invalid values --lenient counted as missing. */
export function invalidWarnings(tally: Map<string, InvalidTally>): Warning[] {
  return [...tally.values()].map((t) => ({
    code: 'invalid-values',
    column: t.column,
    count: t.count,
    message: `column ${quoteValue(t.column)}: ${t.count} value${t.count === 1 ? '' : 's'} out of range or unknown counted as missing (--lenient); the first, ${quoteValue(t.first.value)}, at ${t.first.file}:${t.first.line}`,
  }));
}
