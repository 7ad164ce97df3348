/**
 * CSV and TSV. On stdout the whole report is ONE long ("tidy") table, so a single
 * `read.csv`/`pandas.read_csv` reads it and a filter on `statistic` finds any figure:
 *
 *   table,id,item,with,group_column,group_value,statistic,value,method
 *   reliability,perceived_knowledge,,,,,alpha,0.930006265785065,alpha
 *   prevalence,contact,,,discipline,Maternity,proportion,0.204081632653061,
 *
 * Numbers are written in full precision, as JSON writes them (`--digits` rounds only the
 * formats people read), so a figure read back from the csv is the Report's double.
 *
 * `value` holds numbers only (flags as 1/0; an undefined figure is empty), `method` the text
 * that qualifies it (coefficient, CI method, test, score method). Names, labels and warnings
 * are in the per-table files of `--out` and in json. With `--out`, every table is its own
 * file in the wide shape of `machineTables`. Fields are quoted as RFC 4180 says, and a text
 * that a spreadsheet would run as a formula is neutralised (`csv-row.ts`).
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { machineTables } from './report-tables.js';
import { machineCell } from './format-cell.js';
import { csvRow } from './csv-row.js';

export type Delimiter = ',' | '\t';

const LONG_COLUMNS = ['table', 'id', 'item', 'with', 'group_column', 'group_value', 'statistic', 'value', 'method'] as const;

/** One machine table in its wide shape: a header of column names, then one record per row. */
export function renderDelimitedTable(table: ReportTable, delimiter: Delimiter): string {
  const lines = [csvRow(table.columns.map((c) => c.name), delimiter)];
  for (const row of table.rows) {
    lines.push(csvRow(row.map((cell, j) => machineCell(cell, table.columns[j]) ?? ''), delimiter));
  }
  return lines.join('');
}

/** The whole report as one long table (see the file comment); warnings are left out. */
export function renderLong(report: Report, delimiter: Delimiter): string {
  const lines = [csvRow([...LONG_COLUMNS], delimiter)];
  for (const table of machineTables(report)) {
    if (table.family === 'warnings') continue;
    const keyIndex = new Map(table.columns.flatMap((c, j) => (c.key === undefined ? [] : [[c.key, j] as const])));
    const byName = new Map(table.columns.map((c, j) => [c.name, j]));
    for (const row of table.rows) {
      const key = (name: 'id' | 'item' | 'with' | 'group_column' | 'group_value'): string => {
        const j = keyIndex.get(name);
        return j === undefined || row[j] === null ? '' : String(row[j]);
      };
      table.columns.forEach((column, j) => {
        if (column.kind === 'text') return;
        const cell = row[j];
        const value = column.kind === 'flag' ? (cell === null ? '' : cell === true ? '1' : '0') : (machineCell(cell, column) ?? '');
        const methodAt = column.methodFrom === undefined ? undefined : byName.get(column.methodFrom);
        const method = methodAt === undefined || row[methodAt] === null ? '' : String(row[methodAt]);
        lines.push(
          csvRow([table.family, key('id'), key('item'), key('with'), key('group_column'), key('group_value'), column.name, value, method], delimiter),
        );
      });
    }
  }
  return lines.join('');
}
