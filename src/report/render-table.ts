/**
 * The terminal report (`--format table`, the default): per scale a summary in words
 * ("Cronbach's alpha 0.930, 95% CI [0.922, 0.938]") with its score summary, and its item
 * table in the manner of SPSS "Item-Total Statistics"; then correlations, prevalence (paper style
 * `86.8% (n=679)` with its interval and `679/782`), group comparisons, and the warnings, which
 * belong to the report on stdout as well as to stderr; last, each scale's response frequencies.
 * Colour only when a colour `paint` is given: an item whose deletion would raise alpha is yellow
 * and marked `↑` (the mark stays without colour), a negative item-rest r red; a legend under the
 * table says so. Everything fits `width` columns (the terminal's, `terminal-width.ts`; 80 when
 * not known): tables wrap their headings or split into parts (text-table.ts), notes and
 * warnings wrap at word boundaries.
 */
import { PLAIN, type Paint } from './paint.js';
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables, WORDING_COLUMN } from './report-tables.js';
import { humanCellByName } from './format-cell.js';
import { ciTitle, coefficientShortName } from './method-names.js';
import { reportMeta } from './report-meta.js';
import { NULL_MARK, terminalSafe, textTable } from './text-table.js';
import { formatFixed } from './format-number.js';
import { COEFFICIENT_MIN_DIGITS } from './format-cell.js';

const INDENT = '  ';
/** The default width: a terminal's when it says nothing. */
export const DEFAULT_WIDTH = 80;
/** Prose (notes, warnings) wraps within this many columns even on a wider terminal, to stay readable. */
const PROSE_WIDTH = 100;
/** The fewest columns laid out for: narrower terminals get this and wrap. */
const MIN_WIDTH = 40;
/** The mark after an alpha-if-deleted figure above the scale's alpha. */
export const RAISES_MARK = '↑';

