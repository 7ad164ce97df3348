/**
 * A neutral table as aligned plain-text lines for the terminal: text columns left-aligned,
 * figures right-aligned, a rule under the header, two spaces between columns. Rows of a group
 * (a `group` column) sit under a heading line. Colour, if any, comes from the paint
 * passed in and is applied after alignment, so widths never count escape codes.
 *
 * The table fits `width` columns (the terminal's): when it is wider, headings wrap onto two
 * lines (then three) at spaces and after a hyphen before a letter (`Item-` / `total r`); then
 * the widest text column wraps its cells at word boundaries (a row takes two lines), down to
 * 16 columns at the least; a table still too wide is cut into parts of columns,
 * each repeating the first column (the row's name). Composite figures (`86.8% (n=679)`, `[0.922, 0.938]`) align on the decimal point of
 * their first number, so `9.5%` sits under `86.8%`.
 */
import type { Paint } from './paint.js';
import type { Kind, ReportTable } from './table-model.js';
import { humanCell } from './format-cell.js';
import { escapeControls } from '../quote-value.js';

export const NULL_MARK = '—';

export interface TextTableOptions {
  digits: number;
  chalk: Paint;
  indent: string;
  /** The widest a line may be, indent included (the terminal's width); Infinity: no limit. */
  width?: number;
  /** Colour for one cell (after alignment), e.g. to flag an item; undefined leaves it plain. */
  highlight?: (row: number, column: number) => 'warn' | 'bad' | undefined;
  /**
   * A visible mark after one cell's figure (`0.676↑`), so what colour says is there without
   * colour too; the column's other figures keep their place.
   */
  marker?: (row: number, column: number) => string | undefined;
}

/** Kinds aligned on the decimal point of their first number rather than on their last character. */
const DECIMAL_ALIGNED: ReadonlySet<Kind> = new Set(['percent-count', 'percent-interval', 'interval', 'r-n']);

const GAP = 2;

interface Layout {
  /** Table columns shown, by index into table.columns. */
  shown: number[];
  /** Cell texts as lines, aligned within each column's content (not yet padded to the column width). */
  cells: string[][][];
  /** Each shown column's heading, as lines. */
  titles: string[][];
  widths: number[];
  left: boolean[];
}

export function textTable(table: ReportTable, options: TextTableOptions): string[] {
  const { digits, chalk, indent } = options;
  const limit = (options.width ?? Number.POSITIVE_INFINITY) - width(indent);
  const groupAt = table.columns.findIndex((c) => c.group === true);
  const shown = table.columns.map((_, j) => j).filter((j) => j !== groupAt);
  const left = shown.map((j) => table.columns[j].kind === 'text');
  const raw = table.rows.map((row) => shown.map((j) => terminalSafe(humanCell(row[j], table.columns[j], digits, NULL_MARK))));
  const marks = table.rows.map((_, i) => shown.map((j) => options.marker?.(i, j)));
  const cells = shown.map((j, s) => alignColumn(raw.map((row) => row[s]), marks.map((row) => row[s]), DECIMAL_ALIGNED.has(table.columns[j].kind)));
  const byRow = table.rows.map((_, i) => cells.map((column) => column[i]));
  const content = cells.map((column) => Math.max(0, ...column.map(width)));
  const titleTexts = shown.map((j) => terminalSafe(table.columns[j].title));
  const layout = (lines: number): Layout => {
    const titles = titleTexts.map((title, s) => wrapTitle(title, content[s], lines));
    const widths = titles.map((t, s) => Math.max(content[s], ...t.map(width)));
    return { shown, cells: byRow.map((row) => row.map((text) => [text])), titles, widths, left };
  };
  const total = (l: Layout): number => l.widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, l.widths.length - 1);
  let chosen = layout(1);
  for (const lines of [2, 3]) {
    if (total(chosen) <= limit) break;
    chosen = layout(lines);
  }
  let parts = [shown.map((_, s) => s)];
  if (total(chosen) > limit) {
    const wrapped = wrapTextColumn(chosen, total(chosen) - limit);
    if (total(wrapped) <= limit) chosen = wrapped;
    else if (shown.length > 1) {
      parts = splitColumns(chosen.widths, limit, left[0]);
      // A part still too wide (its row names and one column): wrap the text as far as it goes.
      if (parts.some((part) => part.reduce((sum, s) => sum + chosen.widths[s] + GAP, -GAP) > limit)) {
        chosen = wrapped;
        parts = splitColumns(chosen.widths, limit, left[0]);
      }
    }
  }
  const out: string[] = [];
  parts.forEach((part, p) => {
    if (p > 0) out.push('');
    out.push(...renderPart(table, chosen, part, groupAt, options));
  });
  return out;
}

