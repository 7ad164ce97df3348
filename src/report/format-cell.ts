/**
 * One cell of a neutral table as text, for people (paper style) or for machines (one plain
 * value). Every renderer goes through here, so the formats never disagree on a figure.
 */
import type { Cell, Column, CorrelationCell, FractionCell, IntervalCell, PercentCountCell, ReportTable } from './table-model.js';
import { formatCount, formatFixed, formatPercent, formatPHuman, formatPMachine } from './format-number.js';
import { dropLeadingZero, isBoundedByOne, type Style } from './apa-style.js';

/**
 * The human text of a cell. `nullMark` stands for an undefined figure (`—`); a composite cell
 * with one undefined part keeps its other parts (`— (n=0)` is never shown: a proportion
 * without answers is wholly undefined).
 *
 * A coefficient (a figure bounded by 1: alpha, r, omega, their intervals, p; `apa-style.ts`)
 * never shows fewer than COEFFICIENT_MIN_DIGITS decimals: at `--digits 0` alpha reads `0.93`,
 * not `1`. Means, SDs and counts follow `digits` as given.
 *
 * In the APA style (`apa-style.ts`) a figure bounded by 1 has no leading zero (`.930`) and a
 * p-value that rounds to zero reads `< .001`; nothing else changes.
 */
export function humanCell(cell: Cell, column: Column, shownDigits: number, nullMark: string, style: Style = 'default'): string {
  if (cell === null) return nullMark;
  if (cell === '') return '';
  const bounded = isBoundedByOne(column);
  const digits = bounded ? Math.max(shownDigits, COEFFICIENT_MIN_DIGITS) : shownDigits;
  const apa = style === 'apa' && bounded;
  const fixed = (x: number | null): string | null => {
    const text = formatFixed(x, digits);
    return apa && text !== null ? dropLeadingZero(text) : text;
  };
  const or = (text: string | null): string => text ?? nullMark;
  switch (column.kind) {
    case 'text':
      return String(cell);
    case 'count':
      return or(formatCount(asNumber(cell, column), digits));
    case 'number':
      return or(fixed(asNumber(cell, column)));
    case 'proportion':
      return or(fixed(asNumber(cell, column)));
    case 'p-value': {
      const p = formatPHuman(asNumber(cell, column), digits);
      if (!apa || p === null) return or(p);
      return p.startsWith('<') ? `< ${dropLeadingZero(p.slice(1))}` : dropLeadingZero(p);
    }
    case 'exact':
      return or(exact(asNumber(cell, column)));
    case 'flag':
      return cell === true ? (column.mark ?? 'yes') : '';
    case 'interval': {
      const { lower, upper } = cell as IntervalCell;
      if (lower === null && upper === null) return nullMark;
      return `[${or(fixed(lower))}, ${or(fixed(upper))}]`;
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
      return `${or(fixed(r))} (${n})`;
    }
  }
}

/** The fewest decimals a coefficient (a figure bounded by 1) shows to people. */
export const COEFFICIENT_MIN_DIGITS = 2;

/**
 * The machine text of a cell: null for an undefined figure (an empty csv field). Without
 * `digits` (csv and tsv of `analyze`) a number is written in full precision, as JSON writes
 * it (the shortest text that reads back as the same double: `0.930006265785065`); with
 * `digits` it is rounded to that many decimals.
 */
export function machineCell(cell: Cell, column: Column, digits?: number): string | null {
  if (cell === null) return null;
  switch (column.kind) {
    case 'text':
      return String(cell);
    case 'flag':
      return cell === true ? 'true' : 'false';
    case 'count':
      return digits === undefined ? exact(asNumber(cell, column)) : formatCount(asNumber(cell, column), digits);
    case 'number':
    case 'proportion':
      return digits === undefined ? exact(asNumber(cell, column)) : formatFixed(asNumber(cell, column), digits);
    case 'p-value':
      return digits === undefined ? exact(asNumber(cell, column)) : formatPMachine(asNumber(cell, column), digits);
    case 'exact':
      return exact(asNumber(cell, column));
    default:
      throw new TypeError(`column "${column.name}": ${column.kind} cells are for people only`);
  }
}

/** A finite number as JSON writes it (`-0` as `0`); no text for NaN and infinities. */
function exact(x: number): string | null {
  return Number.isFinite(x) ? String(x) : null;
}

function asNumber(cell: Cell, column: Column): number {
  if (typeof cell !== 'number') throw new TypeError(`column "${column.name}" expects numbers, got ${JSON.stringify(cell)}`);
  return cell;
}

/** The human text of the cell in column `name` of row `row`. */
export function humanCellByName(table: ReportTable, row: number, name: string, digits: number, nullMark: string, style: Style = 'default'): string {
  const j = table.columns.findIndex((c) => c.name === name);
  return humanCell(table.rows[row][j], table.columns[j], digits, nullMark, style);
}
