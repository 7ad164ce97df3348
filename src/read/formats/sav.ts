import { TextDecoder } from 'node:util';
import { dataError } from '../../errors.js';
import type { BinaryReadOptions, BinaryTable } from './binary-table.js';
import type { ByteSource } from './byte-source.js';
import { numberText, stringText, textDecoderFor } from './sav-cells.js';
import { caseDecoder } from './sav-compression.js';
import { readSavDictionary } from './sav-dictionary.js';
import { savColumns, type SavColumn } from './sav-variables.js';

/**
 * An SPSS system file (.sav, uncompressed or bytecode-compressed; .zsav, zlib-compressed) as a
 * BinaryTable, read to the GNU PSPP developers' guide, "System File Format". The dictionary is
 * read here; the cases are streamed by `readRows`, a chunk of the file at a time.
 *
 * A cell is "" when it is system-missing (the file's sysmis value, record 7.4) or, unless
 * `keepUserMissing`, one of the variable's user-missing values or inside its missing range.
 */
export function openSav(bytes: ByteSource, file: string, options: BinaryReadOptions): BinaryTable {
  const dictionary = readSavDictionary(bytes, file);
  const decoder = textDecoderFor(dictionary.encoding, dictionary.characterCode);
  const columns = savColumns(dictionary, decoder);
  const what = dictionary.header.zlib ? '.zsav' : '.sav';
  const batchRecords = Math.max(1, options.batchRecords ?? 4096);
  const ncases = dictionary.header.ncases;
  const cellsOf = caseReader(columns, dictionary.sysmis, dictionary.header.littleEndian, decoder, options.keepUserMissing);
  return {
    format: dictionary.header.zlib ? 'zsav' : 'sav',
    columns: columns.map((c) => c.name),
    meta: columns.map((c) => c.meta),
    records: ncases,
    weight: weightColumn(columns, dictionary.header.weightIndex),
    readRows(onRows) {
      let caseNumber = 1;
      const cases = caseDecoder(bytes, dictionary, { file, what, caseNumber: () => caseNumber });
      const caseBytes = Buffer.alloc(dictionary.caseElements * 8);
      const sysmis = new Uint8Array(dictionary.caseElements);
      let batch: string[][] = [];
      let firstRecord = 1;
      for (; ncases === null || caseNumber <= ncases; caseNumber++) {
        const state = cases.next(caseBytes, sysmis);
        if (state === 'end') break;
        if (state === 'partial') throw dataError(`the ${what} file ends inside case ${caseNumber} (truncated?)`, { file });
        batch.push(cellsOf(caseBytes, sysmis));
        if (batch.length >= batchRecords) {
          onRows(batch, firstRecord);
          firstRecord += batch.length;
          batch = [];
        }
      }
      const read = caseNumber - 1;
      if (ncases !== null && read < ncases) {
        throw dataError(`the ${what} file holds ${read} cases but its header says ${ncases} (truncated?)`, { file });
      }
      if (batch.length > 0) onRows(batch, firstRecord);
    },
  };
}

/** The weight variable's name from the header's weight index (its first case element), or null. */
function weightColumn(columns: SavColumn[], weightIndex: number): string | null {
  if (weightIndex <= 0) return null;
  const column = columns.find((c) => c.kind !== 'string' && c.offset === (weightIndex - 1) * 8);
  return column?.name ?? null;
}

/** A case's cells, column by column. */
function caseReader(columns: SavColumn[], sysmisValue: number, littleEndian: boolean, decoder: TextDecoder, keepUserMissing: boolean) {
  const cells = columns.map((column) => {
    if (column.kind === 'string') return stringCell(column, decoder, keepUserMissing);
    const { offset, kind, missingNumbers, meta } = column;
    const element = offset / 8;
    const range = keepUserMissing ? null : meta.userMissingRange;
    const discrete = keepUserMissing ? [] : missingNumbers;
    return (bytes: Buffer, sysmis: Uint8Array): string => {
      if (sysmis[element] === 1) return '';
      const x = littleEndian ? bytes.readDoubleLE(offset) : bytes.readDoubleBE(offset);
      if (x === sysmisValue || Number.isNaN(x)) return '';
      if (discrete.includes(x) || (range !== null && x >= range[0] && x <= range[1])) return '';
      return numberText(x, kind);
    };
  });
  return (bytes: Buffer, sysmis: Uint8Array): string[] => cells.map((cell) => cell(bytes, sysmis));
}

function stringCell(column: SavColumn, decoder: TextDecoder, keepUserMissing: boolean) {
  const { pieces, missingStrings } = column;
  const width = pieces.reduce((sum, [, length]) => sum + length, 0);
  const joined = Buffer.alloc(width);
  return (bytes: Buffer): string => {
    let text: string;
    if (pieces.length === 1) text = stringText(bytes.subarray(pieces[0][0], pieces[0][0] + pieces[0][1]), decoder);
    else {
      let at = 0;
      for (const [offset, length] of pieces) at += bytes.copy(joined, at, offset, offset + length);
      text = stringText(joined, decoder);
    }
    return !keepUserMissing && missingStrings.has(text) ? '' : text;
  };
}
