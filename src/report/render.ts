/**
 * The one entry point from a Report to an output format, for stdout. Renderers only format:
 * every figure comes from the Report, rounded to `digits` decimals (json keeps full
 * precision), with the same cell formatter in every format.
 *
 * `render` gives the text formats (FORMATS), synchronously, as a string. `renderOutput` gives
 * every format (OUTPUT_FORMATS: the text formats and `docx`) and is async: a docx is bytes
 * (a Buffer), made by the `docx` package, which is loaded only then.
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
import type { Style } from './apa-style.js';

/** The text formats. */
export const FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown', 'latex', 'html'] as const;
export type Format = (typeof FORMATS)[number];
/** The binary formats: bytes, not text. */
export const BINARY_FORMATS = ['docx'] as const;
export type BinaryFormat = (typeof BINARY_FORMATS)[number];
/** Every format `renderOutput` writes. */
export const OUTPUT_FORMATS = [...FORMATS, ...BINARY_FORMATS] as const;
export type OutputFormat = Format | BinaryFormat;

export interface RenderOptions {
  /**
   * Decimals of every statistic in the formats people read (percentages get digits - 2; a
   * coefficient at least 2); 0 to MAX_DIGITS. csv, tsv and json are never rounded.
   */
  digits: number;
  /** ANSI colour in the `table` format: a colour paint (see paint.ts `ansiPaint`), or false. */
  color: false | Paint;
  /**
   * `apa` (markdown, latex, html): no leading zero for figures bounded by 1, `< .001`, italic
   * statistic symbols in headings (`apa-style.ts`). `default` (or absent): as always. The
   * other text formats ignore it; docx is always APA style.
   */
  style?: Style;
  /**
   * The `table` format's width in columns (the terminal's: `terminal-width.ts`); absent: 80.
   * The other formats ignore it.
   */
  width?: number;
}

export function isBinaryFormat(format: OutputFormat): format is BinaryFormat {
  return (BINARY_FORMATS as readonly string[]).includes(format);
}

/** Any format: a string for the text formats, a Buffer (the .docx file's bytes) for docx. */
export async function renderOutput(report: Report, format: OutputFormat, options: RenderOptions): Promise<string | Buffer> {
  if (format === 'docx') {
    checkDigits(options.digits);
    const { renderDocx } = await import('./render-docx.js');
    return renderDocx(report, options.digits);
  }
  return render(report, format, options);
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  checkDigits(options.digits);
  const style = options.style ?? 'default';
  switch (format) {
    case 'table':
      return renderTable(report, options.digits, options.color === false ? PLAIN : options.color, options.width);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderLong(report, ',');
    case 'tsv':
      return renderLong(report, '\t');
    case 'markdown':
      return renderMarkdown(report, options.digits, style);
    case 'latex':
      return renderLatex(report, options.digits, style);
    case 'html':
      return renderHtml(report, options.digits, style);
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
