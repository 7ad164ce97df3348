/**
 * LaTeX: every table with its caption, label and notes, made to fit the page, for `\input`
 * into a document whose preamble loads `booktabs`, `longtable` and `array` (all three in
 * Debian's texlive-latex-base and texlive-latex-recommended; see the README for the preamble).
 *
 * - A table is a `table` float (`[htbp]`) holding a `tabular*` as wide as the text block, or,
 *   when it is taller than about half a page, a `longtable` of that width that breaks across
 *   pages, repeating its caption ("(continued)") and heading on each page. Either way no row is
 *   lost off the bottom of a page.
 * - A table too wide for the text block is split into parts of columns, each repeating the
 *   first column (the row names); long text wraps in ragged-right columns and long headings
 *   break into lines (the plan: `latex/table-plan.ts`).
 * - Caption above the table (`\caption`, numbered by LaTeX), `\label{tab:<name>}`, horizontal
 *   rules only (booktabs), and the notes in a paragraph under the table that begins
 *   *Note.*, as APA tables have them (threeparttable is not used: it is not in
 *   texlive-latex-base or -recommended). In a longtable the note is its last foot, so it
 *   stays with the last rows.
 * - Rows of a group (one prevalence measure by group) sit under an italic heading row.
 *
 * Text is escaped for LaTeX, a minus sign in a figure is typeset as `$-$`, an undefined figure
 * as `---` (an em dash). The report's title, source, settings and warnings are `%` comments.
 * In the APA style (`apa-style.ts`) figures bounded by 1 lose their leading zero and the
 * statistic symbols of the headings are italic.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';
import { headingSegments, type Style } from './apa-style.js';
import { COLUMN_SEP, planTable, type ColumnPlan, type TablePlan } from './latex/table-plan.js';

const NULL_MARK = '\u2014';

/** The packages every table needs, as a preamble line. */
export const LATEX_PACKAGES = '\\usepackage{booktabs,longtable,array}';

