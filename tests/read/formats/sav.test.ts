import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../src/errors.js';
import type { BinaryTable } from '../../../src/read/formats/binary-table.js';
import { bufferByteSource, fileByteSource } from '../../../src/read/formats/byte-source.js';
import { openSav } from '../../../src/read/formats/sav.js';

/**
 * The .sav/.zsav reader against files written by R haven and GNU PSPP
 * (make-sav-files.sh), cell by cell against what haven reads from the same file
 * (files/*.truth.json, written by make-sav-files.R with read_sav(user_na = TRUE)).
 */
const dir = join(import.meta.dirname, 'files');

interface TruthVariable {
  name: string;
  type: 'number' | 'string' | 'date' | 'datetime';
  label: string | null;
  valueLabels: { value: number | string; label: string }[] | null;
  naValues: number | string | (number | string)[] | null;
  naRange: (number | string)[] | null;
  values: (number | string | null)[];
  userMissing: number[] | number;
}
interface Truth {
  file: string;
  cases: number;
  variables: TruthVariable[];
}

const savFiles = readdirSync(dir).filter((f) => /\.z?sav$/.test(f)).sort();
const truthOf = (name: string): Truth => JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8'));
const asArray = <T>(x: T | T[] | null): T[] => (x === null ? [] : Array.isArray(x) ? x : [x]);
const bound = (v: number | string): number => (v === '-Inf' ? -Infinity : v === 'Inf' ? Infinity : Number(v));
/** How haven's value reads as a cell: "" for NA, a number as String(x), text as it is. */
const cellOf = (v: number | string | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : v);

function allRows(table: BinaryTable): string[][] {
  const rows: string[][] = [];
  table.readRows((batch) => rows.push(...batch));
  return rows;
}

function open(name: string, keepUserMissing: boolean, batchRecords?: number): BinaryTable {
  return openSav(fileByteSource(join(dir, name)), name, { keepUserMissing, batchRecords });
}

function openBytes(bytes: Buffer, name: string): BinaryTable {
  return openSav(bufferByteSource(bytes), name, { keepUserMissing: false });
}

/** The SurveyError a read throws, whether while opening or while streaming. */
function readError(bytes: Buffer, name: string): SurveyError {
  try {
    allRows(openBytes(bytes, name));
  } catch (error) {
    if (error instanceof SurveyError) return error;
    throw error;
  }
  throw new Error(`${name}: no error`);
}

/** A copy of a file with its header's case count (int32 at byte 80, little-endian here) replaced. */
function withCaseCount(name: string, ncases: number): Buffer {
  const bytes = Buffer.from(readFileSync(join(dir, name)));
  bytes.writeInt32LE(ncases, 80);
  return bytes;
}

it('has files from both writers, in all three compressions', () => {
  expect(savFiles).toEqual(['protect-haven-byte.sav', 'protect-haven-none.sav', 'protect-haven.zsav', 'pspp-compressed.sav', 'pspp-uncompressed.sav', 'pspp.zsav']);
});

describe.each(savFiles)('%s', (name) => {
  const truth = truthOf(name);
  const kept = open(name, true);
  const keptRows = allRows(kept);
  const dropped = allRows(open(name, false));

  it('has the variables, case count and format haven reads', () => {
    expect(kept.columns).toEqual(truth.variables.map((v) => v.name));
    expect(kept.records).toBe(truth.cases);
    expect(keptRows.length).toBe(truth.cases);
    expect(dropped.length).toBe(truth.cases);
    expect(kept.format).toBe(name.endsWith('.zsav') ? 'zsav' : 'sav');
  });

  it('gives every cell as haven reads it, user-missing codes kept', () => {
    truth.variables.forEach((v, c) => {
      const expected = v.values.map(cellOf);
      expect(keptRows.map((row) => row[c]), v.name).toEqual(expected);
    });
  });

  it('makes user-missing values missing unless they are kept', () => {
    truth.variables.forEach((v, c) => {
      const missing = new Set(asArray(v.userMissing));
      const expected = v.values.map((value, i) => (missing.has(i + 1) ? '' : cellOf(value)));
      expect(dropped.map((row) => row[c]), v.name).toEqual(expected);
    });
  });

  it('gives the variable labels, value labels and missing-value declarations haven reports', () => {
    truth.variables.forEach((v, c) => {
      const meta = kept.meta[c];
      expect(meta.label, v.name).toBe(v.label);
      const labels = v.valueLabels === null ? null : new Map(v.valueLabels.map((l) => [cellOf(l.value).trimEnd(), l.label]));
      expect(meta.valueLabels, v.name).toEqual(labels);
      expect(meta.userMissing, v.name).toEqual(asArray(v.naValues).map((x) => cellOf(x).trimEnd()));
      expect(meta.userMissingRange, v.name).toEqual(v.naRange === null ? null : v.naRange.map(bound));
    });
    expect(new Set(kept.meta).size).toBe(kept.meta.length);
  });
});

