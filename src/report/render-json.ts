/**
 * JSON: the Report as it is (contract §3), two-space indent and a final newline. Numbers are
 * never rounded here: `--digits` is for people. A non-finite number, which the Report never
 * holds, would be written as null by JSON.stringify rather than as invalid JSON.
 * `renderJsonPieces` gives the same text in pieces, for reports too large for one string.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A JSON text is written in pieces of about this many characters. */
const PIECE_CHARS = 1 << 20;

/**
 * The same text as `renderJson`, in pieces of about 1 Mi characters: however large the report
 * (thousands of scales), no string beyond V8's limit (2^29 - 24 characters) is ever built.
 * The top levels and any large array or object are walked; the rest is left to JSON.stringify.
 */
export function* renderJsonPieces(report: Report): Generator<string> {
  if (isSmall(report)) {
    yield renderJson(report);
    return;
  }
  let buffer = '';
  for (const text of jsonPieces(report, '')) {
    buffer += text;
    if (buffer.length >= PIECE_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

/**
 * Whether a report is surely far below the size of one string (V8's limit): at most SMALL_CELLS
 * matrix cells and item frequencies over its scales (an item counts 100 besides its frequencies)
 * and SMALL_ROWS rows of prevalence, comparisons and warnings (a cell, frequency or row is some
 * tens to a hundred characters). Such a report is one
 * JSON.stringify: fewer, larger strings, which the garbage collector does not copy.
 */
function isSmall(report: Report): boolean {
  const cells = report.scales.reduce((n, scale) => n + 2 * scale.k * scale.k + scale.items.reduce((m, item) => m + 100 + item.frequencies.length, 0), 0);
  const rows = report.prevalence.length + report.groupComparisons.length + report.warnings.length;
  return cells <= SMALL_CELLS && rows <= SMALL_ROWS;
}

const SMALL_CELLS = 1 << 16;
const SMALL_ROWS = 1 << 12;

/**
 * Below the top two levels, a value is stringified in one call unless it is an array or object
 * of more than this many members (a row of a large matrix, thousands of scales): one call per
 * scale keeps a normal report as fast as JSON.stringify, while no piece grows with the number of
 * scales or respondents.
 */
const MANY = 256;

/** The text of JSON.stringify(value, null, 2) at indentation `indent`, in pieces. */
function* jsonPieces(value: unknown, indent: string, depth = 0): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function' || (depth >= 2 && !isLarge(value))) {
    const text = JSON.stringify(value, null, 2);
    yield indent.length === 0 || text.indexOf('\n') === -1 ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `\n${inner}` : `,\n${inner}`;
      const element = value[i];
      // As JSON.stringify: what JSON cannot hold is null in an array.
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* jsonPieces(element, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, element] of Object.entries(value)) {
    // As JSON.stringify: such members are left out of an object.
    if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(element, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** An array or object of more than MANY members. */
function isLarge(value: object): boolean {
  if (Array.isArray(value)) return value.length > MANY;
  let count = 0;
  for (const key in value) if (++count > MANY) return true;
  return false;
}

/**
 * One machine table as JSON for `--out`: `{"name", "title", "rows": [{column: value}]}`, the
 * values unrounded, in column order.
 */
export function renderJsonTable(table: ReportTable): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((column, j) => [column.name, row[j]])));
  return `${JSON.stringify({ name: table.name, title: table.title, rows }, null, 2)}\n`;
}
