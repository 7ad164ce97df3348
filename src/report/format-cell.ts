/**
 * One cell of a neutral table as text, for people (paper style) or for machines (one plain
 * value). Every renderer goes through here, so the formats never disagree on a figure.
 */
import type { Cell, Column, CorrelationCell, FractionCell, IntervalCell, PercentCountCell, ReportTable } from './table-model.js';
import { formatCount, formatFixed, formatPercent, formatPHuman, formatPMachine } from './format-number.js';

/**
 * The human text of a cell. `nullMark` stands for an undefined figure (`—`); a composite cell
 * with one undefined part keeps its other parts (`— (n=0)` is never shown: a proportion
 * without answers is wholly undefined).
 */
export function humanCell(cell: Cell, column: Column, digits: number, nullMark: string): string {
  if (cell === null) return nullMark;
  if (cell === '') return '';
  const or = (text: string | null): string => text ?? nullMark;
  switch (column.kind) {
    case 'text':
      return String(cell);
    case 'count':
      return or(formatCount(asNumber(cell, column), digits));
    case 'number':
      return or(formatFixed(asNumber(cell, column), digits));
    case 'proportion':
      return or(formatFixed(asNumber(cell, column), digits));
    case 'p-value':
      return or(formatPHuman(asNumber(cell, column), digits));
    case 'exact':
      return or(exact(asNumber(cell, column)));
    case 'flag':
      return cell === true ? (column.mark ?? 'yes') : '';
    case 'interval': {
      const { lower, upper } = cell as IntervalCell;
      if (lower === null && upper === null) return nullMark;
      return `[${or(formatFixed(lower, digits))}, ${or(formatFixed(upper, digits))}]`;
    }
    case 'percent-interval': {
      const { lower, upper } = cell as IntervalCell;
      if (lower === null && upper === null) return nullMark;
      return `[${or(formatPercent(lower, digits))}, ${or(formatPercent(upper, digits))}]`;
    }
    case 'percent-count': {
      const { proportion, count } = cell as PercentCountCell;
      const percent = formatPercent(proportion, digits);
      return percent === null ? nullMark : `${percent}% (n=${count})`;
    }
    case 'fraction': {
      const { count, n } = cell as FractionCell;
      return `${count}/${n}`;
    }
    case 'r-n': {
      const { r, n } = cell as CorrelationCell;
      return `${or(formatFixed(r, digits))} (${n})`;
    }
  }
}

/** The machine text of a cell: null for an undefined figure (an empty csv field). */
export function machineCell(cell: Cell, column: Column, digits: number): string | null {
  if (cell === null) return null;
  switch (column.kind) {
    case 'text':
      return String(cell);
    case 'flag':
      return cell === true ? 'true' : 'false';
    case 'count':
      return formatCount(asNumber(cell, column), digits);
    case 'number':
    case 'proportion':
      return formatFixed(asNumber(cell, column), digits);
    case 'p-value':
      return formatPMachine(asNumber(cell, column), digits);
    case 'exact':
      return exact(asNumber(cell, column));
    default:
      throw new TypeError(`column "${column.name}": ${column.kind} cells are for people only`);
  }
}

function exact(x: number): string | null {
  return Number.isFinite(x) ? String(x) : null;
}

function asNumber(cell: Cell, column: Column): number {
  if (typeof cell !== 'number') throw new TypeError(`column "${column.name}" expects numbers, got ${JSON.stringify(cell)}`);
  return cell;
}

/** The human text of the cell in column `name` of row `row`. */
export function humanCellByName(table: ReportTable, row: number, name: string, digits: number, nullMark: string): string {
  const j = table.columns.findIndex((c) => c.name === name);
  return humanCell(table.rows[row][j], table.columns[j], digits, nullMark);
}
