import { closeSync, openSync, readSync } from 'node:fs';
import { regularFileSize } from '../../read/file-size.js';
import { probeCsvStart, type CsvRange, type CsvStart, type ReadOptions } from '../../read/read-csv.js';
import { sniffFormat } from '../../read/formats/sniff-format.js';
import { lineStart } from '../../read/line-offsets.js';
import { CsvRecords } from '../../read/csv-records.js';
import { utf16ByteOrderMark } from '../../read/text-decoding.js';

/** Files at least this large are read as two ranges (smaller ones on one thread, where start-up matters more). */
export const SPLIT_MIN_BYTES = 32 << 20;

/** How much of the file's start is read to find its delimiter, layout and first data line. */
const HEAD_BYTES = 4 << 20;

/** How far past the middle the first line break is looked for. */
const CUT_WINDOW_BYTES = 1 << 20;

export interface SplitSettings {
  /** Files at least this large are split (default SPLIT_MIN_BYTES). */
  minBytes?: number;
  /** Where the second range is to start: the line after the first line break at or after this byte (default: half the file). */
  at?: number;
  /** 2 (default on a machine with 2 or more cores): the second range in a worker thread; 1: after the first, on this thread. */
  threads?: 1 | 2;
}

/**
 * How one CSV file is read as two ranges: [0, cut) on this thread, and the header lines plus
 * [cut, size) in a worker. `cut` is a function of the file alone (never of the cores), so one
 * thread or two give the same ranges, accumulators and figures.
 */
export interface SplitPlan {
  source: string;
  /** What the file's start says (the second range is read with this delimiter and layout). */
  start: CsvStart;
  first: CsvRange;
  second: Omit<CsvRange, 'startLine'>;
}

/**
 * The split of `sources`, or null when it is read in one pass: anything but one uncompressed
 * CSV file of SPLIT_MIN_BYTES or more, UTF-16 text, a file whose start has no data row, or
 * no line break in the CUT_WINDOW_BYTES after the middle. Whether the cut falls inside a
 * quoted field is known only once the first range is read (split-analysis.ts).
 */
export function planSplit(sources: string[], read: ReadOptions, split: SplitSettings): SplitPlan | null {
  if (sources.length !== 1 || sources[0] === '-' || read.sheet) return null;
  const source = sources[0];
  const size = regularFileSize(source);
  if (size === null || size < Math.max(split.minBytes ?? SPLIT_MIN_BYTES, 16)) return null;
  const head = readBytes(source, 0, Math.min(size, HEAD_BYTES));
  if (sniffFormat(head) !== 'text' || utf16ByteOrderMark(head) !== null) return null;
  const start = probeCsvStart(source, head, head.length === size, read);
  if (start === null) return null;
  const headerEnd = lineStart(head, start.firstDataLine);
  const cut = recordStartAfter(source, Math.max(split.at ?? Math.floor(size / 2), headerEnd), size, start);
  // TextDecoding decides on a byte-order mark from the first 3 bytes: the header lines must hold them.
  if (headerEnd < 3 || cut === -1 || cut <= headerEnd) return null;
  return {
    source,
    start,
    first: { headerEnd: 0, start: 0, end: cut, startLine: 1 },
    second: { headerEnd, start: cut, end: size },
  };
}

/** Line starts tried by recordStartAfter, and the records each must be followed by. */
const CUT_CANDIDATES = 64;
const CUT_CHECK_RECORDS = 8;
/** How much text after a candidate is split to check it. */
const CUT_CHECK_CHARS = 64 << 10;

/**
 * Where the second range starts: just after an LF at or after `at` (within CUT_WINDOW_BYTES;
 * never the end of the file), or -1. As parallel CSV readers do (DuckDB's), each candidate is
 * tried as a record start: the text after it must split into CUT_CHECK_RECORDS whole records of
 * the header's width. A line inside a quoted field rarely passes, so the first candidate that does
 * is taken (else the first LF); whether it really starts a record is checked when the first range
 * ends (split-analysis.ts).
 */
function recordStartAfter(source: string, at: number, size: number, start: CsvStart): number {
  const window = readBytes(source, at, Math.min(CUT_WINDOW_BYTES, size - at));
  const first = window.indexOf(10);
  if (first === -1 || at + first + 1 >= size) return -1;
  // Delimiters, quotes and line breaks are ASCII in every encoding read here: latin1 keeps their offsets.
  const text = window.toString('latin1');
  let lf = first;
  for (let tried = 0; tried < CUT_CANDIDATES && lf !== -1 && at + lf + 1 < size; tried++) {
    if (wholeRecords(text.slice(lf + 1, lf + 1 + CUT_CHECK_CHARS), start)) return at + lf + 1;
    lf = text.indexOf('\n', lf + 1);
  }
  return at + first + 1;
}

/** Whether `text` starts with CUT_CHECK_RECORDS records (after blank lines) of `start.width` fields each. */
function wholeRecords(text: string, start: CsvStart): boolean {
  const widths: number[] = [];
  const records = new CsvRecords(start.delimiter, '', () => undefined, (rows) => {
    for (const row of rows) if (!(row.length === 1 && row[0].trim() === '')) widths.push(row.length);
  });
  try {
    records.write(text);
  } catch {
    return false;
  }
  // The last record may be cut off by the window's end: it is not counted.
  return widths.length > CUT_CHECK_RECORDS && widths.slice(0, CUT_CHECK_RECORDS).every((w) => w === start.width);
}

function readBytes(source: string, at: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, length));
  const fd = openSync(source, 'r');
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, at));
  } finally {
    closeSync(fd);
  }
}