describe('what the files hold', () => {
  const table = open('protect-haven-byte.sav', false);
  const rows = allRows(table);
  const at = (column: string) => table.columns.indexOf(column);

  it('reassembles a very long string and keeps a long variable name', () => {
    const comments = rows.map((row) => row[at('comment_on_training_and_support_received')]);
    expect(Math.max(...comments.map((c) => Buffer.byteLength(c)))).toBeGreaterThan(255);
    expect(comments.some((c) => c.includes('café') && c.includes('"work long hours"'))).toBe(true);
    expect(at('years_in_post')).toBeGreaterThan(0);
  });

  it('reads the agreement items as codes 1..5 with their response labels', () => {
    expect(new Set(rows.map((row) => row[at('pk1')]))).toEqual(new Set(['1', '2', '3', '4', '5']));
    expect(table.meta[at('pk1')].valueLabels?.get('1')).toBe('Strongly disagree');
    expect(table.meta[at('pk1')].valueLabels?.get('5')).toBe('Strongly agree');
  });
});

describe('streaming', () => {
  it.each(['protect-haven-byte.sav', 'pspp.zsav', 'pspp-uncompressed.sav'])('delivers %s in batches numbered by their first case', (name) => {
    const whole = allRows(open(name, false));
    const batches: { first: number; size: number }[] = [];
    const streamed: string[][] = [];
    open(name, false, 64).readRows((rows, first) => {
      batches.push({ first, size: rows.length });
      streamed.push(...rows);
    });
    expect(streamed).toEqual(whole);
    batches.forEach((b, k) => {
      expect(b.first).toBe(1 + 64 * k);
      expect(b.size).toBe(k < batches.length - 1 ? 64 : whole.length - 64 * k);
    });
  });
});

describe('a file that does not give its case count', () => {
  // With ncases -1 the reader must find the end itself. The last command block of haven's
  // byte-compressed file is the end code 252 then 0 padding; PSPP's is 0 padding alone.
  it('has files whose last command block is padded', () => {
    const lastBlock = (name: string) => [...readFileSync(join(dir, name)).subarray(-8)];
    expect(lastBlock('protect-haven-byte.sav')).toEqual([254, 254, 252, 0, 0, 0, 0, 0]);
    expect(lastBlock('pspp-compressed.sav')).toEqual([254, 254, 0, 0, 0, 0, 0, 0]);
  });
  it.each(['protect-haven-byte.sav', 'pspp-compressed.sav', 'protect-haven.zsav', 'pspp.zsav', 'pspp-uncompressed.sav'])('%s: no extra case', (name) => {
    const table = openBytes(withCaseCount(name, -1), name);
    expect(table.records).toBeNull();
    expect(allRows(table)).toEqual(allRows(open(name, false)));
    expect(allRows(table).length).toBe(truthOf(name).cases);
  });
});

/**
 * A small bytecode-compressed system file laid out as the GNU PSPP developers' guide gives it,
 * in either byte order (PSPP and haven write only the machine's own): SCORE (F8.0, missing 9
 * and 90 THRU 99, value labels), WHEN (DATE11), CODE (A8, missing "NA", a value label), long
 * names from record 7.13, UTF-8 from records 7.3 and 7.20, four cases, then the end code 252.
 */
function handBuiltSav(littleEndian: boolean, ncases: number): Buffer {
  const parts: Buffer[] = [];
  const i32 = (...values: number[]) => values.forEach((v) => { const b = Buffer.alloc(4); littleEndian ? b.writeInt32LE(v) : b.writeInt32BE(v); parts.push(b); });
  const f64 = (...values: number[]) => values.forEach((v) => { const b = Buffer.alloc(8); littleEndian ? b.writeDoubleLE(v) : b.writeDoubleBE(v); parts.push(b); });
  const text = (value: string, length: number) => parts.push(Buffer.from(value.padEnd(length, ' '), 'latin1'));
  const bytes = (...values: number[]) => parts.push(Buffer.from(values));
  const spssDate = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000 + 12_219_379_200;
  text('$FL2', 4); text('@(#) SPSS DATA FILE hand-built test file', 60);
  i32(2, 3, 1, 0, ncases); f64(100); text('01 Mar 24', 9); text('10:00:00', 8); text('', 64); text('', 3);
  i32(2, 0, 1, -3, 0x050800, 0x050800); text('SCORE', 8); i32(11); text('Total score', 12); f64(90, 99, 9);
  i32(2, 0, 0, 0, 0x140b00, 0x140b00); text('WHEN', 8);
  i32(2, 8, 0, 1, 0x010800, 0x010800); text('CODE', 8); text('NA', 8);
  i32(3, 2); f64(1); bytes(3); text('Low', 7); f64(9); bytes(9); text('Not asked', 15); i32(4, 1, 1);
  i32(3, 1); text('A', 8); bytes(5); text('Alpha', 7); i32(4, 1, 3);
  i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, littleEndian ? 2 : 1, 65001);
  i32(7, 4, 8, 3); f64(-Number.MAX_VALUE, Number.MAX_VALUE, -1.7976931348623155e308);
  const names = 'SCORE=total_score\tWHEN=completed_on\tCODE=code';
  i32(7, 13, 1, names.length); text(names, names.length);
  i32(7, 20, 1, 5); text('UTF-8', 5);
  i32(999, 0);
  bytes(105, 253, 253, 255, 255, 253, 109, 253); f64(spssDate(2024, 3, 1)); text('A', 8); text('NA', 8); f64(spssDate(2024, 12, 31) + 86_399);
  bytes(254, 195, 255, 253, 252, 0, 0, 0); text('B', 8);
  return Buffer.concat(parts);
}

