import type { InputLayout } from '../table-header.js';

/**
 * A rule that keeps or drops rows before coding: from the codebook (`include`, `exclude`)
 * or a platform's default (Qualtrics' survey previews, test responses and spam). Values compare
 * as a prevalence's `positive` does: trimmed text case-insensitively, or as a number.
 */
export interface RowRule {
  /** What the row accounting calls the rows it drops, e.g. "survey previews (Status)". */
  label: string;
  /** `include`: a row is kept only if the column holds one of the values; `exclude`: dropped if it does. */
  kind: 'include' | 'exclude';
  column: string;
  values: (string | number)[];
  /** `platform` rules are dropped with --keep-previews; `codebook` rules always apply. */
  source: 'platform' | 'codebook';
}

/** What a layout detector reads off the first records of an export. */
export interface LayoutResult {
  layout: InputLayout;
  /** How many of the leading records are header rows (1 for a one-header CSV, 3 for Qualtrics). */
  headerRows: number;
  /** Column names, one per field: unique, trimmed, stable (a codebook names them). */
  columns: string[];
  /** Per column, the question wording the headers give, or null. */
  labels: (string | null)[];
  /** The platform's respondent id column (ResponseId, Respondent ID, record_id), or null. */
  idColumn: string | null;
  /** Platform metadata columns (dates, IP, duration, progress, email, `*_complete`, ...). */
  metadataColumns: string[];
  /** Rows the platform's own conventions drop by default (kept with --keep-previews). */
  rules: RowRule[];
}

/**
 * A detector looks at the raw records (fields untrimmed, as parsed) of the header row and up
 * to LOOKAHEAD_RECORDS - 1 rows after it. It returns null when the records are not its layout.
 * With `forced` (the user chose the layout with --input-format), it throws a located
 * dataError that says why the file is not that layout instead of returning null.
 */
export type LayoutDetector = (records: string[][], place: { file: string; firstLine: number; forced: boolean }) => LayoutResult | null;

/** How many records (the header row included) a detector may see. */
export const LOOKAHEAD_RECORDS = 6;
