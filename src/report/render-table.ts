/**
 * The terminal report (`--format table`, the default): per scale a summary in words
 * ("Cronbach's alpha 0.930, 95% CI [0.922, 0.938]"), its item table in the manner of SPSS
 * "Item-Total Statistics" and its score summary; then correlations, prevalence (paper style
 * `86.8% (n=679)` with its interval and `679/782`), group comparisons, and the warnings, which
 * belong to the report on stdout as well as to stderr. Colour only when `color` is set: an
 * item whose deletion would raise alpha is yellow, a negative item-rest r red. Tables stay
 * within about 100 columns.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';
import { NULL_MARK, terminalSafe, textTable } from './text-table.js';

const INDENT = '  ';

export function renderTable(report: Report, digits: number, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const tables = humanTables(report);
  const byFamily = (family: string): ReportTable[] => tables.filter((t) => t.family === family);
  const reliability = byFamily('reliability')[0];
  const scores = byFamily('scores')[0];
  const meta = reportMeta(report);
  const blocks: string[][] = [
    [chalk.bold(terminalSafe(meta.title)), chalk.dim(terminalSafe(meta.source.join(' · '))), chalk.dim(terminalSafe(meta.settings.join(' · ')))],
  ];
  report.scales.forEach((scale, s) => {
    const value = (table: ReportTable, name: string): string => {
      const j = table.columns.findIndex((c) => c.name === name);
      return humanCell(table.rows[s][j], table.columns[j], digits, NULL_MARK);
    };
    const items = byFamily('items').find((t) => t.scale === scale.id);
    const block = [
      `${chalk.bold(terminalSafe(scale.label))} ${chalk.dim(terminalSafe(`(${scale.id}) · ${scale.k} items · n = ${scale.n}`))}`,
      `${INDENT}${value(reliability, 'coefficient')} ${chalk.bold(value(reliability, 'alpha'))}, ${reliability.columns.find((c) => c.name === 'ci')?.title} ${value(reliability, 'ci')}`,
      `${INDENT}standardized ${value(reliability, 'standardized_alpha')} · average r ${value(reliability, 'average_r')} · lambda-6 ${value(reliability, 'lambda6')} · omega ${value(reliability, 'omega_total')}`,
    ];
    if (scale.splitHalf !== null) {
      block.push(`${INDENT}split-half r ${value(reliability, 'split_half_r')} · Spearman-Brown ${value(reliability, 'spearman_brown')}`);
    }
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
    block.push(
      `${INDENT}Score (${value(scores, 'method')}): n ${value(scores, 'n')} · mean ${value(scores, 'mean')} · SD ${value(scores, 'sd')} · min ${value(scores, 'min')} · max ${value(scores, 'max')}`,
    );
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
        const lines = wrap(terminalSafe(w.message), 94);
        lines.push(`${lines.pop() ?? ''} ${chalk.dim(`[${terminalSafe(w.code)}]`)}`);
        return lines.map((line, i) => `${INDENT}${i === 0 ? chalk.yellow('!') : ' '} ${line}`);
      }),
    ]);
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** One table alone, as `--out` writes it (`.txt`, no colour). */
export function renderTextTable(table: ReportTable, digits: number): string {
  const chalk = new Chalk({ level: 0 });
  const body = table.rows.length === 0 ? [`${INDENT}No rows.`] : textTable(table, { digits, chalk, indent: INDENT });
  return `${[terminalSafe(table.title), ...body, ...notes(table, chalk)].join('\n')}\n`;
}

function notes(table: ReportTable, chalk: ChalkInstance): string[] {
  return table.notes.flatMap((note) => wrap(terminalSafe(note), 96).map((line) => chalk.dim(`${INDENT}${line}`)));
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