/** One part of the columns (indices into the shown columns) as lines. */
function renderPart(table: ReportTable, l: Layout, part: number[], groupAt: number, options: TextTableOptions): string[] {
  const { chalk, indent, digits } = options;
  const last = part.at(-1);
  const pad = (text: string, s: number): string => {
    const fill = ' '.repeat(Math.max(0, l.widths[s] - width(text)));
    if (!l.left[s]) return fill + text;
    return s === last ? text : text + fill;
  };
  const join = (parts: string[]): string => `${indent}${parts.join(' '.repeat(GAP))}`.trimEnd();
  const height = Math.max(...part.map((s) => l.titles[s].length));
  const lines: string[] = [];
  for (let h = 0; h < height; h++) {
    // Headings sit on the rule: a shorter heading's lines are the bottom ones.
    lines.push(join(part.map((s) => paintInside(pad(l.titles[s][h - (height - l.titles[s].length)] ?? '', s), chalk.bold))));
  }
  lines.push(join(part.map((s) => chalk.dim('─'.repeat(l.widths[s])))));
  table.rows.forEach((row, i) => {
    if (groupAt >= 0 && (i === 0 || table.rows[i - 1][groupAt] !== row[groupAt])) {
      const heading = terminalSafe(humanCell(row[groupAt], table.columns[groupAt], digits, NULL_MARK));
      const room = (options.width ?? Number.POSITIVE_INFINITY) - width(indent);
      for (const line of wrapWords(heading, room)) lines.push(`${indent}${chalk.italic(line)}`);
    }
    const rowHeight = Math.max(...part.map((s) => l.cells[i][s].length));
    for (let h = 0; h < rowHeight; h++) {
      const parts = part.map((s) => {
        const value = l.cells[i][s][h] ?? '';
        const padded = pad(value, s);
        if (value.trim() === NULL_MARK) return paintInside(padded, chalk.dim);
        const mark = value === '' ? undefined : options.highlight?.(i, l.shown[s]);
        return mark === 'bad' ? paintInside(padded, chalk.red) : mark === 'warn' ? paintInside(padded, chalk.yellow) : padded;
      });
      lines.push(join(parts));
    }
  });
  return lines;
}

/** A padded text painted without its padding, so a line's trailing blanks stay trimmable. */
function paintInside(text: string, paint: (text: string) => string): string {
  const core = text.trim();
  if (core === '') return text;
  const start = text.indexOf(core);
  return text.slice(0, start) + paint(core) + text.slice(start + core.length);
}

/** The narrowest a text column is wrapped to. */
const MIN_WRAPPED = 16;

/**
 * The layout with its widest text column `over` columns narrower, its cells wrapped at word
 * boundaries, but never under MIN_WRAPPED, its longest word or its heading lines.
 */
function wrapTextColumn(l: Layout, over: number): Layout {
  const candidates = l.left.map((isText, s) => (isText ? s : -1)).filter((s) => s >= 0);
  if (candidates.length === 0 || l.widths.length < 2) return l;
  const s = candidates.reduce((a, b) => (l.widths[b] > l.widths[a] ? b : a));
  const words = l.cells.flatMap((row) => row[s][0].split(/\s+/)).map(width);
  // As narrow as the table needs, or as narrow as the column may be (the parts then need fewer columns cut).
  const target = Math.max(l.widths[s] - over, MIN_WRAPPED, ...words.map((w) => w + 2), ...l.titles[s].map(width));
  if (target >= l.widths[s]) return l;
  const widths = [...l.widths];
  widths[s] = target;
  const cells = l.cells.map((row) => row.map((lines, c) => (c === s ? wrapWords(lines[0], target) : lines)));
  return { ...l, widths, cells };
}

