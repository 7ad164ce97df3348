/**
 * The library: `import { analyze, analyzeRows, loadCodebook, render } from 'survey-analyze'`.
 * A thin layer over what the CLI runs (src/cli/ is the other consumer of the same modules):
 * the same readers, row filters, coding, accumulators and Report. Nothing is printed; every
 * problem is thrown as a SurveyError with its place (file, line, column) and exit status.
 */
import { analyze as analyzeInput, type AnalysisSettings } from './analysis/analyze.js';
import { completeSettings, type SettingsInput } from './analysis/settings.js';
import type { TableInput } from './analysis/table-input.js';
import { builtinCodebook } from './codebook/builtin-codebook.js';
import type { Codebook } from './codebook/codebook.js';
import { loadCodebook, parseCodebook as parseCodebookText, type CodebookProblem } from './codebook/load-codebook.js';
import { dataError, usageError } from './errors.js';
import { LayoutStage } from './read/layout/layout-stage.js';
import type { InputLayout } from './read/table-header.js';
import { render as renderReport, type Format } from './report/render.js';
import type { Report } from './report/report.js';

export type * from './report/report.js';
export type * from './report/factor-report-types.js';
export { SCHEMA_VERSION } from './report/report.js';
export type { Codebook, Scale, Prevalence, ResponseMap, RowFilter as CodebookFilter } from './codebook/codebook.js';
export type { CodebookProblem } from './codebook/load-codebook.js';
export type { AnalysisSettings } from './analysis/analyze.js';
export type { SettingsInput } from './analysis/settings.js';
export type { ReadOptions } from './read/read-csv.js';
export type { Encoding } from './read/text-decoding.js';
export type { InputFormat, InputLayout } from './read/table-header.js';
export type { Format } from './report/render.js';
export type { Place } from './errors.js';
export { SurveyError } from './errors.js';
export { FORMATS } from './report/render.js';
export { DEFAULT_SETTINGS } from './analysis/settings.js';
export { loadCodebook, builtinCodebook };

/** The options of `analyze` and `analyzeRows`: the codebook, and any analysis settings (the rest take their defaults). */
export interface AnalyzeOptions extends SettingsInput {
  /** A validated codebook (loadCodebook, parseCodebook), or the path of a JSON or YAML one; default: the built-in codebook. */
  codebook?: Codebook | string;
  /** Called after each batch of rows with the rows analysed and the bytes read so far. */
  onProgress?: (rows: number, bytes: number) => void;
}

/** Rows held in memory: the column names, and one array of cells per respondent (a cell that is null, undefined or '' is missing). */
export interface TableRows {
  columns: string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>;
  /** The name the rows are shown by in messages and in the Report's `input.files` (default `<rows>`). */
  name?: string;
}

/**
 * The analysis of one or more files (CSV, TSV, gzip-compressed text, .xlsx, .sav, .zsav, .dta;
 * several files with the same columns are one sample), as the CLI's `analyze` runs it.
 */
export async function analyze(files: string | string[], options: AnalyzeOptions = {}): Promise<Report> {
  const sources = typeof files === 'string' ? [files] : files;
  if (!Array.isArray(sources) || sources.length === 0 || sources.some((f) => typeof f !== 'string' || f === '')) {
    throw usageError('analyze needs a file path, or a list of them');
  }
  const codebook = codebookOf(options);
  return analyzeInput(sources, codebook, completeSettings(codebook, options), options.onProgress);
}

/**
 * The analysis of rows held in memory. They go through the same stages as a file's rows:
 * the layout detection of the header, the codebook's include/exclude rules, coding and the
 * accumulators. In messages, `row N` is `rows[N - 1]` (the column names are row 0).
 */
export async function analyzeRows(table: TableRows, options: AnalyzeOptions = {}): Promise<Report> {
  const codebook = codebookOf(options);
  const settings = completeSettings(codebook, options);
  return analyzeInput(rowsInput(table, settings.read.layout ?? null), codebook, settings, options.onProgress);
}

/** The complete settings of an analysis: those given, and the defaults (DEFAULT_SETTINGS, the codebook's groups) for the rest. */
export function analysisSettings(codebook: Codebook, settings: SettingsInput = {}): AnalysisSettings {
  return completeSettings(codebook, settings);
}

/**
 * Parse and validate a codebook's text (YAML, or JSON): the codebook, or null and every
 * problem with its line and path. `name` is the file name shown in the problems.
 */
export function parseCodebook(text: string, name = '<codebook>'): { codebook: Codebook | null; problems: CodebookProblem[] } {
  return parseCodebookText(text, name);
}

/** The text of a Report in one of the output formats (FORMATS), rounded to `digits` decimals (default 3; JSON is never rounded). */
export function render(report: Report, format: Format = 'table', options: { digits?: number } = {}): string {
  return renderReport(report, format, { digits: options.digits ?? 3, color: false });
}

function codebookOf(options: AnalyzeOptions): Codebook {
  const { codebook } = options;
  if (codebook === undefined) return builtinCodebook();
  if (typeof codebook === 'string') return loadCodebook(codebook);
  if (codebook === null || typeof codebook !== 'object' || !Array.isArray(codebook.scales)) {
    throw usageError('codebook must be a codebook (from loadCodebook or parseCodebook) or the path of one');
  }
  return codebook;
}

/** Rows in memory as a TableInput: the column names and rows as records, through the layout stage every reader uses. */
function rowsInput(table: TableRows, layout: InputLayout | null): TableInput {
  const name = table?.name ?? '<rows>';
  return {
    names: [name],
    async read(sink) {
      if (table === null || typeof table !== 'object' || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
        throw usageError('analyzeRows needs { columns: string[], rows: cells[][] }');
      }
      const width = table.columns.length;
      const records: string[][] = [table.columns.map((c) => String(c))];
      table.rows.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== width) {
          const cells = Array.isArray(row) ? `${row.length} cell${row.length === 1 ? '' : 's'}` : 'no array';
          throw dataError(`this row has ${cells} but there ${width === 1 ? 'is 1 column' : `are ${width} columns`}`, { file: name, line: r + 1, unit: 'row' });
        }
        records.push(row.map(cellText));
      });
      const stage = new LayoutStage(name, 'csv', 'row', layout, sink);
      stage.records(records, (i) => i, 0);
      stage.end(0);
    },
  };
}

function cellText(cell: string | number | boolean | null | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}
