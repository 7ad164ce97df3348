/**
 * Markdown (GitHub / CommonMark pipe tables): a `#` title, a `##` heading per table, notes in
 * italics under each table, warnings as a list. Text from the data is escaped so a label can
 * neither break a table (`|`) nor become markup; an undefined figure reads `—`.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';

const NULL_MARK = '—';

export function renderMarkdown(report: Report, digits: number): string {
  const meta = reportMeta(report);
  const blocks = [`# ${escapeMarkdown(meta.title)}`, escapeMarkdown([...meta.source, ...meta.settings].join(' · '))];
  for (const table of humanTables(report)) {
    if (table.rows.length === 0) continue;
    blocks.push(table.family === 'warnings' ? warningList(report) : markdownSection(table, digits));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One table with its heading and notes, as `--out` writes it. */
export function renderMarkdownTable(table: ReportTable, digits: number): string {
  return `${markdownSection(table, digits)}\n`;
}

function markdownSection(table: ReportTable, digits: number): string {
  const parts = [`## ${escapeMarkdown(table.title)}`];
  parts.push(table.rows.length === 0 ? '_No rows._' : pipeTable(table, digits));
  if (table.notes.length > 0) parts.push(table.notes.map((note) => `_${escapeMarkdown(note)}_`).join('  \n'));
  return parts.join('\n\n');
}

function pipeTable(table: ReportTable, digits: number): string {
  const header = `| ${table.columns.map((c) => escapeMarkdown(c.title)).join(' | ')} |`;
  const rule = `|${table.columns.map((c) => (c.kind === 'text' ? ':---' : c.kind === 'flag' ? ':---:' : '---:')).join('|')}|`;
  const lines = [header, rule];
  table.rows.forEach((row, i) => {
    const cells = row.map((cell, j) => {
      const column = table.columns[j];
      if (column.group === true && i > 0 && table.rows[i - 1][j] === cell) return '';
      const text = humanCell(cell, column, digits, NULL_MARK);
      return column.kind === 'text' ? escapeMarkdown(text) : text;
    });
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

function warningList(report: Report): string {
  const items = report.warnings.map((w) => `- ${escapeMarkdown(w.message)} (\`${w.code.replace(/`/g, "'")}\`)`);
  return [`## Warnings (${report.warnings.length})`, items.join('\n')].join('\n\n');
}

/**
 * Backslash-escapes the characters that make markup in CommonMark/GFM (emphasis, links,
 * code, html, tables, headings, strike-through) and folds line breaks and other control characters (a terminal escape) into spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\`*_{}[\]<>|#~!&]/g, (ch) => `\\${ch}`);
}
