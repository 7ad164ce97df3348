import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dataError, usageError } from '../errors.js';
import type { BinaryTable } from './formats/binary-table.js';
import { bufferByteSource, fileByteSource, type ByteSource } from './formats/byte-source.js';
import { sniffFormat, SNIFF_BYTES, type SniffedFormat } from './formats/sniff-format.js';
import { LayoutStage } from './layout/layout-stage.js';
import { readCsv, sourceName, type ReadOptions, type RowSink } from './read-csv.js';

/**
 * One input, whatever its format, into `sink`: the first bytes tell the format (never the file
 * name; sniff-format.ts). CSV and TSV text (gzip-compressed too) is streamed by read-csv.ts;
 * .sav, .zsav and .dta are read by their own readers, record by record, with their labels as
 * column metadata; an .xlsx sheet goes through the same layout detection as a CSV; any other
 * binary format is refused with an error that names it and says what to do.
 */
export async function readTable(source: string, options: ReadOptions, sink: RowSink): Promise<void> {
  const file = sourceName(source);
  if (source === '-') {
    const head = await peekStdin();
    if (head === null) throw dataError('standard input is empty: no header row', { file });
    const kind = sniffFormat(head);
    if (kind === 'text' || kind === 'gzip') return readCsv(source, options, sink);
    const bytes = await readAllStdin();
    return readBinary(kind, bytes, () => bufferByteSource(bytes), file, options, sink);
  }
  const head = readHead(source);
  const kind = head === null ? 'text' : sniffFormat(head);
  if (kind === 'text' || kind === 'gzip') {
    checkTextOptions(options, file);
    return readCsv(source, options, sink);
  }
  return readBinary(kind, head!, () => fileByteSource(source), file, options, sink, () => readFileSync(source));
}

async function readBinary(
  kind: SniffedFormat,
  head: Buffer,
  open: () => ByteSource,
  file: string,
  options: ReadOptions,
  sink: RowSink,
  whole: () => Buffer = () => head,
): Promise<void> {
  // The readers of binary formats are loaded when such a file is met: a CSV run, the usual
  // one, does not initialise them (start-up time).
  if (kind === 'sav' || kind === 'zsav' || kind === 'dta') {
    if (options.sheet) throw usageError('--sheet applies only to .xlsx workbooks', { file, option: '--sheet' });
    if (options.layout && options.layout !== 'csv') throw usageError(`--input-format ${options.layout} applies only to CSV, TSV and .xlsx files`, { file, option: '--input-format' });
    const { openDta } = await import('./formats/dta.js');
    const { openSav } = await import('./formats/sav.js');
    const bytes = open();
    try {
      const read = { keepUserMissing: options.keepUserMissing === true };
      emitTable(kind === 'dta' ? openDta(bytes, file, read) : openSav(bytes, file, read), bytes.size, file, sink);
    } finally {
      bytes.close();
    }
    return;
  }
  if (kind === 'old-dta') throw (await import('./formats/dta.js')).oldDtaError(head, file);
  const all = whole();
  const refused = (await import('./formats/unsupported-format.js')).unsupportedFormatError(kind, all, file);
  if (refused !== null) throw refused;
  if (kind !== 'zip') throw dataError('the file is binary data of a format that is not read', { file }, 'save it as CSV (UTF-8), .xlsx, .sav or .dta');
  const { readXlsx } = await import('./formats/xlsx.js');
  const sheet = await readXlsx(all, file, { sheet: options.sheet ?? null });
  const stage = new LayoutStage(file, 'xlsx', 'row', options.layout ?? null, sink);
  stage.records(sheet.rows, (i) => sheet.rowNumbers[i], all.length);
  if (!stage.sawHeader) throw dataError(`sheet "${sheet.sheet}" is empty: no header row`, { file });
  stage.end(all.length);
}

/** A .sav or .dta: its variables and labels as the header, then its records in batches. */
function emitTable(table: BinaryTable, size: number, file: string, sink: RowSink): void {
  sink.header({
    file,
    format: table.format,
    layout: table.format === 'dta' ? 'stata' : 'spss',
    columns: table.columns,
    meta: table.meta,
    headerRows: 0,
    unit: table.format === 'dta' ? 'observation' : 'case',
    idColumn: null,
    metadataColumns: [],
    rules: [],
    weightColumn: table.weight,
  });
  const records = table.records;
  table.readRows((rows, firstRecord) => {
    const done = records === null || records === 0 ? 0 : Math.round((size * (firstRecord - 1 + rows.length)) / records);
    sink.rows(rows, (i) => firstRecord + i, file, done);
  });
}

/** Options that only binary formats take are refused on text. */
function checkTextOptions(options: ReadOptions, file: string): void {
  if (options.sheet) throw usageError('--sheet applies only to .xlsx workbooks; this file is text', { file, option: '--sheet' });
}

/** The first bytes of a regular file, or null when it is not one (read-csv.ts reports that). */
function readHead(path: string): Buffer | null {
  try {
    if (!statSync(path).isFile()) return null;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(SNIFF_BYTES);
      const n = readSync(fd, head, 0, SNIFF_BYTES, 0);
      return head.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** The first chunk of standard input, put back for whoever reads it next; null when it is empty. */
function peekStdin(): Promise<Buffer | null> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    const onEnd = (): void => {
      stdin.removeListener('readable', onReadable);
      resolve(null);
    };
    const onReadable = (): void => {
      const chunk: Buffer | null = stdin.read();
      if (chunk === null) {
        stdin.once('readable', onReadable);
        return;
      }
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', reject);
      stdin.unshift(chunk);
      resolve(chunk);
    };
    stdin.once('end', onEnd);
    stdin.once('error', reject);
    stdin.once('readable', onReadable);
  });
}

/** All of standard input: a binary file cannot be streamed from a pipe (its readers seek), so it is held whole. */
async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
