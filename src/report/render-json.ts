/**
 * JSON: the Report as it is (contract §3), two-space indent and a final newline. Numbers are
 * never rounded here: `--digits` is for people. A non-finite number, which the Report never
 * holds, would be written as null by JSON.stringify rather than as invalid JSON.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * One machine table as JSON for `--out`: `{"name", "title", "rows": [{column: value}]}`, the
 * values unrounded, in column order.
 */
export function renderJsonTable(table: ReportTable): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((column, j) => [column.name, row[j]])));
  return `${JSON.stringify({ name: table.name, title: table.title, rows }, null, 2)}\n`;
}