/**
 * Words into lines of at most `limit` columns (a longer word keeps its own line); the lines after
 * the first are indented by two spaces, so a wrapped cell reads as one.
 */
function wrapWords(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.trim().length > 0 && width(line) + 1 + width(word) > limit) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/**
 * A column's cells with their marks, aligned among themselves: a mark follows its figure and the
 * unmarked figures leave its room blank; decimal-aligned kinds line up the end of the first
 * number's whole part (the decimal point), the rest of each text left-aligned after it.
 */
function alignColumn(texts: string[], marks: (string | undefined)[], decimal: boolean): string[] {
  const markWidth = Math.max(0, ...marks.map((m) => (m === undefined ? 0 : width(m))));
  const marked = texts.map((text, i) => (markWidth === 0 ? text : text + (marks[i] ?? '').padEnd(markWidth)));
  if (!decimal) return marked;
  const split = marked.map((text) => {
    const m = /^[^\d]*?\d+/.exec(text);
    return m === null || text.trim() === NULL_MARK ? null : { head: m[0], tail: text.slice(m[0].length) };
  });
  const headWidth = Math.max(0, ...split.map((s) => (s === null ? 0 : width(s.head))));
  const tailWidth = Math.max(0, ...split.map((s) => (s === null ? 0 : width(s.tail))));
  return marked.map((text, i) => {
    const s = split[i];
    if (s === null) return text;
    return ' '.repeat(headWidth - width(s.head)) + s.head + s.tail + ' '.repeat(tailWidth - width(s.tail));
  });
}

/**
 * A heading in at most `lines` lines, as narrow as it can be but never narrower than the
 * column's figures need; it breaks at spaces and after a hyphen before a letter.
 */
export function wrapTitle(title: string, room: number, lines: number): string[] {
  if (lines <= 1 || width(title) <= room) return [title];
  // Pieces that may end a line: words, and a hyphenated word's parts (`Item-`, `total`).
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of title.split(' ').filter((w) => w.length > 0)) {
    const parts = word.split(/(?<=-)(?=\p{L})/u);
    parts.forEach((part, k) => pieces.push({ text: part, space: k === parts.length - 1 }));
  }
  const joinPieces = (from: number, to: number): string => {
    let text = '';
    for (let k = from; k < to; k++) text += pieces[k].text + (k < to - 1 && pieces[k].space ? ' ' : '');
    return text;
  };
  const longest = Math.max(...pieces.map((p) => width(p.text)));
  for (let w = Math.max(room, longest); w < width(title); w++) {
    const result: string[] = [];
    let from = 0;
    for (let k = 1; k <= pieces.length; k++) {
      if (k === pieces.length || width(joinPieces(from, k + 1)) > w) {
        result.push(joinPieces(from, k));
        from = k;
      }
    }
    if (result.length <= lines) return result;
  }
  return [title];
}

/**
 * Shown columns (by position) cut into parts that fit `limit`; when the first column names the
 * rows (a text column) every part repeats it.
 */
function splitColumns(widths: number[], limit: number, repeatFirst: boolean): number[][] {
  const parts: number[][] = [];
  const base = repeatFirst ? [0] : [];
  const start = repeatFirst ? 1 : 0;
  let part = [...base];
  let used = repeatFirst ? widths[0] : -GAP;
  for (let s = start; s < widths.length; s++) {
    const extra = GAP + widths[s];
    if (part.length > base.length && used + extra > limit) {
      parts.push(part);
      part = [...base];
      used = repeatFirst ? widths[0] : -GAP;
    }
    part.push(s);
    used += extra;
  }
  parts.push(part);
  return parts;
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
