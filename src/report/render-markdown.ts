/**
 * Markdown (GitHub / CommonMark pipe tables): a `#` title, a `##` heading per table, notes in
 * italics under each table, warnings as a list. Text from the data is escaped so a label can
 * neither break a table (`|`) nor become markup; an undefined figure reads `—`. In the APA
 * style (`apa-style.ts`) figures bounded by 1 have no leading zero and the statistic symbols
 * of the headings are in italics (`*r*`).
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';
import { headingSegments, type Style } from './apa-style.js';

const NULL_MARK = '—';

export function renderMarkdown(report: Report, digits: number, style: Style = 'default'): string {
  const meta = reportMeta(report);
  const blocks = [`# ${escapeMarkdown(meta.title)}`, escapeMarkdown([...meta.source, ...meta.settings].join(' · '))];
  for (const table of humanTables(report)) {
    if (table.rows.length === 0) continue;
    blocks.push(table.family === 'warnings' ? warningList(report) : markdownSection(table, digits, style));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One table with its heading and notes, as `--out` writes it. */
export function renderMarkdownTable(table: ReportTable, digits: number, style: Style = 'default'): string {
  return `${markdownSection(table, digits, style)}\n`;
}

function markdownSection(table: ReportTable, digits: number, style: Style): string {
  const parts = [`## ${escapeMarkdown(table.title)}`];
  parts.push(table.rows.length === 0 ? '_No rows._' : pipeTable(table, digits, style));
  if (table.notes.length > 0) parts.push(table.notes.map((note) => `_${escapeMarkdown(note)}_`).join('  \n'));
  return parts.join('\n\n');
}

function pipeTable(table: ReportTable, digits: number, style: Style): string {
  const heading = (title: string): string =>
    headingSegments(title, style)
      .map((s) => (s.italic ? `*${escapeMarkdown(s.text)}*` : escapeMarkdown(s.text)))
      .join('');
  const header = `| ${table.columns.map((c) => heading(c.title)).join(' | ')} |`;
  const rule = `|${table.columns.map((c) => (c.kind === 'text' ? ':---' : c.kind === 'flag' ? ':---:' : '---:')).join('|')}|`;
  const lines = [header, rule];
  table.rows.forEach((row, i) => {
    const cells = row.map((cell, j) => {
      const column = table.columns[j];
      if (column.group === true && i > 0 && table.rows[i - 1][j] === cell) return '';
      const text = humanCell(cell, column, digits, NULL_MARK, style);
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
