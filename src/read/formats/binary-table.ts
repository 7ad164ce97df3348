import type { ColumnMeta } from '../table-header.js';

/**
 * A statistics package's data file (.sav, .zsav, .dta) as the readers in this folder give it:
 * its variables with their metadata, then its records as rows of cell texts, in batches.
 *
 * Cells are text, as a CSV export of the same file would hold them: a number in the shortest
 * form that reads back to the same double (`String(x)`: "3", "2.5", "-99"), a string with its
 * trailing blanks removed, a date or time as ISO 8601 ("2024-03-01", "2024-03-01 10:22:33"),
 * and a missing value (system-missing, Stata's `.` and `.a`-`.z`, and user-missing values
 * unless `keepUserMissing`) as "". Value-label keys are written the same way as the cells.
 */
export interface BinaryTable {
  format: 'sav' | 'zsav' | 'dta';
  /** Variable names, in file order. */
  columns: string[];
  /** Parallel to `columns`. */
  meta: ColumnMeta[];
  /** The number of records the file says it holds, or null when it does not say. */
  records: number | null;
  /**
   * The variable the file says to weight the cases by (SPSS `WEIGHT BY`, kept in the .sav
   * header), or null. Stata keeps no weight in a .dta (weights belong to each command).
   */
  weight: string | null;
  /**
   * Read the records in order; `onRows` gets each batch and the 1-based number of its first
   * record. A truncated or corrupt file throws a SurveyError (dataError) naming the file and,
   * where known, the record.
   */
  readRows(onRows: (rows: string[][], firstRecord: number) => void): void;
}

export interface BinaryReadOptions {
  /** Keep SPSS user-missing values as their codes instead of making them missing. */
  keepUserMissing: boolean;
  /** Records per batch (default 4096). */
  batchRecords?: number;
}
