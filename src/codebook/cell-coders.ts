import type { ResponseMap } from './codebook.js';

/** What a cell codes to: a number, `NaN` for a missing answer, or INVALID. */
export const INVALID = Number.NEGATIVE_INFINITY;

export type CellCoder = (cell: string) => number;

/**
 * Wrap a coder with a per-column memo. Survey columns hold a handful of distinct cells
 * ("Agree", "3", ""), so after the first few rows coding is one map look-up per cell.
 */
export function memoize(coder: CellCoder, limit = 512): CellCoder {
  const memo = new Map<string, number>();
  return (cell) => {
    let code = memo.get(cell);
    if (code === undefined) {
      code = coder(cell);
      if (memo.size < limit) memo.set(cell, code);
    }
    return code;
  };
}

/** A number written in a cell (already trimmed), or NaN when the cell is not a number. */
export function parseNumber(text: string): number {
  if (text === '') return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * A rated item: a label of the response set (case-insensitive, trimmed) gives its code;
 * a number inside `range` is taken as it is; a missing value gives NaN; anything else is INVALID.
 */
export function ratedItemCoder(responses: ResponseMap, range: [number, number], missing: Set<string>): CellCoder {
  return (cell) => {
    const text = cell.trim();
    if (missing.has(text)) return Number.NaN;
    const code = responses[text.toLowerCase()];
    if (code !== undefined) return code;
    const value = parseNumber(text);
    return value >= range[0] && value <= range[1] ? value : INVALID;
  };
}

/**
 * A knowledge item scored against its key: the correct answer scores 1, any other answer
 * ("Don't know" included) 0, a missing value NaN. With a response set, an answer outside it
 * is INVALID. Numbers compare as numbers ("1.0" equals a key of 1).
 */
export function keyedItemCoder(correct: string, responses: ResponseMap, missing: Set<string>): CellCoder {
  const labels = Object.keys(responses);
  const codes = new Set(Object.values(responses));
  const correctNumber = parseNumber(correct);
  return (cell) => {
    const text = cell.trim();
    if (missing.has(text)) return Number.NaN;
    const lower = text.toLowerCase();
    if (labels.length > 0 && responses[lower] === undefined && !codes.has(parseNumber(text))) return INVALID;
    if (lower === correct) return 1;
    return !Number.isNaN(correctNumber) && parseNumber(text) === correctNumber ? 1 : 0;
  };
}

/**
 * A prevalence outcome: 1 when the trimmed text equals a positive value (case-insensitive)
 * or the cell's response code is a positive code, 0 for any other answer, -1 when missing.
 * `codeOf` gives the response code of a cell (before reverse keying), NaN when it has none.
 */
export function outcomeCoder(
  positiveText: string[],
  positiveCodes: number[],
  codeOf: (text: string) => number,
  missing: Set<string>,
): CellCoder {
  const texts = new Set(positiveText);
  const codes = new Set(positiveCodes);
  return (cell) => {
    const text = cell.trim();
    if (missing.has(text)) return -1;
    if (texts.has(text.toLowerCase())) return 1;
    const code = codeOf(text);
    if (code === INVALID) return INVALID;
    return codes.has(code) ? 1 : 0;
  };
}
