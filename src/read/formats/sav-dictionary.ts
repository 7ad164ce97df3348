import { dataError } from '../../errors.js';
import { float64, int32, sourceStream, type ByteStream, type Endian } from './sav-bytes.js';
import type { ByteSource } from './byte-source.js';

/**
 * The dictionary of an SPSS system file, as its records give it, before variables are put
 * together (src/read/formats/sav-variables.ts). Layout per the GNU PSPP developers' guide,
 * "System File Format":
 *
 * - File header (176 bytes): "$FL2"/"$FL3", product name, layout code (2 or 3; tells the byte
 *   order), nominal case size, compression (0 none, 1 bytecode, 2 zlib), weight index,
 *   ncases (-1 unknown), compression bias (flt64, normally 100), dates, file label.
 * - Type 2 variable records: type (0 numeric, 1-255 string width, -1 continuation of a
 *   string's 8-byte elements), label, missing values (count 0-3, -2 a range, -3 a range and
 *   one value), print/write formats, 8-byte short name.
 * - Type 3 value labels with their type 4 list of variables (1-based element indexes).
 * - Type 6 documents; type 7 extension records (subtype, element size, count, data): 3 integer
 *   info (character code), 4 float info (sysmis), 13 long names, 14 very long strings,
 *   20 encoding, 21 long string value labels, 22 long string missing values; others skipped.
 * - Type 999 ends the dictionary; the data follow.
 */
export interface SavHeader {
  zlib: boolean;
  littleEndian: boolean;
  /** 0 none, 1 bytecode, 2 zlib. */
  compression: number;
  ncases: number | null;
  bias: number;
  /** The 1-based case element of the weight variable (SPSS WEIGHT BY), or 0 when the file is not weighted. */
  weightIndex: number;
}

export interface SavVariableRecord {
  /** 1-based index of its first 8-byte element in a case. */
  index: number;
  /** 0 numeric, else the string width in bytes. */
  width: number;
  shortName: string;
  label: Buffer | null;
  /** Print format type (5 F, 20 DATE, 22 DATETIME...). */
  formatType: number;
  /** Discrete missing values: numbers, or 8-byte strings. */
  missing: (number | Buffer)[];
  missingRange: [number, number] | null;
  /** Its 8-byte elements, continuation records included. */
  elements: number;
}

export interface SavValueLabelSet {
  /** Raw 8-byte values and their labels. */
  labels: { value: Buffer; label: Buffer }[];
  /** 1-based element indexes of the variables they apply to. */
  indexes: number[];
}

export interface SavLongStringLabels {
  name: string;
  labels: { value: Buffer; label: Buffer }[];
}

export interface SavDictionary {
  header: SavHeader;
  variables: SavVariableRecord[];
  valueLabels: SavValueLabelSet[];
  longStringLabels: SavLongStringLabels[];
  longStringMissing: { name: string; values: Buffer[] }[];
  /** Short name → long name (record 7.13). */
  longNames: Map<string, string>;
  /** Short name → width of a very long string (record 7.14). */
  veryLongStrings: Map<string, number>;
  /** Record 7.20, or null. */
  encoding: string | null;
  /** Character code from record 7.3, or null. */
  characterCode: number | null;
  /** System-missing (record 7.4; -DBL_MAX when absent). */
  sysmis: number;
  /** Total 8-byte elements per case. */
  caseElements: number;
  /** Byte offset of the data (just after record 999). */
  dataOffset: number;
}

const HEADER_BYTES = 176;

/** A cursor over the dictionary's bytes that fails, located, where the file ends. */
class DictionaryReader implements Endian {
  constructor(
    private readonly stream: ByteStream,
    readonly littleEndian: boolean,
    private readonly what: string,
    private readonly file: string,
  ) {}

  get position(): number {
    return this.stream.consumed;
  }

  bytes(length: number): Buffer {
    if (length < 0 || length > 0x7fffffff) throw this.corrupt(`a record length of ${length}`);
    const start = this.stream.consumed;
    const out = this.stream.take(length);
    if (out.length < length) throw dataError(`the ${this.what} file ends inside its dictionary, at byte ${start + out.length} (truncated?)`, { file: this.file });
    return out;
  }

  int(): number {
    return int32(this.bytes(4), 0, this);
  }

  double(): number {
    return float64(this.bytes(8), 0, this);
  }

  corrupt(what: string): Error {
    return dataError(`the ${this.what} file is corrupt: ${what} at byte ${this.position}`, { file: this.file });
  }
}

