/**
 * A FactorsDocument (the `factors` command) in every text format, through the same per-table
 * renderers and cell formatter as the analysis report: `table` (textTable), `markdown`
 * (renderMarkdownTable), `latex` (renderLatexTable), `html` (htmlTable in the report's page),
 * `csv`/`tsv` (one long table in full precision, as `analyze` writes it: table, id, item, with,
 * group_column, group_value, statistic, value, method), `json` (the document as it is, never rounded).
 */
import type { FactorsDocument } from './factor-report-types.js';
import { humanFactorTables, machineFactorTables } from './factor-tables.js';
import { checkDigits, type Format } from './render.js';
import type { ReportTable } from './table-model.js';
import { PLAIN } from './paint.js';
import { terminalSafe, textTable } from './text-table.js';
import { wrap } from './render-table.js';
import { escapeMarkdown, renderMarkdownTable } from './render-markdown.js';
import { renderLatexTable } from './render-latex.js';
import { htmlTable } from './html/html-table.js';
import { escapeHtml } from './html/escape-html.js';
import { reportPage } from './render-html.js';
import { csvRow } from './csv-row.js';
import { machineCell } from './format-cell.js';
import { usageError } from '../errors.js';

const INDENT = '  ';

export function renderFactors(doc: FactorsDocument, format: Format, options: { digits: number }): string {
  checkDigits(options.digits);
  const { digits } = options;
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'table':
      return renderText(doc, digits);
    case 'csv':
      return renderLong(doc, ',');
    case 'tsv':
      return renderLong(doc, '\t');
    case 'markdown':
      return renderMd(doc, digits);
    case 'latex':
      return renderTex(doc, digits);
    case 'html':
      return renderPage(doc, digits);
    default:
      throw usageError(`unknown format "${String(format)}"`, { option: '--format' });
  }
}

/** The title and the lines under it: what was analysed and how. */
export function factorMeta(doc: FactorsDocument): { title: string; source: string[]; settings: string[] } {
  const f = doc.factors;
  const files = doc.input.files.map((file) => (file === '-' ? 'stdin' : (file.split(/[\\/]/).pop() ?? file)));
  return {
    title: `${doc.input.codebook}: factor analysis of all items`,
    source: [`${doc.tool.name} ${doc.tool.version}`, `${doc.input.rows} row${doc.input.rows === 1 ? '' : 's'}`, `${files.length === 1 ? 'file' : 'files'} ${files.join(', ')}`],
    settings: [`${f.k} items`, `fm: ${f.fm}`, `rotation: ${f.rotation}`, `${f.nfactors} factor${f.nfactors === 1 ? '' : 's'}`, `missing: ${f.missing}`],
  };
}

const shown = (tables: ReportTable[]): ReportTable[] => tables.filter((t) => t.rows.length > 0 && t.family !== 'warnings');

function renderText(doc: FactorsDocument, digits: number): string {
  const chalk = PLAIN;
  const meta = factorMeta(doc);
  const blocks: string[][] = [[terminalSafe(meta.title), terminalSafe(meta.source.join(' · ')), terminalSafe(meta.settings.join(' · '))]];
  for (const table of shown(humanFactorTables(doc))) {
    if (table.family === 'factor-summary') {
      blocks.push([table.title, ...table.rows.map((row) => `${INDENT}${terminalSafe(String(row[0]))}: ${terminalSafe(String(row[1]))}`)]);
      continue;
    }
    const notes = table.notes.flatMap((note) => wrap(terminalSafe(note), 96).map((line) => `${INDENT}${line}`));
    blocks.push([terminalSafe(table.title), ...textTable(table, { digits, chalk, indent: INDENT }), ...notes]);
  }
  if (doc.warnings.length > 0) {
    blocks.push([
      `Warnings (${doc.warnings.length})`,
      ...doc.warnings.flatMap((w) => wrap(`${terminalSafe(w.message)} [${terminalSafe(w.code)}]`, 94).map((line, i) => `${INDENT}${i === 0 ? '!' : ' '} ${line}`)),
    ]);
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function renderMd(doc: FactorsDocument, digits: number): string {
  const meta = factorMeta(doc);
  const blocks = [`# ${escapeMarkdown(meta.title)}`, escapeMarkdown([...meta.source, ...meta.settings].join(' · '))];
  for (const table of shown(humanFactorTables(doc))) blocks.push(renderMarkdownTable(table, digits).trimEnd());
  if (doc.warnings.length > 0) {
    blocks.push([`## Warnings (${doc.warnings.length})`, doc.warnings.map((w) => `- ${escapeMarkdown(w.message)} (\`${w.code.replace(/`/g, "'")}\`)`).join('\n')].join('\n\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function renderTex(doc: FactorsDocument, digits: number): string {
  const meta = factorMeta(doc);
  const line = (s: string): string => s.replace(/[\r\n]+/g, ' ');
  const blocks = [[`% ${line(meta.title)}`, `% ${line([...meta.source, ...meta.settings].join('; '))}`, '% Needs \\usepackage{booktabs,longtable,array} in the preamble.'].join('\n')];
  for (const table of shown(humanFactorTables(doc))) blocks.push(renderLatexTable(table, digits).trimEnd());
  if (doc.warnings.length > 0) blocks.push([`% Warnings (${doc.warnings.length})`, ...doc.warnings.map((w) => `% - ${line(w.message)} [${line(w.code)}]`)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function renderPage(doc: FactorsDocument, digits: number): string {
  const meta = factorMeta(doc);
  const sections = shown(humanFactorTables(doc)).map((table) => {
    const notes = table.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n');
    return { id: table.name, nav: table.title, html: `<h2>${escapeHtml(table.title)}</h2>\n${htmlTable(table, { digits })}${notes === '' ? '' : `\n${notes}`}` };
  });
  if (doc.warnings.length > 0) {
    const items = doc.warnings.map((w) => `<li>${escapeHtml(w.message)} <code>${escapeHtml(w.code)}</code></li>`);
    sections.push({ id: 'warnings', nav: `Warnings (${doc.warnings.length})`, html: `<h2>Warnings</h2>\n<ul class="warnings">\n${items.join('\n')}\n</ul>` });
  }
  return reportPage(meta, sections, doc.tool);
}

const LONG_COLUMNS = ['table', 'id', 'item', 'with', 'group_column', 'group_value', 'statistic', 'value', 'method'] as const;

/**
 * The machine tables as one long table (render-csv.ts renderLong's shape), in full precision as
 * JSON writes the numbers (--digits rounds only the formats people read); warnings are left out.
 */
function renderLong(doc: FactorsDocument, delimiter: ',' | '\t'): string {
  const lines = [csvRow([...LONG_COLUMNS], delimiter)];
  for (const table of machineFactorTables(doc)) {
    if (table.family === 'warnings') continue;
    const keyAt = table.columns.findIndex((c) => c.key === 'id');
    for (const row of table.rows) {
      const id = keyAt < 0 || row[keyAt] === null ? '' : String(row[keyAt]);
      table.columns.forEach((column, j) => {
        if (column.kind === 'text') return;
        const cell = row[j];
        const value = column.kind === 'flag' ? (cell === null ? '' : cell === true ? '1' : '0') : (machineCell(cell, column) ?? '');
        lines.push(csvRow([table.family, id, '', '', '', '', column.name, value, ''], delimiter));
      });
    }
  }
  return lines.join('');
}
