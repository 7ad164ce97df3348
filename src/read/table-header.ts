import type { RowRule } from './layout/layout.js';

/**
 * What every reader hands on before the rows: the column names and, where the file has them,
 * each column's question wording, value labels and user-missing codes; which format and
 * layout was read, and how many rows before the data were header rows.
 */

/** The container the bytes were in. */
export type InputFormat = 'csv' | 'xlsx' | 'sav' | 'zsav' | 'dta';

/**
 * How the rows are laid out: `csv` is one header row of column names; the others are survey
 * platforms' exports (read by src/read/layout/) or a statistics package's own file.
 */
export type InputLayout =
  | 'csv'
  | 'qualtrics'
  | 'qualtrics-legacy'
  | 'surveymonkey'
  | 'redcap'
  | 'redcap-labels'
  | 'google-forms'
  | 'microsoft-forms'
  | 'spss'
  | 'stata';

/** What a record's position is called in messages: a text line, a sheet row, an SPSS case, a Stata observation. */
export type RecordUnit = 'line' | 'row' | 'case' | 'observation';

export interface ColumnMeta {
  /** The question wording: a variable label, a platform's question-text header row, a REDCap field label. */
  label: string | null;
  /** Value labels: the cell text of a code (as the rows carry it, e.g. "1") → its label. */
  valueLabels: Map<string, string> | null;
  /** Cell texts the file declares missing (SPSS user-missing values; a range is given as its bounds in `userMissingRange`). */
  userMissing: string[];
  /** An SPSS user-missing range [low, high], or null. */
  userMissingRange: [number, number] | null;
}

export function emptyMeta(): ColumnMeta {
  return { label: null, valueLabels: null, userMissing: [], userMissingRange: null };
}

export interface TableHeader {
  /** The name the source is shown by in messages. */
  file: string;
  format: InputFormat;
  layout: InputLayout;
  columns: string[];
  /** Parallel to `columns`. */
  meta: ColumnMeta[];
  /** Rows of the file before the data that are not respondents (1 for a plain CSV, 3 for Qualtrics, 0 for .sav). */
  headerRows: number;
  unit: RecordUnit;
  /** The platform's respondent id column, when it has one (ResponseId, Respondent ID, record_id). */
  idColumn: string | null;
  /** Platform metadata columns (dates, IP, duration, progress, `*_complete`...): never items, groups or prevalence in a draft. */
  metadataColumns: string[];
  /** Rows the platform's conventions drop by default (Qualtrics previews, tests, spam). */
  rules: RowRule[];
  /**
   * The variable the file itself weights its cases by (an SPSS file saved under `WEIGHT BY`).
   * survey-analyze does not weight: the analysis warns that it was not applied.
   */
  weightColumn?: string | null;
}

/** The header of a plain CSV: one row of column names, nothing else known of them. */
export function plainHeader(columns: string[], file: string): TableHeader {
  return { file, format: 'csv', layout: 'csv', columns, meta: columns.map(emptyMeta), headerRows: 1, unit: 'line', idColumn: null, metadataColumns: [], rules: [] };
}
