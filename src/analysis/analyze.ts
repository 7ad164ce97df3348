import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
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
import { ScaleAccumulator } from './scale-accumulator.js';
import { scaleReport } from './scale-report.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { correlationsReport, scoreReports } from './score-report.js';
import { PrevalenceAccumulator } from './prevalence-accumulator.js';
import { prevalenceReport } from './prevalence-report.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { dataError, type SurveyError } from '../errors.js';
import { boundMessage, quoteValue } from '../quote-value.js';
import { RowFilter } from './row-filter.js';
import { UnmatchedPositive } from './unmatched-positive.js';
import { DuplicateIds } from './duplicate-ids.js';
import { DEFAULT_SETTINGS } from './settings.js';

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
}

/** Everything one pass over the rows accumulates; its size depends on the items, not the rows. */
interface Accumulators {
  rows: number;
  filter: RowFilter;
  unmatched: UnmatchedPositive;
  /** Repeated respondent ids, in the codebook's id column or else the platform's (ResponseId, record_id). */
  ids: DuplicateIds;
  idColumn: string | null;
  labelConflicts: RowCoder['labelConflicts'];
  /** Each column's wording from the files' headers or variable labels (the first file that has one). */
  fileLabels: Map<string, string>;
  /** Each column's value labels from the files (a .sav/.dta), for frequencies the codebook does not label. */
  fileValueLabels: Map<string, Map<string, string>>;
  scales: ScaleAccumulator[];
  scores: ScoreAccumulator;
  prevalence: PrevalenceAccumulator;
  invalid: Map<string, InvalidTally>;
}

function createAccumulators(codebook: Codebook, settings: AnalysisSettings, coder: RowCoder): Accumulators {
  return {
    rows: 0,
    filter: new RowFilter(codebook, settings.keepPreviews, (column) => coder.responseCodeOf(column)),
    unmatched: new UnmatchedPositive(codebook.prevalence),
    ids: new DuplicateIds(),
    idColumn: null,
    labelConflicts: coder.labelConflicts,
    fileLabels: new Map(),
    fileValueLabels: new Map(),
    // The rows are kept for the bootstraps (alpha's, and omega's with --reliability full); pair
    // tables only for --item-correlations polychoric: the default pass does no more than before.
    scales: codebook.scales.map((scale) => new ScaleAccumulator(scale, {
      missing: settings.missing,
      keepData: settings.alphaCi === 'bootstrap' || settings.reliability === 'full',
      pairTables: settings.itemCorrelations === 'polychoric',
    })),
    scores: new ScoreAccumulator(codebook.scales, settings.correlation),
    prevalence: new PrevalenceAccumulator(codebook.prevalence, settings.groups, settings.cluster),
    invalid: new Map(),
  };
}

/**
 * One streaming pass: rows → coded items → accumulators. Rows are never all held.
 * `onProgress` is called after each batch with the rows and bytes read so far.
 */
async function accumulate(
  sources: TableInput,
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Accumulators> {
  const invalid = new Map<string, InvalidTally>();
  const coder = new RowCoder(codebook, { groups: settings.groups, cluster: settings.cluster, lenient: settings.lenient }, invalid);
  const acc = createAccumulators(codebook, settings, coder);
  acc.invalid = invalid;
  let outcomeColumns: number[] = [];
  let idAt = -1;
  await sources.read({
    header: (header) => {
      acc.filter.bind(header);
      coder.bind(header);
      header.columns.forEach((column, c) => {
        const label = header.meta[c].label;
        if (label !== null && !acc.fileLabels.has(column)) acc.fileLabels.set(column, label);
        const values = header.meta[c].valueLabels;
        if (values !== null && values.size > 0 && !acc.fileValueLabels.has(column)) acc.fileValueLabels.set(column, values);
      });
      outcomeColumns = codebook.prevalence.map((entry) => header.columns.indexOf(entry.column));
      acc.idColumn = codebook.id ?? header.idColumn;
      idAt = acc.idColumn === null ? -1 : header.columns.indexOf(acc.idColumn);
    },
    rows: (rows, lineOf, file, bytes) => {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!acc.filter.keep(row)) continue;
        coder.code(row, lineOf(r));
        addCodedRow(acc, coder);
        acc.unmatched.add(coder.outcomes, (p) => row[outcomeColumns[p]]);
        if (idAt >= 0) acc.ids.add(row[idAt].trim(), file, lineOf(r));
        acc.rows++;
      }
      onProgress?.(acc.rows, bytes);
    },
  });
  return acc;
}

/** One coded row (RowCoder's buffers) into every accumulator. */
function addCodedRow(acc: Accumulators, row: RowCoder): void {
  for (let s = 0; s < acc.scales.length; s++) acc.scales[s].add(row.values[s]);
  acc.scores.add(row.scores);
  acc.prevalence.add(row.outcomes, row.groups, row.cluster);
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
      bootstrap: settings.alphaCi === 'bootstrap' || settings.reliability === 'full' ? settings.bootstrap : null,
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
  const acc = await accumulate(input, codebook, settings, onProgress);
  if (acc.rows === 0) throw noRowsError(acc.filter, input.names);
  return buildReport(acc, codebook, input.names, settings);
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
