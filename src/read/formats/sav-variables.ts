import { TextDecoder } from 'node:util';
import type { ColumnMeta } from '../table-header.js';
import { numberText, stringText, valueKind, type ValueKind } from './sav-cells.js';
import type { SavDictionary, SavVariableRecord } from './sav-dictionary.js';
import { float64 } from './sav-bytes.js';

/**
 * The variables of a system file as columns, from its dictionary records (GNU PSPP developers'
 * guide, "Very Long String Record", "Long Variable Names Record"):
 *
 * - A string longer than 255 bytes is stored as segments, each its own variable record: a
 *   string of width W has ceil(W / 252) segments; every segment but the last has width 255
 *   (32 elements) and holds 255 bytes of the text, the last the rest. Record 7.14 names the
 *   first segment and gives W; the segments become one column.
 * - A column is named by its long name (record 7.13) when it has one, else its short name.
 * - Labels, value labels and missing values are those of the first segment; value labels of
 *   strings longer than 8 bytes, and their missing values, come from records 7.21 and 7.22.
 */
export interface SavColumn {
  name: string;
  /** 'string' or how a number is shown. */
  kind: 'string' | ValueKind;
  /** For a string: where its bytes are in a case ([byte offset, length] pairs, in order). */
  pieces: [number, number][];
  /** For a number: its element's byte offset in a case. */
  offset: number;
  meta: ColumnMeta;
  /** Discrete user-missing numbers. */
  missingNumbers: number[];
  /** User-missing strings, as cell texts. */
  missingStrings: Set<string>;
}

/** Bytes of a very long string per segment, for counting segments. */
const SEGMENT_COUNT_BYTES = 252;
/** Text bytes held by each segment but the last. */
const SEGMENT_TEXT_BYTES = 255;
const LOW_BOUND = -1e308;
const HIGH_BOUND = 1e308;

export function savColumns(dictionary: SavDictionary, decoder: TextDecoder): SavColumn[] {
  const records = dictionary.variables;
  const text = (bytes: Buffer): string => stringText(bytes, decoder);
  const columns: SavColumn[] = [];
  const byIndex = new Map<number, SavColumn>();
  const byName = new Map<string, SavColumn>();
  for (let i = 0; i < records.length; i++) {
    const first = records[i];
    const fullWidth = dictionary.veryLongStrings.get(first.shortName.toUpperCase());
    const segments = fullWidth !== undefined && first.width > 0 ? Math.max(1, Math.ceil(fullWidth / SEGMENT_COUNT_BYTES)) : 1;
    const parts = records.slice(i, i + segments);
    i += parts.length - 1;
    const column = toColumn(first, parts, fullWidth, dictionary, text);
    columns.push(column);
    byIndex.set(first.index, column);
    byName.set(first.shortName.toUpperCase(), column);
    byName.set(column.name.toUpperCase(), column);
  }
  for (const set of dictionary.valueLabels) {
    for (const index of set.indexes) {
      const column = byIndex.get(index);
      if (column === undefined) continue;
      for (const { value, label } of set.labels) {
        const key = column.kind === 'string' ? text(value) : numberText(float64(value, 0, dictionary.header), column.kind);
        addLabel(column, key, text(label));
      }
    }
  }
  for (const { name, labels } of dictionary.longStringLabels) {
    const column = byName.get(recode(name, decoder).toUpperCase());
    if (column === undefined) continue;
    for (const { value, label } of labels) addLabel(column, text(value), text(label));
  }
  for (const { name, values } of dictionary.longStringMissing) {
    const column = byName.get(recode(name, decoder).toUpperCase());
    if (column === undefined) continue;
    for (const value of values) {
      column.missingStrings.add(text(value));
      column.meta.userMissing.push(text(value));
    }
  }
  return columns;
}

function toColumn(
  first: SavVariableRecord,
  parts: SavVariableRecord[],
  fullWidth: number | undefined,
  dictionary: SavDictionary,
  text: (bytes: Buffer) => string,
): SavColumn {
  const longName = dictionary.longNames.get(first.shortName.toUpperCase());
  const name = longName !== undefined ? text(Buffer.from(longName, 'latin1')) : first.shortName;
  const label = first.label === null ? null : text(first.label).trim() || null;
  const meta: ColumnMeta = { label, valueLabels: null, userMissing: [], userMissingRange: null };
  const kind = first.width > 0 ? 'string' : valueKind(first.formatType);
  const offset = (first.index - 1) * 8;
  const pieces: [number, number][] = first.width > 0 ? stringPieces(parts, fullWidth) : [];
  const column: SavColumn = { name, kind, pieces, offset, meta, missingNumbers: [], missingStrings: new Set() };
  for (const value of first.missing) {
    if (typeof value === 'number') {
      column.missingNumbers.push(value);
      meta.userMissing.push(numberText(value, kind === 'string' ? 'number' : kind));
    } else {
      const cell = text(value);
      column.missingStrings.add(cell);
      meta.userMissing.push(cell);
    }
  }
  if (first.missingRange !== null) {
    const [low, high] = first.missingRange;
    meta.userMissingRange = [low <= LOW_BOUND ? -Infinity : low, high >= HIGH_BOUND ? Infinity : high];
  }
  return column;
}

/** The bytes of each segment that hold text: 255 of every full segment, the rest in the last. */
function stringPieces(parts: SavVariableRecord[], fullWidth: number | undefined): [number, number][] {
  if (fullWidth === undefined || parts.length === 1) return [[(parts[0].index - 1) * 8, fullWidth ?? parts[0].width]];
  return parts.map((part, k) => {
    const used = k < parts.length - 1 ? SEGMENT_TEXT_BYTES : Math.min(part.width, fullWidth - SEGMENT_TEXT_BYTES * k);
    return [(part.index - 1) * 8, used];
  });
}

function addLabel(column: SavColumn, key: string, label: string): void {
  column.meta.valueLabels ??= new Map();
  column.meta.valueLabels.set(key, label);
}

/** A name kept as latin1 text, decoded with the file's encoding. */
function recode(name: string, decoder: TextDecoder): string {
  return decoder.decode(Buffer.from(name, 'latin1')).trimEnd();
}
