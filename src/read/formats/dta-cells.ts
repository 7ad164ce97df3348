import { dtaText } from './dta-bytes.js';
import type { DtaVariable } from './dta-dictionary.js';
import type { DtaHeader } from './dta-header.js';
import { BYTE_MAX_NONMISSING, INT_MAX_NONMISSING, LONG_MAX_NONMISSING, isMissingDouble, isMissingFloat } from './dta-missing.js';
import type { DtaStrls } from './dta-strls.js';

/** Reads one variable's cell from a record: the bytes, the offset of the cell, the observation number. */
export type CellReader = (record: Buffer, offset: number, observation: number) => string;

/**
 * A variable's cells as text (binary-table.ts): a number as String(x) (a float in the fewest
 * digits that read back to the same float), a missing value (`.`, `.a`-`.z`) as "", a string
 * without its trailing blanks. Dates by display format (Stata's "help datetime"): %td (and
 * the older %d) count days since 1960-01-01 and read as "YYYY-MM-DD"; %tc and %tC count
 * milliseconds since 1960-01-01 00:00:00 and read as "YYYY-MM-DD HH:MM:SS" (%tC's leap seconds
 * are not applied, as R's haven does not). Other formats (%tw, %tm, %tq, %th, %ty, %tb) read as numbers.
 */
export function cellReader(variable: DtaVariable, header: DtaHeader, strls: () => DtaStrls): CellReader {
  const little = header.bytes.littleEndian;
  const type = variable.type;
  if (type.kind === 'str') return (record, offset) => trimEnd(dtaText(record.subarray(offset, offset + type.width)));
  if (type.kind === 'strL') return (record, offset, observation) => trimEnd(strls().text(record, offset, observation));
  const show = numberText(variable.format, type.kind === 'float');
  switch (type.kind) {
    case 'byte':
      return (record, offset) => {
        const value = record.readInt8(offset);
        return value > BYTE_MAX_NONMISSING ? '' : show(value);
      };
    case 'int':
      return (record, offset) => {
        const value = little ? record.readInt16LE(offset) : record.readInt16BE(offset);
        return value > INT_MAX_NONMISSING ? '' : show(value);
      };
    case 'long':
      return (record, offset) => {
        const value = little ? record.readInt32LE(offset) : record.readInt32BE(offset);
        return value > LONG_MAX_NONMISSING ? '' : show(value);
      };
    case 'float':
      return (record, offset) => {
        const value = little ? record.readFloatLE(offset) : record.readFloatBE(offset);
        return isMissingFloat(value) ? '' : show(value);
      };
    case 'double':
      return (record, offset) => {
        const value = little ? record.readDoubleLE(offset) : record.readDoubleBE(offset);
        return isMissingDouble(value) ? '' : show(value);
      };
  }
}

const MS_PER_DAY = 86_400_000;
const STATA_EPOCH_MS = Date.UTC(1960, 0, 1);

/** How a nonmissing number of a variable with this display format is written. */
function numberText(format: string, isFloat: boolean): (value: number) => string {
  if (/^%-?(td|d)/.test(format)) return (days) => isoText(STATA_EPOCH_MS + Math.floor(days) * MS_PER_DAY, 10) ?? String(days);
  if (/^%-?t[cC]/.test(format)) return (ms) => isoText(STATA_EPOCH_MS + ms, 19) ?? String(ms);
  return isFloat ? shortestFloatText : String;
}

/** A UTC instant as "YYYY-MM-DD" (length 10) or "YYYY-MM-DD HH:MM:SS" (19, with ".sss" when it has milliseconds); null when out of range. */
function isoText(ms: number, length: 10 | 19): string | null {
  const date = new Date(Math.round(ms));
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString().replace('T', ' ').replace('Z', '');
  const cut = iso.length - 23 + length; // years beyond 9999 add characters in front
  if (length === 10) return iso.slice(0, cut);
  return iso.endsWith('.000') ? iso.slice(0, cut) : iso;
}

/** A float (single precision) in the fewest significant digits that read back to the same float: 0.1f → "0.1". */
export function shortestFloatText(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return String(candidate);
  }
  return String(Number(value.toPrecision(9)));
}

function trimEnd(text: string): string {
  return text.replace(/ +$/, '');
}