export function readSavDictionary(source: ByteSource, file: string): SavDictionary {
  const head = source.read(0, HEADER_BYTES);
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic !== '$FL2' && magic !== '$FL3') throw dataError('not an SPSS system file (no "$FL2" or "$FL3" signature)', { file });
  const what = magic === '$FL3' ? '.zsav' : '.sav';
  if (head.length < HEADER_BYTES) throw dataError(`the ${what} file ends inside its header, at byte ${head.length} (truncated?)`, { file });
  const littleEndian = byteOrder(head, what, file);
  const reader = new DictionaryReader(sourceStream(source, 0), littleEndian, what, file);
  reader.bytes(64);
  reader.int(); // layout code
  reader.int(); // nominal case size (recomputed from the variable records)
  const compression = reader.int();
  const weightIndex = reader.int();
  const ncases = reader.int();
  const bias = reader.double();
  reader.bytes(HEADER_BYTES - 92);
  if (compression < 0 || compression > 2 || (compression === 2) !== (magic === '$FL3')) {
    throw dataError(`the ${what} file has an unknown compression code ${compression}`, { file });
  }
  const dictionary: SavDictionary = {
    header: { zlib: magic === '$FL3', littleEndian, compression, ncases: ncases < 0 ? null : ncases, bias, weightIndex: weightIndex > 0 ? weightIndex : 0 },
    variables: [],
    valueLabels: [],
    longStringLabels: [],
    longStringMissing: [],
    longNames: new Map(),
    veryLongStrings: new Map(),
    encoding: null,
    characterCode: null,
    sysmis: -Number.MAX_VALUE,
    caseElements: 0,
    dataOffset: 0,
  };
  for (;;) {
    const at = reader.position;
    const type = reader.int();
    if (type === 2) readVariable(reader, dictionary);
    else if (type === 3) readValueLabels(reader, dictionary);
    else if (type === 4) throw reader.corrupt('a value-label variable list (record type 4) without its labels');
    else if (type === 6) reader.bytes(80 * checkedCount(reader, reader.int()));
    else if (type === 7) readExtension(reader, dictionary);
    else if (type === 999) {
      reader.int();
      break;
    } else throw dataError(`the ${what} file has an unknown record type ${type} at byte ${at} (corrupt?)`, { file });
  }
  dictionary.dataOffset = reader.position;
  return dictionary;
}

/** The layout code (2 or 3) read in the right byte order tells the order. */
function byteOrder(head: Buffer, what: string, file: string): boolean {
  const little = head.readInt32LE(64);
  if (little === 2 || little === 3) return true;
  const big = head.readInt32BE(64);
  if (big === 2 || big === 3) return false;
  throw dataError(`the ${what} file has an unknown layout code (not 2 or 3); it may be corrupt`, { file });
}

function checkedCount(reader: DictionaryReader, count: number): number {
  if (count < 0 || count > 1e8) throw reader.corrupt(`a count of ${count}`);
  return count;
}

function readVariable(reader: DictionaryReader, dictionary: SavDictionary): void {
  const width = reader.int();
  const hasLabel = reader.int();
  const missingCount = reader.int();
  const print = reader.int();
  reader.int(); // write format
  const shortName = reader.bytes(8).toString('latin1').trimEnd();
  const label = hasLabel === 1 ? readLabel(reader) : null;
  if (missingCount < -3 || missingCount > 3) throw reader.corrupt(`a missing-value count of ${missingCount}`);
  const values = Array.from({ length: Math.abs(missingCount) }, () => reader.bytes(8));
  const index = dictionary.caseElements + 1;
  dictionary.caseElements += 1;
  if (width === -1) {
    const owner = dictionary.variables.at(-1);
    if (owner === undefined || owner.width === 0) throw reader.corrupt('a string continuation record without its string');
    owner.elements += 1;
    return;
  }
  if (width < 0 || width > 255) throw reader.corrupt(`a variable width of ${width}`);
  const asNumber = (b: Buffer): number => float64(b, 0, reader);
  const range = missingCount < -1 ? ([asNumber(values[0]), asNumber(values[1])] as [number, number]) : null;
  const discrete = missingCount < -1 ? values.slice(2) : values;
  dictionary.variables.push({
    index,
    width,
    shortName,
    label,
    formatType: (print >>> 16) & 0xff,
    missing: width === 0 ? discrete.map(asNumber) : discrete,
    missingRange: range,
    elements: 1,
  });
}

