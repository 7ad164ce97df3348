import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { dataError, fileProblem, SurveyError } from '../errors.js';
import { regularFileSize } from './file-size.js';
import { BATCH_RECORDS, CsvRecords, MAX_RECORD_CHARS } from './csv-records.js';
import { countLineBreaks, TextDecoding, type Encoding } from './text-decoding.js';
import { detectDelimiter } from './detect-delimiter.js';
import type { InputLayout, TableHeader } from './table-header.js';
import { LayoutStage } from './layout/layout-stage.js';
import { LOOKAHEAD_RECORDS } from './layout/layout.js';

export interface ReadOptions {
  /** Force a delimiter; otherwise comma, semicolon, tab or pipe is detected. */
  delimiter: string | null;
  encoding: Encoding;
  /** Files up to this many bytes are read in one piece (default WHOLE_FILE_BYTES); 0 streams every file. */
  wholeFileBytes?: number;
  /** The size of the chunks a streamed file is read in (default CHUNK_BYTES; tests vary it). */
  chunkBytes?: number;
  /** The layout chosen with --input-format; null or absent: detected. */
  layout?: InputLayout | null;
  /** The sheet of an .xlsx workbook (a name, or a 1-based number as text); null or absent: the first. */
  sheet?: string | null;
  /** Keep SPSS user-missing values as codes. */
  keepUserMissing?: boolean;
  /** false: never read a small plain CSV by the WebAssembly scan of accumulate-plain.ts (the tests compare both ways). */
  plainScan?: boolean;
  /** The most values (codes, or scores) of a block of rows in that scan (default accumulate-plain.ts BLOCK_VALUES; tests make it small). */
  plainBlockValues?: number;
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

/** Streamed files are read in chunks of this many bytes. */
export const CHUNK_BYTES = 1 << 16;

/** Files up to this size are read in one piece, without a stream's machinery (start-up time). */
export const WHOLE_FILE_BYTES = 4 << 20;

/**
 * Stream one CSV source (a path, or `-` for standard input) into `sink`: strictly decoded
 * text, gzip-compressed input unpacked on the fly, split into records by csv-records.ts.
 * Rows are handed on in batches and never all held. Blank lines are skipped; a ragged row, an
 * unclosed quote, an over-long field or line, or a bad header is an error with the file and
 * line. A small file is read in one piece, a larger one, standard input and gzip in chunks:
 * every stage works on pieces of any size and gives the same rows, lines and errors.
 */
export function readCsv(source: string, options: ReadOptions, sink: RowSink): Promise<void> {
  const file = sourceName(source);
  const whole = smallFile(source, options.wholeFileBytes ?? WHOLE_FILE_BYTES);
  if (whole !== null) {
    try {
      const reader = new TextReader(file, options, sink);
      reader.write(whole);
      reader.end();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(readError(error, file));
    }
  }
  return readStream(source, file, options, sink);
}

/**
 * A byte range of a CSV file read as if it were the file (split-analysis): bytes [0, headerEnd)
 * (the lines before the first data line: the header rows), then bytes [start, end), which
 * begin at line `startLine` of the file. Rows, lines and errors are those of the whole file's.
 */
export interface CsvRange {
  headerEnd: number;
  start: number;
  end: number;
  startLine: number;
}

/**
 * Stream one range of a CSV file (uncompressed, not UTF-16) into `sink`. The header lines must
 * end a record and `start` must be where a line starts; whether `start` also starts a record
 * (and not a line inside a quoted field) is for the caller to check (split-analysis.ts).
 */
export async function readCsvRange(source: string, options: ReadOptions, range: CsvRange, sink: RowSink): Promise<void> {
  const file = sourceName(source);
  const reader = new TextReader(file, options, sink);
  try {
    if (range.headerEnd > 0) {
      const header = Buffer.allocUnsafe(range.headerEnd);
      const fd = openSync(source, 'r');
      try {
        if (readSync(fd, header, 0, range.headerEnd, 0) !== range.headerEnd) throw new Error('readCsvRange: the file is shorter than its header lines');
      } finally {
        closeSync(fd);
      }
      reader.write(header);
      reader.jump(range.startLine);
    }
    const bytes = createReadStream(source, { start: range.start, end: range.end - 1, highWaterMark: options.chunkBytes ?? CHUNK_BYTES });
    try {
      for await (const chunk of iterate(bytes, (error) => readError(error, file))) reader.write(chunk);
    } finally {
      bytes.destroy();
    }
    reader.end();
  } catch (error) {
    throw readError(error, file);
  }
}

/** The probe's record batches: enough for the layout's look-ahead (layout.ts) and a data row, most often in one batch. */
const PROBE_BATCH_RECORDS = LOOKAHEAD_RECORDS + 2;

/** What the start of a CSV file says: its delimiter, its layout and the line of its first data row. */
export interface CsvStart {
  delimiter: string;
  layout: InputLayout;
  firstDataLine: number;
  /** Fields of every record (the header's). */
  width: number;
  /** The header the layout gives, as the sink of a read of the file gets it. */
  header: TableHeader;
}

/**
 * The delimiter, layout and first data line of a CSV file from its first bytes (`whole`: the
 * whole file), read as readCsv reads them; null when they hold no data row, or anything goes wrong (readCsv will
 * then report it).
 */
export function probeCsvStart(source: string, head: Uint8Array, whole: boolean, options: ReadOptions): CsvStart | null {
  const found: { header: TableHeader | null; line: number; width: number } = { header: null, line: -1, width: 0 };
  const stop = new Error('probe: first data row found');
  // Small batches: the first data row is known a few records after the header, not 256.
  const reader = new TextReader(sourceName(source), options, {
    header: (header) => {
      found.header = header;
    },
    rows: (rows, lineOf) => {
      found.line = lineOf(0);
      found.width = rows[0].length;
      throw stop;
    },
  }, PROBE_BATCH_RECORDS);
  try {
    for (let at = 0; at < head.length; at += CHUNK_BYTES) reader.write(head.subarray(at, at + CHUNK_BYTES));
    // A file shorter than the delimiter's sample is all of it.
    if (whole) reader.end();
  } catch (error) {
    if (error !== stop) return null;
  }
  const delimiter = reader.delimiter;
  const header = found.header;
  return found.line === -1 || header === null || delimiter === null ? null : { delimiter, layout: header.layout, firstDataLine: found.line, width: found.width, header };
}

async function readStream(source: string, file: string, options: ReadOptions, sink: RowSink): Promise<void> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const bytes = openBytes(source, file, chunkBytes);
  let raw: Readable = bytes;
  try {
    const reader = new TextReader(file, options, sink);
    const first = await firstBytes(bytes);
    if (first.length === 0) {
      throw dataError(source === '-' ? 'standard input is empty: no header row' : 'the file is empty: no header row', { file });
    }
    if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
      // zlib is loaded only for compressed input (start-up time).
      const { createGunzip } = await import('node:zlib');
      const gunzip = createGunzip(options.chunkBytes === undefined ? {} : { chunkSize: Math.max(64, chunkBytes) });
      bytes.unshift(first);
      raw = bytes.pipe(gunzip);
      bytes.on('error', (error) => gunzip.destroy(error));
      for await (const chunk of iterate(raw, (error) => gzipError(error, file))) reader.write(chunk);
    } else {
      reader.write(first);
      for await (const chunk of iterate(bytes, (error) => readError(error, file))) reader.write(chunk);
    }
    reader.end();
  } catch (error) {
    throw readError(error, file);
  } finally {
    if (raw !== bytes) raw.destroy();
    bytes.destroy();
  }
}

