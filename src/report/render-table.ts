/**
 * The terminal report (`--format table`, the default): per scale a summary in words
 * ("Cronbach's alpha 0.930, 95% CI [0.922, 0.938]") with its score summary, and its item
 * table in the manner of SPSS "Item-Total Statistics"; then correlations, prevalence (paper style
 * `86.8% (n=679)` with its interval and `679/782`), group comparisons, and the warnings, which
 * belong to the report on stdout as well as to stderr. Colour only when a colour `paint` is given: an
 * item whose deletion would raise alpha is yellow, a negative item-rest r red. Tables stay
 * within about 100 columns.
 */
import { PLAIN, type Paint } from './paint.js';
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCellByName } from './format-cell.js';
import { ciTitle } from './method-names.js';
import { reportMeta } from './report-meta.js';
import { NULL_MARK, terminalSafe, textTable } from './text-table.js';

const INDENT = '  ';

export function renderTable(report: Report, digits: number, paint: Paint): string {
  const chalk = paint;
  const tables = humanTables(report);
  const byFamily = (family: string): ReportTable[] => tables.filter((t) => t.family === family);
  const reliability = byFamily('reliability')[0];
  const scores = byFamily('scores')[0];
  const meta = reportMeta(report);
  const blocks: string[][] = [
    [
      chalk.bold(terminalSafe(meta.title)),
      ...[meta.source, meta.settings].flatMap((parts) => joinWithin(parts.map(terminalSafe), ' · ', 98).map((line) => chalk.dim(line))),
    ],
  ];
  const rows = byFamily('rows')[0];
  blocks.push([chalk.bold(rows.title), ...textTable(rows, { digits, chalk, indent: INDENT }), ...notes(rows, chalk)]);
  report.scales.forEach((scale, s) => {
    const value = (table: ReportTable, name: string): string => humanCellByName(table, s, name, digits, NULL_MARK);
    const items = byFamily('items').find((t) => t.scale === scale.id);
    const block = [
      `${chalk.bold(terminalSafe(scale.label))} ${chalk.dim(terminalSafe(`(${scale.id}) · ${scale.k} items · n = ${scale.n}`))}`,
      `${INDENT}${value(reliability, 'coefficient')} ${chalk.bold(value(reliability, 'alpha'))}, ${ciTitle(report)} ${value(reliability, 'ci')}`,
      `${INDENT}standardized ${value(reliability, 'standardized_alpha')} · average r ${value(reliability, 'average_r')} · lambda-6 ${value(reliability, 'lambda6')} · omega ${value(reliability, 'omega_total')}`,
    ];
    if (scale.splitHalf !== null) {
      block.push(`${INDENT}split-half r ${value(reliability, 'split_half_r')} · Spearman-Brown ${value(reliability, 'spearman_brown')}`);
    }
    block.push(
      `${INDENT}score (${value(scores, 'method')}): n ${value(scores, 'n')} · mean ${value(scores, 'mean')} · SD ${value(scores, 'sd')} · min ${value(scores, 'min')} · max ${value(scores, 'max')}`,
    );
    if (items !== undefined && items.rows.length > 0) {
      const highlight = (row: number, column: number): 'warn' | 'bad' | undefined => {
        const item = scale.items[row];
        const name = items.columns[column].name;
        if (name === 'alpha_if_deleted' && item.alphaIfDeleted !== null && scale.alpha !== null && item.alphaIfDeleted > scale.alpha) return 'warn';
        if (name === 'item_rest_r' && item.itemRestR !== null && item.itemRestR < 0) return 'bad';
        return undefined;
      };
      block.push('', ...textTable(items, { digits, chalk, indent: INDENT, highlight }), ...notes(items, chalk));
    }
    blocks.push(block);
  });
  for (const family of ['correlations', 'prevalence', 'group-comparisons']) {
    for (const table of byFamily(family)) {
      if (table.rows.length === 0) continue;
      blocks.push([chalk.bold(table.title), ...textTable(table, { digits, chalk, indent: INDENT }), ...notes(table, chalk)]);
    }
  }
  if (report.warnings.length > 0) {
    blocks.push([
      chalk.bold(`Warnings (${report.warnings.length})`),
      ...report.warnings.flatMap((w) => {
        const code = `[${terminalSafe(w.code)}]`;
        const lines = wrap(`${terminalSafe(w.message)} ${code}`, 94);
        const end = lines.length - 1;
        if (lines[end].endsWith(code)) lines[end] = lines[end].slice(0, -code.length) + chalk.dim(code);
        return lines.map((line, i) => `${INDENT}${i === 0 ? chalk.yellow('!') : ' '} ${line}`);
      }),
    ]);
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** One table alone, as `--out` writes it (`.txt`, no colour). */
export function renderTextTable(table: ReportTable, digits: number): string {
  const chalk = PLAIN;
  const body = table.rows.length === 0 ? [`${INDENT}No rows.`] : textTable(table, { digits, chalk, indent: INDENT });
  return `${[terminalSafe(table.title), ...body, ...notes(table, chalk)].join('\n')}\n`;
}

function notes(table: ReportTable, chalk: Paint): string[] {
  return table.notes.flatMap((note) => wrap(terminalSafe(note), 96).map((line) => chalk.dim(`${INDENT}${line}`)));
}

/** Parts joined by `separator` into lines of at most `limit` characters where they fit. */
function joinWithin(parts: string[], separator: string, limit: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const line = lines.at(-1);
    if (line !== undefined && line.length + separator.length + part.length <= limit) lines[lines.length - 1] = line + separator + part;
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
