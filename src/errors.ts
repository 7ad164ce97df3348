/**
 * Errors are values with a place. They are raised where the problem is found and
 * printed once by the CLI, as a few lines without a stack trace (unless --debug).
 *
 * Exit statuses (contract §1): 1 the data or a file could not be analysed,
 * 2 bad usage, options or codebook.
 */

import { escapeControls, quoteValue } from './quote-value.js';

export interface Place {
  file?: string;
  line?: number;
  /** What `line` counts where it is not a text line: a sheet `row`, an SPSS `case`, a Stata `observation`. */
  unit?: 'line' | 'row' | 'case' | 'observation';
  column?: string;
  /** Path inside a codebook, e.g. `scales[0].reverse[0]`. */
  path?: string;
  option?: string;
}

export class SurveyError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly place: Place = {},
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SurveyError';
  }
}

/** The data or a file could not be analysed (exit 1). */
export function dataError(message: string, place: Place = {}, hint?: string): SurveyError {
  return new SurveyError(message, 1, place, hint);
}

/** Bad usage, options or codebook (exit 2). */
export function usageError(message: string, place: Place = {}, hint?: string): SurveyError {
  return new SurveyError(message, 2, place, hint);
}

/**
 * `file:line: column "x": message`, the one-line form every error is printed in. The column name
 * comes from the data, so it is quoted as every value is (escaped, and cut when long).
 */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  const record = place.unit !== undefined && place.unit !== 'line';
  const file = place.file === undefined ? undefined : escapeControls(place.file);
  if (file !== undefined) parts.push(place.line === undefined ? file : record ? `${file}: ${place.unit} ${place.line}` : `${file}:${place.line}`);
  else if (place.line !== undefined) parts.push(`${place.unit ?? 'line'} ${place.line}`);
  if (place.column !== undefined) parts.push(`column ${quoteValue(place.column)}`);
  if (place.path !== undefined) parts.push(escapeControls(place.path));
  if (place.option !== undefined) parts.push(escapeControls(place.option));
  return parts.join(': ');
}

/**
 * What went wrong with a file-system call, in words: no such file, permission denied, or a
 * directory where `kind` (e.g. "a CSV file") was expected; otherwise the system's message.
 */
export function fileProblem(error: unknown, kind: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return `is a directory, not ${kind}`;
  return error instanceof Error ? error.message : String(error);
}