export function renderLatex(report: Report, digits: number, style: Style = 'default'): string {
  const meta = reportMeta(report);
  const blocks = [
    [
      `% ${comment(meta.title)}`,
      `% ${comment([...meta.source, ...meta.settings].join('; '))}`,
      `% Needs ${LATEX_PACKAGES} in the preamble.`,
    ].join('\n'),
  ];
  for (const table of humanTables(report)) {
    if (table.rows.length === 0) continue;
    blocks.push(table.family === 'warnings' ? warningComments(report) : latexTable(table, digits, style));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One table, as `--out` writes it. */
export function renderLatexTable(table: ReportTable, digits: number, style: Style = 'default'): string {
  return `${latexTable(table, digits, style)}\n`;
}

/** The `\label` of a table: `tab:` and its name, with anything but letters, digits, `.`, `_`, `-` as `-`. */
export function latexLabel(table: ReportTable): string {
  return `tab:${table.name.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

function latexTable(table: ReportTable, digits: number, style: Style): string {
  const texts = table.rows.map((row) => row.map((cell, j) => humanCell(cell, table.columns[j], digits, NULL_MARK, style)));
  const plan = planTable(table, texts, style);
  const caption = escapeLatex(table.title);
  const label = `\\label{${latexLabel(table)}}`;
  const setup = ['\\small', `\\setlength{\\tabcolsep}{${COLUMN_SEP}em}`];
  const notes = table.notes.length > 0 ? `\\textit{Note.} ${table.notes.map(escapeLatex).join(' ')}` : null;
  if (!plan.long) {
    const parts = plan.parts.map((part) => {
      const spec = columnSpec(plan, part);
      return [`\\begin{tabular*}{\\linewidth}{${spec}}`, ...headingRows(table, plan, part, style), ...bodyRows(table, texts, plan, part), '\\bottomrule', '\\end{tabular*}'].join('\n');
    });
    const noteBlock = notes === null ? [] : ['\\par\\smallskip', `\\begin{minipage}{\\linewidth}\\footnotesize\\raggedright`, notes, '\\end{minipage}'];
    return [`% ${comment(table.title)}`, '\\begin{table}[htbp]', '\\centering', `\\caption{${caption}}${label}`, ...setup, parts.join('\n\\par\\medskip\n'), ...noteBlock, '\\end{table}'].join('\n');
  }
  const parts = plan.parts.map((part, k) => {
    const width = part.length;
    const head = headingRows(table, plan, part, style);
    const first = k === 0 ? `\\caption{${caption}}${label}\\\\` : `\\caption{${caption} (continued)}\\\\`;
    const lastFoot =
      notes === null || k < plan.parts.length - 1
        ? ['\\bottomrule']
        : ['\\bottomrule', `\\multicolumn{${width}}{@{}l@{}}{\\rule{0pt}{2.8ex}${overhang(`\\footnotesize\\raggedright ${notes}`)}} \\\\`];
    return [
      // A part after the first continues the same table: the same number.
      ...(k > 0 ? ['\\addtocounter{table}{-1}'] : []),
      `\\begin{longtable}{${columnSpec(plan, part)}}`,
      first,
      ...head,
      '\\endfirsthead',
      `\\caption[]{${caption} (continued)}\\\\`,
      ...head,
      '\\endhead',
      '\\bottomrule',
      '\\endfoot',
      ...lastFoot,
      '\\endlastfoot',
      ...bodyRows(table, texts, plan, part),
      '\\end{longtable}',
    ].join('\n');
  });
  return [`% ${comment(table.title)}`, '\\begingroup', ...setup, '\\setlength{\\LTleft}{0pt plus 1fil}', '\\setlength{\\LTright}{0pt plus 1fil}', parts.join('\n'), '\\endgroup'].join('\n');
}

/** The columns of a part, spread over the text block's width, no space outside the outer ones. */
function columnSpec(plan: TablePlan, part: number[]): string {
  const align = (c: ColumnPlan): string => (typeof c.align === 'string' ? c.align : `>{\\raggedright\\arraybackslash}p{${round(c.align.wrap)}em}`);
  return `@{\\extracolsep{\\fill}}${part.map((p) => align(plan.columns[p])).join('')}@{}`;
}

function headingRows(table: ReportTable, plan: TablePlan, part: number[], style: Style): string[] {
  const cells = part.map((p) => {
    const c = plan.columns[p];
    const lines = c.heading.map((line) => latexSegments(line, style));
    const align = typeof c.align === 'string' ? c.align : 'l';
    if (lines.length === 1) return lines[0];
    return `\\begin{tabular}[b]{@{}${align === 'l' ? 'l' : align === 'c' ? 'c' : 'r'}@{}}${lines.join('\\\\')}\\end{tabular}`;
  });
  return ['\\toprule', `${cells.join(' & ')} \\\\`, '\\midrule'];
}

function bodyRows(table: ReportTable, texts: string[][], plan: TablePlan, part: number[]): string[] {
  const lines: string[] = [];
  const { groupAt } = plan;
  texts.forEach((row, i) => {
    if (groupAt >= 0 && (i === 0 || texts[i - 1][groupAt] !== row[groupAt])) {
      if (i > 0) lines.push('\\addlinespace');
      lines.push(`\\multicolumn{${part.length}}{@{}l@{}}{${overhang(`\\raggedright\\textit{${escapeLatex(row[groupAt])}}`)}} \\\\`);
    }
    const cells = part.map((p) => {
      const column = table.columns[plan.columns[p].index];
      const text = escapeLatex(row[plan.columns[p].index]);
      return column.kind === 'text' ? text : text.replace(/-(?=[\d.])/g, '$-$');
    });
    lines.push(`${cells.join(' & ')} \\\\`);
  });
  return lines;
}

/**
 * A paragraph as wide as the text block that takes no width in its cell: the table, as wide
 * as the block itself, keeps its columns, and the text wraps at the block's right edge.
 */
function overhang(content: string): string {
  return `\\makebox[0pt][l]{\\parbox[t]{\\linewidth}{${content}}}`;
}

/** A heading line with its italic symbols. */
function latexSegments(line: string, style: Style): string {
  return headingSegments(line, style)
    .map((s) => (s.italic ? `\\textit{${escapeLatex(s.text)}}` : escapeLatex(s.text)))
    .join('');
}

function round(x: number): string {
  return String(Math.ceil(x * 100) / 100);
}

function warningComments(report: Report): string {
  return [`% Warnings (${report.warnings.length})`, ...report.warnings.map((w) => `% - ${comment(w.message)} [${comment(w.code)}]`)].join('\n');
}

/** A `%` comment runs to the end of its line: line breaks, and control characters that would reach a terminal, become spaces. */
function comment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
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
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/[\\{}$&%#_~^<>|"\u2014\u2013]/g, (ch) => LATEX_ESCAPES[ch]);
}