/** A variable label: int32 length, then the text padded to a multiple of 4 bytes. */
function readLabel(reader: DictionaryReader): Buffer {
  const length = checkedCount(reader, reader.int());
  const padded = reader.bytes(Math.ceil(length / 4) * 4);
  return padded.subarray(0, length);
}

function readValueLabels(reader: DictionaryReader, dictionary: SavDictionary): void {
  const count = checkedCount(reader, reader.int());
  const labels: { value: Buffer; label: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const value = reader.bytes(8);
    const length = reader.bytes(1)[0];
    // The length byte and the label are padded together to a multiple of 8 bytes.
    const text = reader.bytes(Math.ceil((length + 1) / 8) * 8 - 1);
    labels.push({ value, label: text.subarray(0, length) });
  }
  if (reader.int() !== 4) throw reader.corrupt('value labels (record type 3) not followed by their variable list (type 4)');
  const n = checkedCount(reader, reader.int());
  const indexes = Array.from({ length: n }, () => reader.int());
  dictionary.valueLabels.push({ labels, indexes });
}

function readExtension(reader: DictionaryReader, dictionary: SavDictionary): void {
  const subtype = reader.int();
  const size = checkedCount(reader, reader.int());
  const count = checkedCount(reader, reader.int());
  if (size * count > 0x7fffffff) throw reader.corrupt(`an extension record of ${size} × ${count} bytes`);
  const data = reader.bytes(size * count);
  if (subtype === 3 && data.length >= 32) dictionary.characterCode = int32(data, 28, reader);
  else if (subtype === 4 && data.length >= 8) dictionary.sysmis = float64(data, 0, reader);
  else if (subtype === 13) {
    for (const pair of data.toString('latin1').split('\t')) {
      const eq = pair.indexOf('=');
      // Names are decoded later with the file's encoding; keep the bytes as latin1 text.
      if (eq > 0) dictionary.longNames.set(pair.slice(0, eq).toUpperCase(), pair.slice(eq + 1));
    }
  } else if (subtype === 14) {
    for (const entry of data.toString('latin1').split('\t')) {
      const [name, width] = entry.replace(/\0/g, '').split('=');
      if (name !== undefined && width !== undefined && /^\d+$/.test(width.trim())) dictionary.veryLongStrings.set(name.toUpperCase(), Number(width));
    }
  } else if (subtype === 20) dictionary.encoding = data.toString('latin1').replace(/\0+$/, '').trim();
  else if (subtype === 21) dictionary.longStringLabels.push(...parseLongStringLabels(data, reader));
  else if (subtype === 22) dictionary.longStringMissing.push(...parseLongStringMissing(data, reader));
}

/** Record 7.21: per variable: name, width, label count, then (length, value, length, label) pairs. */
function parseLongStringLabels(data: Buffer, reader: DictionaryReader): SavLongStringLabels[] {
  const out: SavLongStringLabels[] = [];
  const cut = fieldCutter(data, reader);
  while (cut.remaining() > 0) {
    const name = cut.bytes(cut.int()).toString('latin1');
    cut.int(); // width
    const n = cut.int();
    const labels: { value: Buffer; label: Buffer }[] = [];
    for (let i = 0; i < n; i++) labels.push({ value: cut.bytes(cut.int()), label: cut.bytes(cut.int()) });
    out.push({ name, labels });
  }
  return out;
}

/** Record 7.22: per variable: name, a 1-byte count, the value length (8), the values. */
function parseLongStringMissing(data: Buffer, reader: DictionaryReader): { name: string; values: Buffer[] }[] {
  const out: { name: string; values: Buffer[] }[] = [];
  const cut = fieldCutter(data, reader);
  while (cut.remaining() > 0) {
    const name = cut.bytes(cut.int()).toString('latin1');
    const n = cut.bytes(1)[0];
    const length = cut.int();
    out.push({ name, values: Array.from({ length: n }, () => cut.bytes(length)) });
  }
  return out;
}

function fieldCutter(data: Buffer, reader: DictionaryReader) {
  let at = 0;
  const bytes = (length: number): Buffer => {
    if (length < 0 || at + length > data.length) throw reader.corrupt('an extension record that ends inside a field');
    const out = data.subarray(at, at + length);
    at += length;
    return out;
  };
  return { remaining: () => data.length - at, bytes, int: () => int32(bytes(4), 0, reader) };
}
