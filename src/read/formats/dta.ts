import { dataError, type SurveyError } from '../../errors.js';
import type { ColumnMeta } from '../table-header.js';
import type { BinaryReadOptions, BinaryTable } from './binary-table.js';
import type { ByteSource } from './byte-source.js';
import { cellReader, type CellReader } from './dta-cells.js';
import { readDtaDictionary, typeWidth, type DtaVariable } from './dta-dictionary.js';
import { readDtaHeader, unsupportedDtaRelease, type DtaHeader } from './dta-header.js';
import { DtaStrls } from './dta-strls.js';
import { readDtaValueLabels } from './dta-value-labels.js';

/**
 * A Stata .dta file of release 117 (Stata 13), 118 (Stata 14-18) or 119 (Stata 15-18 with more
 * than 32,767 variables), in either byte order, read to Stata's published format ("help dta").
 *
 * openDta reads the header, the map, the variables' dictionary, the strL index and the value
 * labels (each found through the map) and checks that the data section is whole; readRows then
 * streams the data section, fixed-width records in file order, about 1 MiB at a time.
 * Variable labels become the columns' question wording and value labels their response sets;
 * `.` and `.a`-`.z` are missing (""), and Stata has no user-missing codes.
 */
export function openDta(bytes: ByteSource, file: string, options: BinaryReadOptions): BinaryTable {
  const header = readDtaHeader(bytes, file);
  const variables = readDtaDictionary(header);
  const widths = variables.map((variable) => typeWidth(variable.type));
  const recordLength = widths.reduce((sum, width) => sum + width, 0);
  const dataStart = checkDataSection(header, recordLength);
  const strls = variables.some((variable) => variable.type.kind === 'strL') ? DtaStrls.read(header) : null;
  const tables = readDtaValueLabels(header);
  const noStrls = (): DtaStrls => {
    throw header.bytes.garbled('a strL cell without a strL variable');
  };
  const readers = variables.map((variable) => cellReader(variable, header, strls ? () => strls : noStrls));
  return {
    format: 'dta',
    columns: variables.map((variable) => variable.name),
    meta: variables.map((variable) => columnMeta(variable, tables)),
    records: header.observations,
    weight: null,
    readRows: (onRows) => streamRecords(header, dataStart, recordLength, widths, readers, options.batchRecords ?? 4096, onRows),
  };
}

/** The error for a file sniffed as 'old-dta' (a format before 117: its first byte is the release). */
export function oldDtaError(bytes: Buffer, file: string): SurveyError {
  return unsupportedDtaRelease(bytes[0], file);
}

function columnMeta(variable: DtaVariable, tables: Map<string, Map<string, string>>): ColumnMeta {
  const table = variable.valueLabelName === '' ? undefined : tables.get(variable.valueLabelName);
  return {
    label: variable.label === '' ? null : variable.label,
    valueLabels: table === undefined ? null : new Map(table),
    userMissing: [],
    userMissingRange: null,
  };
}

/** Where the records start; the file must hold all N of them and the closing </data> tag. */
function checkDataSection(header: DtaHeader, recordLength: number): number {
  const { bytes, map, observations } = header;
  const start = bytes.expectTag(map.data, '<data>', 'data');
  const end = start + observations * recordLength;
  if (bytes.source.size < end) throw truncatedAt(header, Math.floor((bytes.source.size - start) / recordLength) + 1);
  bytes.expectTag(end, '</data>', 'data');
  return start;
}

function truncatedAt(header: DtaHeader, observation: number): SurveyError {
  return dataError(`the Stata file is truncated: it ends inside observation ${observation} of ${header.observations}`, { file: header.bytes.file });
}

const READ_BYTES = 1 << 20;

function streamRecords(
  header: DtaHeader,
  dataStart: number,
  recordLength: number,
  widths: number[],
  readers: CellReader[],
  batchRecords: number,
  onRows: (rows: string[][], firstRecord: number) => void,
): void {
  const total = header.observations;
  const perRead = recordLength === 0 ? total : Math.max(1, Math.floor(READ_BYTES / recordLength));
  let batch: string[][] = [];
  let batchFirst = 1;
  for (let first = 1; first <= total; first += perRead) {
    const count = Math.min(perRead, total - first + 1);
    const chunk = header.bytes.source.read(dataStart + (first - 1) * recordLength, count * recordLength);
    if (chunk.length < count * recordLength) throw truncatedAt(header, first + Math.floor(chunk.length / recordLength));
    for (let i = 0; i < count; i++) {
      batch.push(decodeRecord(chunk, i * recordLength, widths, readers, first + i));
      if (batch.length === batchRecords) {
        onRows(batch, batchFirst);
        batchFirst += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length > 0) onRows(batch, batchFirst);
}

function decodeRecord(chunk: Buffer, start: number, widths: number[], readers: CellReader[], observation: number): string[] {
  const row = new Array<string>(readers.length);
  let offset = start;
  for (let j = 0; j < readers.length; j++) {
    row[j] = readers[j](chunk, offset, observation);
    offset += widths[j];
  }
  return row;
}