/**
 * The chunks of a stream; an error of the stream itself is mapped by `mapError` (an error
 * thrown by the loop's body is not).
 */
async function* iterate(stream: Readable, mapError: (error: unknown) => unknown): AsyncGenerator<Buffer> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      throw mapError(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The first bytes of a stream, at least 2 of them unless it is shorter (the gzip magic); empty when it is empty. */
async function firstBytes(bytes: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  return new Promise<Buffer>((resolve, reject) => {
    const done = (): void => {
      bytes.removeListener('data', onData);
      bytes.removeListener('end', done);
      bytes.removeListener('error', onError);
      bytes.pause();
      resolve(Buffer.concat(chunks, length));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= 2) done();
    };
    const onError = (error: Error): void => {
      bytes.removeListener('data', onData);
      bytes.removeListener('end', done);
      reject(error);
    };
    bytes.on('data', onData);
    bytes.once('end', done);
    bytes.once('error', onError);
  });
}

/** The bytes of a small, uncompressed file, or null when it is to be streamed. */
function smallFile(source: string, limit: number): Buffer | null {
  const size = regularFileSize(source); // null: openBytes reports it
  if (size === null || size === 0 || size > limit) return null;
  const bytes = readFileSync(source);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? null : bytes;
}

function openBytes(source: string, file: string, chunkBytes: number): Readable {
  if (source === '-') return process.stdin;
  let stat;
  try {
    stat = statSync(source);
  } catch (error) {
    throw readError(error, file);
  }
  if (stat.isDirectory()) throw dataError('is a directory, not a CSV file', { file });
  return createReadStream(source, { highWaterMark: chunkBytes });
}

/** How much text the delimiter is detected from: this much, and at least the whole first line (up to the line limit). */
const SAMPLE_CHARS = 1 << 16;

/**
 * Bytes → text → records → rows for the sink, fed chunks of any size. Until the delimiter is
 * known the text is gathered: the detection sample is the first SAMPLE_CHARS characters, or
 * the whole first line when it is longer (at most the line limit), or all the text when there
 * is less; the same sample however the bytes came.
 */
