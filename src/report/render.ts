/**
 * The one entry point from a Report to the text of an output format, for stdout. Renderers
 * only format: every figure comes from the Report, rounded to `digits` decimals (json keeps
 * full precision), with the same cell formatter in every format.
 */
import type { Report } from './report.js';
import { usageError } from '../errors.js';
import { PLAIN, type Paint } from './paint.js';
import { renderTable } from './render-table.js';
import { renderJson, renderJsonPieces } from './render-json.js';
import { renderLong } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { renderLatex } from './render-latex.js';
import { renderHtml } from './render-html.js';

export const FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown', 'latex', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Decimals of every statistic (percentages get digits - 2); 0 to MAX_DIGITS. */
  digits: number;
  /** ANSI colour in the `table` format: a colour paint (see paint.ts `ansiPaint`), or false. */
  color: false | Paint;
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  checkDigits(options.digits);
  switch (format) {
    case 'table':
      return renderTable(report, options.digits, options.color === false ? PLAIN : options.color);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderLong(report, options.digits, ',');
    case 'tsv':
      return renderLong(report, options.digits, '\t');
    case 'markdown':
      return renderMarkdown(report, options.digits);
    case 'latex':
      return renderLatex(report, options.digits);
    case 'html':
      return renderHtml(report, options.digits);
    default:
      throw usageError(`unknown format "${String(format)}"`, { option: '--format' }, `use one of ${FORMATS.join(', ')}`);
  }
}

/**
 * The same text as `render`, in pieces: JSON is streamed (renderJsonPieces), so a report of
 * thousands of scales never needs one string beyond V8's limit; the other formats are one piece.
 */
export function* renderPieces(report: Report, format: Format, options: RenderOptions): Generator<string> {
  if (format === 'json') {
    checkDigits(options.digits);
    yield* renderJsonPieces(report);
    return;
  }
  yield render(report, format, options);
}

/** The most decimals shown: a double's ~16 significant digits leave no more to give for figures above 1e3. */
export const MAX_DIGITS = 12;

/** `digits` must be an integer from 0 to MAX_DIGITS. */
export function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_DIGITS) {
    throw usageError(`digits must be a whole number from 0 to ${MAX_DIGITS}, not ${digits}`, { option: '--digits' });
  }
}
