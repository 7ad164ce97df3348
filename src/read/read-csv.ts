import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { dataError, fileProblem, SurveyError } from '../errors.js';
import { DecodeStream } from './decode-stream.js';
import { decodeWhole, type Encoding } from './text-decoding.js';
import { detectDelimiter } from './detect-delimiter.js';
import type { InputLayout, TableHeader } from './table-header.js';
import { LayoutStage } from './layout/layout-stage.js';

export interface ReadOptions {
  /** Force a delimiter; otherwise comma, semicolon, tab or pipe is detected. */
  delimiter: string | null;
  encoding: Encoding;
  /** Files up to this many bytes are read in one piece (default WHOLE_FILE_BYTES); 0 streams every file. */
  wholeFileBytes?: number;
  /** The layout chosen with --input-format; null or absent: detected. */
  layout?: InputLayout | null;
  /** The sheet of an .xlsx workbook (a name, or a 1-based number as text); null or absent: the first. */
  sheet?: string | null;
  /** Keep SPSS user-missing values as codes. */
  keepUserMissing?: boolean;
}

export interface RowSink {
  /** Called once per file, before any rows: its column names (trimmed) and what else the file says of them. */
  header(header: TableHeader): void;
  /**
   * A batch of data rows, every one with as many fields as the header.
   * `lineOf(i)` is the 1-based line of the file where row i starts; `bytes` is how much of
   * the file has been read so far.
   */
  rows(rows: string[][], lineOf: (i: number) => number, file: string, bytes: number): void;
}

/** The name a source is shown by in messages: its path, or `<stdin>` for `-`. */
export function sourceName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

const CHUNK_BYTES = 1 << 16;

/**
 * Stream one CSV source (a path, or `-` for standard input) into `sink`: papaparse over
 * strictly decoded text, gzip-compressed input unpacked on the fly. Rows are handed on in
 * batches and never all held. Blank lines are skipped; a ragged row, an unclosed quote or
 * a bad header is an error with the file and line.
 */
export function readCsv(source: string, options: ReadOptions, sink: RowSink): Promise<void> {
  const file = sourceName(source);
  const whole = smallFile(source, options.wholeFileBytes ?? WHOLE_FILE_BYTES);
  if (whole !== null) return readWhole(whole, file, options, sink);
  const bytes = openBytes(source, file);
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      bytes.destroy();
      reject(readError(error, file));
    };
    // `on`, not `once`: a stream that errs twice must not crash the process the second time.
    bytes.on('error', fail);
    peekGzip(bytes, file)
      .then((raw) => {
        const text = new DecodeStream(file, options.encoding);
        raw.on('error', (error) => fail(raw === bytes ? error : gzipError(error, file)));
        text.on('error', fail);
        raw.pipe(text);
        return firstText(text).then((head) => {
          const delimiter = options.delimiter ?? detectDelimiter(head);
          parse(text, text, file, delimiter, sink, options.layout ?? null, fail, () => {
            if (!failed) resolve();
          });
        });
      })
      .catch(fail);
  });
}

/** Files up to this size are read in one piece, without a stream's machinery (start-up time). */
export const WHOLE_FILE_BYTES = 4 << 20;

/** The bytes of a small, uncompressed file, or null when it is to be streamed. */
function smallFile(source: string, limit: number): Buffer | null {
  if (source === '-') return null;
  let size: number;
  try {
    const stat = statSync(source);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null; // openBytes reports it
  }
  if (size === 0 || size > limit) return null;
  const bytes = readFileSync(source);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? null : bytes;
}

/** A small file, parsed from its text in one synchronous pass: the same rows and errors as the stream. */
function readWhole(bytes: Buffer, file: string, options: ReadOptions, sink: RowSink): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      reject(readError(error, file));
    };
    try {
      const decoded = decodeWhole(bytes, file, options.encoding);
      const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
      parse(decoded.text, decoded, file, delimiter, sink, options.layout ?? null, fail, () => {
        if (!failed) resolve();
      });
    } catch (error) {
      fail(error);
    }
  });
}

function openBytes(source: string, file: string): Readable {
  if (source === '-') return process.stdin;
  let stat;
  try {
    stat = statSync(source);
  } catch (error) {
    throw readError(error, file);
  }
  if (stat.isDirectory()) throw dataError('is a directory, not a CSV file', { file });
  return createReadStream(source, { highWaterMark: CHUNK_BYTES });
}

/** Resolves with a stream of the file's bytes, gunzipped when it starts with the gzip magic. */
function peekGzip(bytes: Readable, file: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const empty = file === sourceName('-') ? 'standard input is empty: no header row' : 'the file is empty: no header row';
    const onEnd = (): void => reject(dataError(empty, { file }));
    const onReadable = (): void => {
      const first: Buffer | null = bytes.read();
      if (first === null) {
        bytes.once('readable', onReadable);
        return;
      }
      bytes.removeListener('end', onEnd);
      bytes.unshift(first);
      if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
        // zlib is loaded only for compressed input (start-up time).
        import('node:zlib').then(({ createGunzip }) => resolve(bytes.pipe(createGunzip())), reject);
      } else {
        resolve(bytes);
      }
    };
    bytes.once('end', onEnd);
    bytes.once('readable', onReadable);
  });
}

/** The first piece of decoded text, put back so that parsing still starts at the beginning. */
function firstText(text: DecodeStream): Promise<string> {
  return new Promise((resolve) => {
    const onReadable = (): void => {
      const head: string | null = text.read();
      if (head === null) {
        if (!text.readableEnded) text.once('readable', onReadable);
        return;
      }
      text.unshift(head);
      resolve(head);
    };
    text.once('end', () => resolve(''));
    text.once('readable', onReadable);
  });
}