class TextReader {
  private readonly decoding: TextDecoding;
  private records: CsvRecords | null = null;
  private pending: string[] = [];
  private pendingChars = 0;
  /** Where the first line ends (index of its first line break), -1 while unknown. */
  private firstBreak = -1;
  private readonly rowStage: RowStage;
  private chosenDelimiter = ',';

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
    sink: RowSink,
    private readonly batchRecords = BATCH_RECORDS,
  ) {
    this.decoding = new TextDecoding(file, options.encoding, (text) => this.text(text), () => this.nextLine());
    this.rowStage = new RowStage(file, new LayoutStage(file, 'csv', 'line', options.layout ?? null, sink), () => this.decoding.bytes);
  }

  write(bytes: Uint8Array): void {
    try {
      this.decoding.write(bytes);
    } catch (error) {
      this.beforeDecodingError();
      throw error;
    }
  }

  end(): void {
    try {
      this.decoding.end();
    } catch (error) {
      this.beforeDecodingError();
      throw error;
    }
    if (this.records === null) this.start(true);
    this.records!.end();
    this.rowStage.end();
  }

  /** The delimiter, once it is chosen. */
  get delimiter(): string | null {
    return this.records === null ? null : this.chosenDelimiter;
  }

  /**
   * The next bytes are line `line` of the file (readCsvRange: its header lines, then a byte range
   * from the start of a line). Only where the bytes so far end a record, at a character boundary.
   */
  jump(line: number): void {
    if (this.records === null || !this.decoding.atCharacterBoundary) throw new Error('TextReader.jump: the header lines end inside a character or before the delimiter is known');
    this.records.jumpToLine(line);
  }

  /** The line of the next character of text (for a decoding error). */
  private nextLine(): number {
    return this.records !== null ? this.records.nextLine : 1 + countLineBreaks(this.pending.join(''), this.pendingChars);
  }

  private text(text: string): void {
    if (this.records !== null) {
      this.records.write(text);
      return;
    }
    if (this.firstBreak === -1) {
      const lf = text.indexOf('\n');
      const cr = text.indexOf('\r');
      const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (at !== -1) this.firstBreak = this.pendingChars + at;
    }
    this.pending.push(text);
    this.pendingChars += text.length;
    // A delimiter that was given needs no sample.
    if (this.options.delimiter !== null || this.pendingChars >= this.sampleLength()) this.start(false);
  }

  private sampleLength(): number {
    const firstLine = this.firstBreak === -1 ? Infinity : this.firstBreak + 1;
    return Math.min(Math.max(SAMPLE_CHARS, firstLine), MAX_RECORD_CHARS + 1);
  }

  /**
   * Bytes that are not text: the valid text before them (all of it passed on by TextDecoding)
   * is split into records first, so that an earlier ragged row or bad value is the error
   * reported, however much text had been gathered for the delimiter.
   */
  private beforeDecodingError(): void {
    if (this.records === null && this.pendingChars > 0) this.start(true);
  }

  /** The delimiter is chosen; the gathered text goes to the record splitter. */
  private start(ended: boolean): void {
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    const sample = ended ? text : text.slice(0, this.sampleLength());
    const delimiter = this.options.delimiter ?? detectDelimiter(sample);
    this.chosenDelimiter = delimiter;
    this.records = new CsvRecords(delimiter, this.file, (i) => this.rowStage.columnName(i), (rows, lines) => this.rowStage.rows(rows, lines), this.batchRecords);
    if (text.length > 0) this.records.write(text);
  }
}

/**
 * Records → the layout stage: blank lines and Excel's `sep=` line skipped, the header's width
 * kept, a ragged row an error (after the rows before it were handed on).
 */
class RowStage {
  private width = -1;
  private sepChecked = false;
  private header: string[] | null = null;

  constructor(
    private readonly file: string,
    private readonly stage: LayoutStage,
    private readonly bytes: () => number,
  ) {}

  /** The name of field `index` of the header row, for errors, once it is known. */
  columnName(index: number): string | undefined {
    const name = this.header?.[index];
    return name === undefined ? undefined : name.trim();
  }

  rows(data: string[][], lines: number[]): void {
    let start = 0;
    if (this.width === -1) {
      start = firstNonBlank(data, 0);
      if (!this.sepChecked && start < data.length) {
        this.sepChecked = true;
        if (isSepLine(data[start])) start = firstNonBlank(data, start + 1);
      }
      if (start === data.length) return;
      this.width = data[start].length;
      this.header = data[start];
    }
    const width = this.width;
    const kept: string[][] = [];
    const keptLines: number[] = [];
    for (let i = start; i < data.length; i++) {
      const row = data[i];
      // A blank line is skipped, also in a one-column file (where it could be an empty answer).
      if (isBlank(row)) continue;
      if (row.length !== width) {
        this.hand(kept, keptLines);
        throw dataError(`this row has ${row.length} fields but the header has ${width}`, {
          file: this.file,
          line: lines[i],
        }, 'check for an unquoted delimiter inside a value, or a missing field');
      }
      kept.push(row);
      keptLines.push(lines[i]);
    }
    this.hand(kept, keptLines);
  }

  end(): void {
    if (this.width === -1) throw dataError('the file has no header row', { file: this.file });
    this.stage.end(this.bytes());
  }

  private hand(rows: string[][], lines: number[]): void {
    if (rows.length > 0) this.stage.records(rows, (i) => lines[i], this.bytes());
  }
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
