/**
 * A neutral table as aligned plain-text lines for the terminal: text columns left-aligned,
 * figures right-aligned, a rule under the header, two spaces between columns. Rows of a group
 * (a `group` column) sit under a heading line. Colour, if any, comes from the paint
 * passed in and is applied after alignment, so widths never count escape codes.
 */
import type { Paint } from './paint.js';
import type { ReportTable } from './table-model.js';
import { humanCell } from './format-cell.js';
import { escapeControls } from '../quote-value.js';

export const NULL_MARK = '—';

export interface TextTableOptions {
  digits: number;
  chalk: Paint;
  indent: string;
  /** Colour for one cell (after alignment), e.g. to flag an item; undefined leaves it plain. */
  highlight?: (row: number, column: number) => 'warn' | 'bad' | undefined;
}

export function textTable(table: ReportTable, options: TextTableOptions): string[] {
  const { digits, chalk, indent } = options;
  const groupAt = table.columns.findIndex((c) => c.group === true);
  const shown = table.columns.map((_, j) => j).filter((j) => j !== groupAt);
  const cells = table.rows.map((row) => shown.map((j) => terminalSafe(humanCell(row[j], table.columns[j], digits, NULL_MARK))));
  const titles = shown.map((j) => terminalSafe(table.columns[j].title));
  const widths = shown.map((_, s) => Math.max(width(titles[s]), ...cells.map((row) => width(row[s]))));
  const left = shown.map((j) => table.columns[j].kind === 'text');
  const last = shown.length - 1;
  const pad = (textValue: string, s: number): string => {
    const fill = ' '.repeat(widths[s] - width(textValue));
    if (!left[s]) return fill + textValue;
    return s === last ? textValue : textValue + fill;
  };
  const join = (parts: string[]): string => `${indent}${parts.join('  ')}`.trimEnd();
  const lines = [join(titles.map((t, s) => chalk.bold(pad(t, s)))), join(widths.map((w) => chalk.dim('─'.repeat(w))))];
  table.rows.forEach((row, i) => {
    if (groupAt >= 0 && (i === 0 || table.rows[i - 1][groupAt] !== row[groupAt])) {
      lines.push(`${indent}${chalk.italic(terminalSafe(humanCell(row[groupAt], table.columns[groupAt], digits, NULL_MARK)))}`);
    }
    const parts = cells[i].map((value, s) => {
      const padded = pad(value, s);
      if (value === NULL_MARK) return chalk.dim(padded);
      const mark = options.highlight?.(i, shown[s]);
      return mark === 'bad' ? chalk.red(padded) : mark === 'warn' ? chalk.yellow(padded) : padded;
    });
    lines.push(join(parts));
  });
  return lines;
}

/** Terminal columns a string takes: one per code point (labels are expected to be narrow). */
export function width(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * Control characters (C0, DEL, C1) and bidi overrides from the data (an escape sequence in a label
 * could restyle or rewrite the terminal; U+202E could show a label backwards) are shown as `\xNN`
 * or `\uNNNN` instead.
 */
export function terminalSafe(value: string): string {
  return escapeControls(value);
}