/**
 * Parse CSV text (a decoding stream, or a whole file's text) into the sink. `progress` tells
 * whether a double quote has been seen (fields may span lines) and how many bytes were read.
 */
function parse(
  input: DecodeStream | string,
  progress: { sawQuote: boolean; bytes: number },
  file: string,
  delimiter: string,
  sink: RowSink,
  layout: InputLayout | null,
  fail: (error: unknown) => void,
  done: () => void,
): void {
  let width = -1;
  let sepChecked = false;
  let nextLine = 1;
  let newline = '\n';
  const stage = new LayoutStage(file, 'csv', 'line', layout, sink);

  const text = progress;
  Papa.parse(input as unknown as File, {
    delimiter,
    skipEmptyLines: false,
    chunk(results, parser) {
      try {
        const errors = results.errors;
        if (errors.length > 0) throwParseError(errors[0], results.data as string[][], file, nextLine, text.sawQuote, newline);
        if (width === -1 && results.meta.linebreak) newline = results.meta.linebreak;
        const data = results.data as string[][];
        const lines = lineNumbers(data, nextLine, text.sawQuote, newline);
        nextLine = lines.next;
        let start = 0;
        if (width === -1) {
          start = firstNonBlank(data, 0);
          if (!sepChecked && start < data.length) {
            sepChecked = true;
            if (isSepLine(data[start])) start = firstNonBlank(data, start + 1);
          }
          if (start === data.length) return;
          width = data[start].length;
        }
        const rows = keepDataRows(data, start, width, file, lines.of);
        stage.records(rows.kept, (i) => lines.of(rows.index[i]), text.bytes);
      } catch (error) {
        fail(error);
        parser.abort();
      }
    },
    complete() {
      try {
        if (width === -1) throw dataError('the file has no header row', { file });
        stage.end(text.bytes);
        done();
      } catch (error) {
        fail(error);
      }
    },
    error(error: Error) {
      fail(error);
    },
  });
}

function firstNonBlank(data: string[][], from: number): number {
  let i = from;
  while (i < data.length && isBlank(data[i])) i++;
  return i;
}

/**
 * Excel's `sep=;` line before the header, which names the delimiter (detect-delimiter.ts then
 * finds it on the first line): split by that delimiter it is `sep=` and an empty field.
 */
function isSepLine(row: string[]): boolean {
  return row.length === 2 && row[0].trim().toLowerCase() === 'sep=' && row[1] === '';
}

function isBlank(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

/** The rows from `start` that are not blank lines, checked for width. */
function keepDataRows(
  data: string[][],
  start: number,
  width: number,
  file: string,
  lineOf: (i: number) => number,
): { kept: string[][]; index: number[] } {
  const kept: string[][] = [];
  const index: number[] = [];
  for (let i = start; i < data.length; i++) {
    const row = data[i];
    // A blank line is skipped, also in a one-column file (where it could be an empty answer).
    if (isBlank(row)) continue;
    if (row.length !== width) {
      throw dataError(`this row has ${row.length} fields but the header has ${width}`, {
        file,
        line: lineOf(i),
      }, 'check for an unquoted delimiter inside a value, or a missing field');
    }
    kept.push(row);
    index.push(i);
  }
  return { kept, index };
}

/**
 * Line numbers of the rows of one parsed chunk. Without any double quote in the text so
 * far a row is one line; otherwise newlines inside quoted fields are counted.
 */
function lineNumbers(
  data: string[][],
  first: number,
  quoted: boolean,
  newline: string,
): { of: (i: number) => number; next: number } {
  if (!quoted) return { of: (i) => first + i, next: first + data.length };
  const starts = new Int32Array(data.length);
  const nl = newline === '\r' ? '\r' : '\n';
  let line = first;
  for (let i = 0; i < data.length; i++) {
    starts[i] = line;
    line += 1;
    for (const field of data[i]) {
      for (let j = field.indexOf(nl); j !== -1; j = field.indexOf(nl, j + 1)) line++;
    }
  }
  return { of: (i) => starts[i], next: line };
}

function throwParseError(
  error: Papa.ParseError,
  data: string[][],
  file: string,
  firstLine: number,
  quoted: boolean,
  newline: string,
): never {
  const rowIndex = Math.max(0, Math.min(error.row ?? 0, data.length - 1));
  const line = data.length > 0 ? lineNumbers(data, firstLine, quoted, newline).of(rowIndex) : firstLine;
  const hint = 'a value that contains a double quote must be written as "" inside quotes';
  if (error.code === 'MissingQuotes') throw dataError('a quoted field is never closed', { file, line }, hint);
  if (error.code === 'InvalidQuotes') throw dataError('a closing quote is followed by other characters', { file, line }, hint);
  throw dataError(error.message, { file, line });
}

/** A gzip stream that cannot be unpacked: truncated or corrupt. */
function gzipError(error: unknown, file: string): SurveyError {
  const why = error instanceof Error ? error.message : String(error);
  return dataError(`the file looks gzip-compressed but could not be decompressed (${why})`, { file }, 'check that the download or copy of the file is complete');
}

/**
 * A failed system call on the file (it has an errno code) as a data error naming the file.
 * Anything else passes through: a SurveyError is already located, and any other error is a
 * bug, to be shown as an internal error rather than as a problem of the file.
 */
function readError(error: unknown, file: string): unknown {
  if (error instanceof SurveyError || typeof (error as NodeJS.ErrnoException)?.code !== 'string') return error;
  return dataError(fileProblem(error, 'a CSV file'), { file });
}
