/**
 * A neutral table as an HTML `<table>`: titles in `<thead>`, figures right-aligned in tabular
 * digits, an undefined figure as `—`, rows of a group under a spanning heading row, notes as
 * small print below. Every text is escaped.
 */
import type { ReportTable } from '../table-model.js';
import { humanCell } from '../format-cell.js';
import { escapeHtml } from './escape-html.js';
import { headingSegments, type Style } from '../apa-style.js';

export const NULL_MARK = '—';

export interface HtmlTableOptions {
  digits: number;
  /** Inline CSS for one body cell (e.g. a correlation's shading), by row and column index. */
  cellStyle?: (row: number, column: number) => string | undefined;
  /** `apa`: no leading zero for figures bounded by 1, italic symbols in headings (`<i>r</i>`). */
  style?: Style;
}

export function htmlTable(table: ReportTable, options: HtmlTableOptions): string {
  const { digits } = options;
  const style = options.style ?? 'default';
  const headingHtml = (title: string): string =>
    headingSegments(title, style)
      .map((s) => (s.italic ? `<i>${escapeHtml(s.text)}</i>` : escapeHtml(s.text)))
      .join('');
  const groupAt = table.columns.findIndex((c) => c.group === true);
  const shown = table.columns.map((_, j) => j).filter((j) => j !== groupAt);
  const numeric = (j: number): boolean => table.columns[j].kind !== 'text' && table.columns[j].kind !== 'flag';
  const head = shown
    .map((j) => `<th scope="col"${numeric(j) ? ' class="num"' : ''}>${headingHtml(table.columns[j].title)}</th>`)
    .join('');
  const body: string[] = [];
  table.rows.forEach((row, i) => {
    if (groupAt >= 0 && (i === 0 || table.rows[i - 1][groupAt] !== row[groupAt])) {
      const heading = humanCell(row[groupAt], table.columns[groupAt], digits, NULL_MARK, style);
      body.push(`<tr class="group"><th scope="colgroup" colspan="${shown.length}">${escapeHtml(heading)}</th></tr>`);
    }
    const cells = shown.map((j) => {
      const text = humanCell(row[j], table.columns[j], digits, NULL_MARK, style);
      const classes = [numeric(j) ? 'num' : '', text === NULL_MARK ? 'null' : ''].filter((c) => c !== '').join(' ');
      const css = options.cellStyle?.(i, j);
      return `<td${classes ? ` class="${classes}"` : ''}${css ? ` style="${escapeHtml(css)}"` : ''}>${escapeHtml(text)}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  });
  if (table.rows.length === 0) body.push(`<tr><td colspan="${shown.length}" class="null">No rows.</td></tr>`);
  const notes = table.notes.map((note) => `\n<p class="note">${escapeHtml(note)}</p>`).join('');
  return `<div class="table-wrap"><table data-table="${escapeHtml(table.name)}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>${notes}`;
}
