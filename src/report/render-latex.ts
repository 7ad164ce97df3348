/**
 * LaTeX: one booktabs `tabular` per table (needs `\usepackage{booktabs}`), each ready for
 * `\input` inside the reader's own `table` float, so the caption and label stay theirs.
 * Titles, notes and warnings are `%` comments. Text is escaped for LaTeX, a minus sign in a
 * figure is typeset as `$-$`, an undefined figure as `---` (an em dash). Rows of a group
 * (e.g. one prevalence measure by group) sit under a `\multicolumn` heading row.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';

const NULL_MARK = '---';

export function renderLatex(report: Report, digits: number): string {
  const meta = reportMeta(report);
  const blocks = [
    [
      `% ${comment(meta.title)}`,
      `% ${comment([...meta.source, ...meta.settings].join('; '))}`,
      '% Each tabular needs \\usepackage{booktabs}.',
    ].join('\n'),
  ];
  for (const table of humanTables(report)) {
    if (table.rows.length === 0) continue;
    blocks.push(table.family === 'warnings' ? warningComments(report) : latexTable(table, digits));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One table, as `--out` writes it. */
export function renderLatexTable(table: ReportTable, digits: number): string {
  return `${latexTable(table, digits)}\n`;
}

function latexTable(table: ReportTable, digits: number): string {
  const groupAt = table.columns.findIndex((c) => c.group === true);
  const shown = table.columns.map((_, j) => j).filter((j) => j !== groupAt);
  const lines = [`% ${comment(table.title)}`, ...table.notes.map((note) => `% ${comment(note)}`)];
  const spec = shown.map((j) => ({ text: 'l', flag: 'c' } as Record<string, string>)[table.columns[j].kind] ?? 'r').join('');
  lines.push(`\\begin{tabular}{@{}${spec}@{}}`, '\\toprule');
  lines.push(`${shown.map((j) => escapeLatex(table.columns[j].title)).join(' & ')} \\\\`, '\\midrule');
  if (table.rows.length === 0) lines.push(`\\multicolumn{${shown.length}}{@{}l}{\\textit{No rows.}} \\\\`);
  table.rows.forEach((row, i) => {
    if (groupAt >= 0 && (i === 0 || table.rows[i - 1][groupAt] !== row[groupAt])) {
      if (i > 0) lines.push('\\addlinespace');
      const heading = humanCell(row[groupAt], table.columns[groupAt], digits, NULL_MARK);
      lines.push(`\\multicolumn{${shown.length}}{@{}l}{\\textit{${escapeLatex(heading)}}} \\\\`);
    }
    const cells = shown.map((j) => {
      const column = table.columns[j];
      const text = escapeLatex(humanCell(row[j], column, digits, '\u2014'));
      return column.kind === 'text' ? text : text.replace(/-(?=\d)/g, '$-$');
    });
    lines.push(`${cells.join(' & ')} \\\\`);
  });
  lines.push('\\bottomrule', '\\end{tabular}');
  return lines.join('\n');
}

function warningComments(report: Report): string {
  return [`% Warnings (${report.warnings.length})`, ...report.warnings.map((w) => `% - ${comment(w.message)} [${comment(w.code)}]`)].join('\n');
}

/** A `%` comment runs to the end of its line: only line breaks need removing. */
function comment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '$<$',
  '>': '$>$',
  '|': '$|$',
  '"': '{\\char34}',
  '\u2014': '---',
  '\u2013': '--',
};

/**
 * Text safe in LaTeX's text mode under any font encoding: the ten special characters, the
 * characters OT1 prints as other glyphs (`< > |`, and `"` as char 34 so babel shorthands stay
 * out), dashes as ligatures; control characters and line breaks become spaces.
 */
export function escapeLatex(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\{}$&%#_~^<>|"\u2014\u2013]/g, (ch) => LATEX_ESCAPES[ch]);
}