describe.each([true, false])('a hand-built file (little-endian: %s)', (littleEndian) => {
  it('reads both byte orders, compressed numbers, system- and user-missing values', () => {
    for (const ncases of [4, -1]) {
      const bytes = handBuiltSav(littleEndian, ncases);
      const dropped = openBytes(bytes, 'hand.sav');
      expect(dropped.columns).toEqual(['total_score', 'completed_on', 'code']);
      expect(dropped.records).toBe(ncases === 4 ? 4 : null);
      expect(allRows(dropped)).toEqual([['5', '2024-03-01', 'A'], ['', '', ''], ['', '2024-12-31', ''], ['', '', 'B']]);
      const kept = openSav(bufferByteSource(bytes), 'hand.sav', { keepUserMissing: true });
      expect(allRows(kept)).toEqual([['5', '2024-03-01', 'A'], ['', '', 'NA'], ['9', '2024-12-31', ''], ['95', '', 'B']]);
      expect(kept.meta).toEqual([
        { label: 'Total score', valueLabels: new Map([['1', 'Low'], ['9', 'Not asked']]), userMissing: ['9'], userMissingRange: [90, 99] },
        { label: null, valueLabels: null, userMissing: [], userMissingRange: null },
        { label: null, valueLabels: new Map([['A', 'Alpha']]), userMissing: ['NA'], userMissingRange: null },
      ]);
    }
  });
});

describe('bad files', () => {
  const expectOneLineDataError = (error: SurveyError, name: string) => {
    expect(error.exitCode).toBe(1);
    expect(error.place.file).toBe(name);
    expect(error.message).not.toMatch(/\n|NaN|undefined/);
  };

  it.each(['protect-haven-byte.sav', 'protect-haven-none.sav', 'pspp-compressed.sav', 'pspp-uncompressed.sav'])('%s truncated anywhere: a located error', (name) => {
    const bytes = readFileSync(join(dir, name));
    for (const cut of [50, 200, 1500, Math.floor(bytes.length / 2), bytes.length - 9, bytes.length - 3]) {
      const error = readError(bytes.subarray(0, cut), name);
      expectOneLineDataError(error, name);
      expect(error.message, `cut at ${cut}`).toMatch(/truncated\?/);
    }
  });

  it('names the case a truncated file ends inside', () => {
    const bytes = readFileSync(join(dir, 'pspp-uncompressed.sav'));
    expect(readError(bytes.subarray(0, bytes.length - 3), 'x.sav').message).toBe('the .sav file ends inside case 150 (truncated?)');
    const half = readError(bytes.subarray(0, Math.floor(bytes.length / 2)), 'x.sav').message;
    expect(half).toMatch(/^the \.sav file ends inside case (\d+) \(truncated\?\)$/);
  });

  it.each(['protect-haven.zsav', 'pspp.zsav'])('%s truncated: a located error', (name) => {
    const bytes = readFileSync(join(dir, name));
    for (const cut of [200, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const error = readError(bytes.subarray(0, cut), name);
      expectOneLineDataError(error, name);
      expect(error.message).toMatch(/^the \.zsav file ends (inside|before) .*\(truncated\?\)$/);
    }
  });

  it('reports a corrupt zlib block with the case it was reading', () => {
    const bytes = Buffer.from(readFileSync(join(dir, 'pspp.zsav')));
    bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    const error = readError(bytes, 'pspp.zsav');
    expectOneLineDataError(error, 'pspp.zsav');
    expect(error.message).toMatch(/^the \.zsav file has a corrupt zlib block \(block 1 of 1, case 1\)/);
  });

  it('reports an unknown record type where it is', () => {
    // The first record after the 176-byte header is a variable record (type 2).
    const bytes = Buffer.from(readFileSync(join(dir, 'protect-haven-byte.sav')));
    expect(bytes.readInt32LE(176)).toBe(2);
    bytes.writeInt32LE(42, 176);
    const error = readError(bytes, 'bad.sav');
    expectOneLineDataError(error, 'bad.sav');
    expect(error.message).toBe('the .sav file has an unknown record type 42 at byte 176 (corrupt?)');
  });

  it('reports a case count the data do not hold', () => {
    const error = readError(withCaseCount('protect-haven-byte.sav', 790), 'count.sav');
    expectOneLineDataError(error, 'count.sav');
    expect(error.message).toBe('the .sav file holds 782 cases but its header says 790 (truncated?)');
  });

  it('refuses a file that is not a system file', () => {
    const error = readError(Buffer.from('id,pk1\nR001,3\n'), 'data.csv');
    expectOneLineDataError(error, 'data.csv');
  });
});
