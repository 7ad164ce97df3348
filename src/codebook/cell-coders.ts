import type { ResponseMap } from './codebook.js';
import { normaliseLabel } from './normalise-label.js';

/** What a cell codes to: a number, `NaN` for a missing answer, or INVALID. */
export const INVALID = Number.NEGATIVE_INFINITY;

export type CellCoder = (cell: string) => number;

/**
 * Wrap a coder with a per-column memo. Survey columns hold a handful of distinct cells
 * ("Agree", "3", ""), so after the first rows coding costs no hashing: a one-character cell
 * (a digit code) is looked up by its character code, the first few distinct longer cells by
 * a short `===` scan, and only columns with many distinct values reach a Map (of at most
 * `limit` entries; beyond that cells are coded afresh).
 */
export function memoize<T>(coder: (cell: string) => T, limit = 4096): (cell: string) => T {
  const seenChar = new Uint8Array(128);
  const byChar: T[] = [];
  const recent: string[] = [];
  const recentCodes: T[] = [];
  const memo = new Map<string, T>();
  return (cell) => {
    if (cell.length === 1) {
      const c = cell.charCodeAt(0);
      if (c < 128) {
        if (seenChar[c] === 0) {
          byChar[c] = coder(cell);
          seenChar[c] = 1;
        }
        return byChar[c];
      }
    }
    for (let i = 0; i < recent.length; i++) if (recent[i] === cell) return recentCodes[i];
    if (memo.has(cell)) return memo.get(cell) as T;
    const code = coder(cell);
    if (recent.length < 16) {
      recent.push(cell);
      recentCodes.push(code);
    } else if (memo.size < limit) memo.set(cell, code);
    return code;
  };
}

/** Reverse keying of a coder's values: min + max - x (missing and INVALID pass through). */
export function reverseKeyed(coder: CellCoder, range: [number, number]): CellCoder {
  const sum = range[0] + range[1];
  return (cell) => {
    const value = coder(cell);
    return value === INVALID || value !== value ? value : sum - value;
  };
}

/**
 * The smallest magnitude of a non-zero code (in the codebook and in the data). Below it the
 * squared deviations behind every variance underflow (1e-300 squared is 0), so every SD would be
 * 0 while the scores differ; codes that small are refused rather than analysed wrongly.
 */
export const MIN_CODE = 1e-12;

/** A non-zero number too small in magnitude to be a code (see MIN_CODE). */
export function isTinyCode(value: number): boolean {
  return value !== 0 && Math.abs(value) < MIN_CODE;
}

/**
 * The code of a label in a response map, or undefined. An own property only: a label such as
 * "constructor" or "__proto__" is an ordinary label, never a property every object inherits.
 */
export function codeOfLabel(responses: ResponseMap, label: string): number | undefined {
  return Object.hasOwn(responses, label) ? responses[label] : undefined;
}

/** A number written in a cell (already trimmed), or NaN when the cell is not a number. */
export function parseNumber(text: string): number {
  if (text === '') return Number.NaN;
  const value = Number(text);
  if (!Number.isFinite(value)) return Number.NaN;
  // Number() also reads 0x1f, 0o17 and 0b11, which in a survey cell are typing errors, not codes.
  if (text.length > 2 && text.charCodeAt(0) === 48 /* 0 */ && !isDecimalChar(text.charCodeAt(1))) return Number.NaN;
  return value;
}

/** A digit, a decimal point or an exponent mark: what may follow a leading 0 in a decimal number. */
function isDecimalChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 /* . */ || code === 101 /* e */ || code === 69 /* E */;
}

/**
 * A rated item: a label of the response set (case-insensitive, trimmed) gives its code;
 * a number inside `range` is taken as it is; a missing value gives NaN; anything else is INVALID.
 */
export function ratedItemCoder(responses: ResponseMap, range: [number, number], missing: Set<string>): CellCoder {
  return (cell) => {
    const text = cell.trim();
    if (missing.has(text)) return Number.NaN;
    const code = codeOfLabel(responses, normaliseLabel(text));
    if (code !== undefined) return code;
    const value = parseNumber(text);
    return value >= range[0] && value <= range[1] && !isTinyCode(value) ? value : INVALID;
  };
}

/**
 * A knowledge item scored against its key: the correct answer scores 1, any other answer
 * ("Don't know" included) 0, a missing value NaN. With a response set, an answer outside it
 * is INVALID, and an answer is correct when its code is the key's: the label and its code are
 * the same answer ("True" or 1 with True: 1). Numbers compare as numbers ("1.0" equals a key of 1).
 */
export function keyedItemCoder(correct: string, responses: ResponseMap, missing: Set<string>): CellCoder {
  const labels = Object.keys(responses);
  const codes = new Set(Object.values(responses));
  const codeOf = (label: string, text: string): number => codeOfLabel(responses, label) ?? parseNumber(text);
  const correctCode = codeOf(correct, correct);
  return (cell) => {
    const text = cell.trim();
    if (missing.has(text)) return Number.NaN;
    const label = normaliseLabel(text);
    const code = codeOf(label, text);
    if (labels.length > 0 && !Object.hasOwn(responses, label) && !codes.has(code)) return INVALID;
    return label === correct || (!Number.isNaN(correctCode) && code === correctCode) ? 1 : 0;
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
    if (texts.has(normaliseLabel(text))) return 1;
    const code = codeOf(text);
    if (code === INVALID) return INVALID;
    return codes.has(code) ? 1 : 0;
  };
}

/**
 * A match (1) of a labelled column's cell by its code or by its value label: a .sav or .dta
 * cell holds the code ("1") and the file labels it ("Yes"), and a codebook may name either.
 * Any other outcome is the code's. Without value labels the coder is returned as it is.
 */
export function labelledCoder(coder: CellCoder, valueLabels: Map<string, string> | null): CellCoder {
  if (valueLabels === null || valueLabels.size === 0) return coder;
  return (cell) => {
    const byCode = coder(cell);
    if (byCode === 1) return 1;
    const label = valueLabels.get(cell.trim());
    return label !== undefined && coder(label) === 1 ? 1 : byCode;
  };
}

/**
 * A rated item of a labelled column: the cell's value label is coded first (by the codebook's
 * response set), so a file whose codes run the other way is still scored by the codebook;
 * a label the codebook does not know falls back to the cell's code.
 */
export function labelledRatedCoder(coder: CellCoder, valueLabels: Map<string, string> | null): CellCoder {
  if (valueLabels === null || valueLabels.size === 0) return coder;
  return (cell) => {
    const label = valueLabels.get(cell.trim());
    if (label !== undefined) {
      const byLabel = coder(label);
      if (byLabel !== INVALID) return byLabel;
    }
    return coder(cell);
  };
}