export function renderTable(report: Report, digits: number, paint: Paint, terminalWidth: number = DEFAULT_WIDTH): string {
  const chalk = paint;
  const width = Math.max(MIN_WIDTH, Math.floor(Number.isFinite(terminalWidth) ? terminalWidth : DEFAULT_WIDTH));
  const prose = Math.min(width, PROSE_WIDTH);
  const notes = (table: ReportTable): string[] => noteLines(table.notes, chalk, prose);
  const grid = (table: ReportTable): string[] => textTable(table, { digits, chalk, indent: INDENT, width });
  const tables = humanTables(report);
  const byFamily = (family: string): ReportTable[] => tables.filter((t) => t.family === family);
  const reliability = byFamily('reliability')[0];
  const scores = byFamily('scores')[0];
  const meta = reportMeta(report);
  const blocks: string[][] = [
    [
      ...wrap(terminalSafe(meta.title), width).map((line) => chalk.bold(line)),
      ...[meta.source, meta.settings].flatMap((parts) => joinWithin(parts.map(terminalSafe), ' · ', prose).map((line) => chalk.dim(line))),
    ],
  ];
  const rows = byFamily('rows')[0];
  const title = (table: ReportTable): string[] => wrap(terminalSafe(table.title), width).map((line) => chalk.bold(line));
  blocks.push([...title(rows), ...grid(rows), ...notes(rows)]);
  report.scales.forEach((scale, s) => {
    const value = (table: ReportTable, name: string): string => humanCellByName(table, s, name, digits, NULL_MARK);
    const items = withoutWording(byFamily('items').find((t) => t.scale === scale.id));
    const omega = byFamily('omega').find((t) => t.scale === scale.id);
    const block = [
      ...headingLines(terminalSafe(scale.label), terminalSafe(`(${scale.id}) · ${scale.k} items · n = ${scale.n}`), chalk, width),
      ...figureLines([`${value(reliability, 'coefficient')} ${value(reliability, 'alpha')},`, `${ciTitle(report)} ${value(reliability, 'ci')}`], width, ' ').map(
        (line, i) => (i === 0 ? line.replace(` ${value(reliability, 'alpha')}`, ` ${chalk.bold(value(reliability, 'alpha'))}`) : line),
      ),
      ...figureLines(
        [
          `standardized ${value(reliability, 'standardized_alpha')}`,
          `average r ${value(reliability, 'average_r')}`,
          `lambda-6 ${value(reliability, 'lambda6')}`,
          `omega ${value(reliability, 'omega_total')}`,
          `λ4 ${value(reliability, 'lambda4')}`,
          `β ${value(reliability, 'beta')}`,
          ...(has(reliability, 'omega_h') ? [`glb ${value(reliability, 'glb')}`] : []),
        ],
        width,
      ),
    ];
    if (scale.splitHalf !== null) {
      block.push(...figureLines([`split-half r ${value(reliability, 'split_half_r')}`, `Spearman-Brown ${value(reliability, 'spearman_brown')}`], width));
    }
    if (has(reliability, 'omega_h')) {
      const ci = value(reliability, 'omega_sl_ci');
      const plural = (count: string, noun: string): string => `${count} ${noun}${count === '1' ? '' : 's'}`;
      block.push(
        ...figureLines(
          [
            `omega h ${value(reliability, 'omega_h')} (omega total ${value(reliability, 'omega_sl')}${ci === NULL_MARK ? '' : ` ${ci}`})`,
            `parallel: ${plural(value(reliability, 'parallel_components'), 'component')}, ${plural(value(reliability, 'parallel_factors'), 'factor')}`,
            `MAP ${value(reliability, 'map_minimum')}`,
          ],
          width,
        ),
      );
    }
    if (has(reliability, 'ordinal_alpha')) {
      block.push(
        ...figureLines(
          [`ordinal alpha ${value(reliability, 'ordinal_alpha')}`, `ordinal omega ${value(reliability, 'ordinal_omega')} (${scale.ordinal?.kind ?? 'polychoric'})`],
          width,
        ),
      );
    }
    block.push(
      ...figureLines(
        [
          `score (${value(scores, 'method')}): n ${value(scores, 'n')}`,
          `mean ${value(scores, 'mean')}`,
          `SD ${value(scores, 'sd')}`,
          `min ${value(scores, 'min')}`,
          `max ${value(scores, 'max')}`,
        ],
        width,
      ),
    );
    if (items !== undefined && items.rows.length > 0) {
      const raises = (row: number): boolean => {
        const item = scale.items[row];
        return item.alphaIfDeleted !== null && scale.alpha !== null && item.alphaIfDeleted > scale.alpha;
      };
      const negative = (row: number): boolean => {
        const r = scale.items[row].itemRestR;
        return r !== null && r < 0;
      };
      const highlight = (row: number, column: number): 'warn' | 'bad' | undefined => {
        const name = items.columns[column].name;
        if (name === 'alpha_if_deleted' && raises(row)) return 'warn';
        if (name === 'item_rest_r' && negative(row)) return 'bad';
        return undefined;
      };
      const marker = (row: number, column: number): string | undefined =>
        items.columns[column].name === 'alpha_if_deleted' && raises(row) ? RAISES_MARK : undefined;
      const short = coefficientShortName(scale.coefficient);
      const name = short === 'Alpha' ? 'alpha' : short;
      const alpha = formatFixed(scale.alpha, Math.max(digits, COEFFICIENT_MIN_DIGITS)) ?? NULL_MARK;
      // The legend of the marks, in the marks' colours (the same text without colour).
      const legend = [
        ...(scale.items.some((_, i) => raises(i))
          ? legendLines(RAISES_MARK, `: the scale's ${name} (${alpha}) would be higher without the item.`, chalk.yellow, prose)
          : []),
        ...(scale.items.some((_, i) => negative(i))
          ? legendLines('Negative item-rest r', ': the item runs against the others (is it reverse-keyed?).', chalk.red, prose)
          : []),
      ];
      block.push('', ...textTable(items, { digits, chalk, indent: INDENT, width, highlight, marker }), ...legend, ...notes(items));
    }
    if (omega !== undefined && omega.rows.length > 0) block.push('', ...title(omega), ...grid(omega), ...notes(omega));
    blocks.push(block);
  });
  for (const family of ['correlations', 'prevalence', 'group-comparisons', 'frequencies']) {
    for (const table of byFamily(family)) {
      if (table.rows.length === 0) continue;
      blocks.push([...title(table), ...grid(table), ...notes(table)]);
    }
  }
  if (report.warnings.length > 0) {
    blocks.push([
      chalk.bold(`Warnings (${report.warnings.length})`),
      ...report.warnings.flatMap((w) => {
        const code = `[${terminalSafe(w.code)}]`;
        const lines = wrap(`${terminalSafe(w.message)} ${code}`, prose - 6);
        const end = lines.length - 1;
        if (lines[end].endsWith(code)) lines[end] = lines[end].slice(0, -code.length) + chalk.dim(code);
        return lines.map((line, i) => `${INDENT}${i === 0 ? chalk.yellow('!') : ' '} ${line}`);
      }),
    ]);
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Whether the table has a column `name` (the reliability table's columns beyond alpha are there only when computed). */
function has(table: ReportTable, name: string): boolean {
  return table.columns.some((c) => c.name === name);
}

/**
 * An items table without its wording column, the wording as a note instead (the first note,
 * `Wording: id "text"; ...`): the terminal's items table must fit 80 columns.
 */
function withoutWording(table: ReportTable | undefined): ReportTable | undefined {
  if (table === undefined) return undefined;
  const at = table.columns.findIndex((c) => c.name === WORDING_COLUMN);
  if (at < 0) return table;
  const id = table.columns.findIndex((c) => c.name === 'item');
  const worded = table.rows.filter((row) => row[at] !== '' && row[at] !== null).map((row) => `${String(row[id])} "${String(row[at])}"`);
  const wording = worded.length > 0 ? `Wording: ${worded.join('; ')}.` : '';
  return {
    ...table,
    columns: table.columns.filter((_, j) => j !== at),
    rows: table.rows.map((row) => row.filter((_, j) => j !== at)),
    // After the note on reverse-keyed items, as the other formats list their notes.
    notes: table.notes.flatMap((note, k) => (k === 0 && !note.startsWith('R: ') ? [wording, note] : k === 0 ? [note, wording] : [note])).filter((n) => n !== ''),
  };
}

/**
 * One table alone, as `--out` writes it (`.txt`, no colour). A file is not a terminal: its
 * tables keep their one-line headings and all their columns unless a `width` is given.
 */
export function renderTextTable(table: ReportTable, digits: number, width = Number.POSITIVE_INFINITY): string {
  const chalk = PLAIN;
  const body = table.rows.length === 0 ? [`${INDENT}No rows.`] : textTable(table, { digits, chalk, indent: INDENT, width });
  return `${[terminalSafe(table.title), ...body, ...noteLines(table.notes, chalk, Math.min(width, PROSE_WIDTH))].join('\n')}\n`;
}

function noteLines(notes: string[], chalk: Paint, width: number): string[] {
  return notes.flatMap((note) => wrap(terminalSafe(note), width - INDENT.length).map((line) => chalk.dim(`${INDENT}${line}`)));
}

/** A legend note: `mark` in its colour, then the text, wrapped like a note. */
function legendLines(mark: string, text: string, colour: (text: string) => string, width: number): string[] {
  const lines = wrap(`${terminalSafe(mark)}${text}`, width - INDENT.length);
  return lines.map((line, i) => (i === 0 ? `${INDENT}${colour(line.slice(0, mark.length))}${line.slice(mark.length)}` : `${INDENT}${line}`));
}

/** The figures of a summary line, indented, in as many lines as `width` needs. */
function figureLines(parts: string[], width: number, separator = ' · '): string[] {
  return joinWithin(parts, separator, width - INDENT.length).map((line) => `${INDENT}${line}`);
}

/** A scale's heading, `label` in bold and `detail` dim, wrapped within `width`. */
function headingLines(label: string, detail: string, chalk: Paint, width: number): string[] {
  const lines = wrap(`${label} ${detail}`, width);
  const first = lines[0];
  if (!first.startsWith(`${label} `) && first !== label) return lines.map((line) => chalk.bold(line));
  return lines.map((line, i) => (i === 0 ? `${chalk.bold(label)}${chalk.dim(line.slice(label.length))}` : chalk.dim(line)));
}

/** Parts joined by `separator` into lines of at most `limit` characters where they fit. */
function joinWithin(parts: string[], separator: string, limit: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const line = lines.at(-1);
    if (line !== undefined && [...line].length + separator.length + [...part].length <= limit) lines[lines.length - 1] = line + separator + part;
    else lines.push(part);
  }
  return lines;
}

/** Words to lines of at most `limit` characters (a longer word keeps its own line). */
export function wrap(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
