/**
 * The neutral table every tabular format renders: a name (the `--out` file stem), a title,
 * typed columns and rows of raw values. Tables hold the Report's numbers unrounded; how a
 * cell is written (digits, percent, null mark, escaping) is the renderer's business, through
 * `format-cell.ts`, so every format shows the same figure.
 *
 * There are two views of the same Report: `machine` tables (one value per cell, snake_case
 * column names; csv, tsv, json files) and `human` tables (paper-style composite cells such
 * as `86.8% (n=679)`; table, markdown, latex, html).
 */

/** How a column's cells are written. */
export type Kind =
  /** string */
  | 'text'
  /** integer count */
  | 'count'
  /** statistic with `digits` decimals */
  | 'number'
  /** p-value */
  | 'p-value'
  /** a setting such as a confidence level: the number as it is, never rounded */
  | 'exact'
  /** proportion with `digits` decimals (machine view) */
  | 'proportion'
  /** boolean: `true`/`false` for machines, the column's `mark` or nothing for people */
  | 'flag'
  /** {lower, upper}: `[0.922, 0.938]` */
  | 'interval'
  /** {lower, upper} proportions: `[84.3, 89.0]` */
  | 'percent-interval'
  /** {proportion, count}: `86.8% (n=679)` */
  | 'percent-count'
  /** {count, n}: `679/782` */
  | 'fraction'
  /** {r, n}: `0.251 (782)`; an empty string is a blank cell (the matrix's upper triangle) */
  | 'r-n';

export interface IntervalCell {
  lower: number | null;
  upper: number | null;
}
export interface PercentCountCell {
  proportion: number | null;
  count: number;
}
export interface FractionCell {
  count: number;
  n: number;
}
export interface CorrelationCell {
  r: number | null;
  n: number;
}

export type Cell = string | number | boolean | null | IntervalCell | PercentCountCell | FractionCell | CorrelationCell;

export interface Column {
  /** snake_case: the csv header and json key in the machine view. */
  name: string;
  /** What people read as the column heading. */
  title: string;
  kind: Kind;
  /** Text shown for `true` in a `flag` column of the human view. */
  mark?: string;
  /** Machine view, long format: this text column names a row (scale, item, group...). */
  key?: LongKey;
  /** Machine view, long format: the text column whose value qualifies this statistic (its method). */
  methodFrom?: string;
  /**
   * Human view: rows sharing this column's value form a group; table, html and latex show the
   * value once as a heading row above the group, markdown on the group's first row.
   */
  group?: boolean;
}

/** The identity columns of the long format. */
export type LongKey = 'id' | 'item' | 'with' | 'group_column' | 'group_value';

export interface ReportTable {
  /** The file stem under `--out`: `reliability`, `items-<scale>`, `prevalence`, ... */
  name: string;
  /** What the table holds, whatever its scale: `reliability`, `items`, `scores`, ... */
  family: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Sentences printed under the table: methods, abbreviations, rows left out. */
  notes: string[];
  /** The scale an items table describes. */
  scale?: string;
}
