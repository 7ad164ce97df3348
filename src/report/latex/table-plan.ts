/**
 * How a table is laid out in LaTeX so that it fits the page, planned from the widths of its
 * texts (`text-width.ts`), without running LaTeX:
 *
 * - every column gets its natural width; a text column wider than its cap (the first column
 *   11 em, others 8 em) is set as a ragged-right `p` column of that width and wraps;
 * - a heading wider than its figures breaks into lines at spaces;
 * - a table wider than PLANNED_WIDTH em is split into parts of columns, each repeating the
 *   first column (the row names), stacked under one caption;
 * - a table taller than FLOAT_MAX_LINES lines (rows, wrapped cells, headings and notes, all
 *   parts together) is a `longtable`, which breaks across pages and repeats its heading;
 *   a shorter one is a `table` float.
 *
 * PLANNED_WIDTH is in em of the table's `\small` type: 34 em fits the text block of the
 * standard classes (article, report, book) at 10, 11 and 12 pt on A4 or letter paper
 * (345 pt / 9.25 pt = 37 em at 10 pt; 390 pt / 10.95 pt = 35.6 em at 12 pt), and any wider one.
 */
import type { ReportTable } from '../table-model.js';
import { headingSegments, segmentsText, type Style } from '../apa-style.js';
import { breakLines, textWidth, widestWord } from './text-width.js';

/** The widest a table may be, in em of its type. */
export const PLANNED_WIDTH = 34;
/** `\tabcolsep` of the tables, in em: columns are at least twice that apart. */
export const COLUMN_SEP = 0.4;
/** The tallest table that is a float; taller ones are longtables. */
export const FLOAT_MAX_LINES = 28;
const FIRST_CAP = 11;
const TEXT_CAP = 8;
/** A heading may take this width before it breaks, even over narrow figures. */
const HEADING_MIN = 4.5;
/** Note lines are `\footnotesize`: about 0.8 of the table's type. */
const NOTE_SCALE = 0.8;

export interface ColumnPlan {
  /** Index into `table.columns`. */
  index: number;
  /** Width in em: of the widest cell or heading line, or of the `p` column. */
  width: number;
  /** `l`, `c`, `r`, or a `p` width in em for a wrapping text column. */
  align: 'l' | 'c' | 'r' | { wrap: number };
  /** The heading, broken into lines. */
  heading: string[];
}

export interface TablePlan {
  /** The shown columns (the group column is shown as heading rows, not as a column). */
  columns: ColumnPlan[];
  /** Each part: positions into `columns`; part 0 starts with the first column, as every part does. */
  parts: number[][];
  /** The index of the group column in `table.columns`, or -1. */
  groupAt: number;
  long: boolean;
}

/**
 * `texts[i][j]`: the human text of row i, column j (every column of the table); `maxWidth`:
 * the widest a part may be, in em (docx plans for its wider page).
 */
export function planTable(table: ReportTable, texts: string[][], style: Style, maxWidth = PLANNED_WIDTH): TablePlan {
  const groupAt = table.columns.findIndex((c) => c.group === true);
  const shown = table.columns.map((_, j) => j).filter((j) => j !== groupAt);
  // Text columns wrap only when the table would not fit with them at their natural width.
  const natural = shown.map((j, position) => planColumn(table, texts, j, style, Infinity, position));
  const fits = partWidth(natural.map((c) => c.width)) <= maxWidth;
  const columns = fits ? natural : shown.map((j, position) => planColumn(table, texts, j, style, position === 0 ? FIRST_CAP : TEXT_CAP, position));
  const parts = splitColumns(columns.map((c) => c.width), maxWidth);
  return { columns, parts, groupAt, long: height(table, texts, columns, parts, groupAt) > FLOAT_MAX_LINES };
}

/** Column j: its cells' width, its heading lines; a text column wider than `cap` em wraps. */
function planColumn(table: ReportTable, texts: string[][], j: number, style: Style, cap: number, position: number): ColumnPlan {
  const column = table.columns[j];
  const figure = column.kind !== 'text';
  const cells = texts.map((row) => row[j]);
  const natural = Math.max(0, ...cells.map((text) => textWidth(text, figure)));
  const title = segmentsText(headingSegments(column.title, style));
  let width = natural;
  let align: ColumnPlan['align'] = column.kind === 'text' ? 'l' : column.kind === 'flag' ? 'c' : 'r';
  if (column.kind === 'text' && natural > cap) {
    width = Math.max(cap, widestWord(title), ...cells.map(widestWord));
    align = { wrap: width };
  }
  const heading = breakLines(title, Math.max(width, widestWord(title), position === 0 ? width : HEADING_MIN));
  width = Math.max(width, ...heading.map((line) => textWidth(line)));
  if (typeof align !== 'string') align = { wrap: width };
  return { index: j, width, align, heading };
}

/** The width of these columns side by side, in em. */
export function partWidth(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + 2 * COLUMN_SEP * Math.max(0, widths.length - 1);
}

/** Positions of columns in parts no wider than `maxWidth`, each starting with column 0. */
function splitColumns(widths: number[], maxWidth: number): number[][] {
  if (widths.length === 0) return [[]];
  const parts: number[][] = [[0]];
  for (let k = 1; k < widths.length; k++) {
    const part = parts[parts.length - 1];
    if (part.length > 1 && partWidth([...part, k].map((p) => widths[p])) > maxWidth) parts.push([0, k]);
    else part.push(k);
  }
  return parts;
}

/** The height of the table in lines of its type, every part, heading rows and notes included. */
function height(table: ReportTable, texts: string[][], columns: ColumnPlan[], parts: number[][], groupAt: number): number {
  const wrapped = (text: string, plan: ColumnPlan): number =>
    typeof plan.align === 'string' ? 1 : breakLines(text, plan.align.wrap).length;
  const groups = groupAt < 0 ? 0 : texts.filter((row, i) => i === 0 || texts[i - 1][groupAt] !== row[groupAt]).length;
  let lines = 0;
  for (const part of parts) {
    lines += 1 + Math.max(1, ...part.map((p) => columns[p].heading.length));
    lines += groups * 1.5;
    for (const row of texts) lines += Math.max(1, ...part.map((p) => wrapped(row[columns[p].index], columns[p])));
  }
  const noteWidth = table.notes.reduce((sum, note) => sum + textWidth(note) + 0.333, 0) * NOTE_SCALE;
  return lines + (table.notes.length > 0 ? Math.ceil(noteWidth / PLANNED_WIDTH) * NOTE_SCALE + 1 : 0);
}
