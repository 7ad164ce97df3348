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
  // With ncases -1 the reader must find the end itself: haven pads the last command block
  // with 0, PSPP ends the data with 252; neither starts another case.
  it.each(['protect-haven-byte.sav', 'pspp-compressed.sav', 'protect-haven.zsav', 'pspp.zsav', 'pspp-uncompressed.sav'])('%s: no extra case', (name) => {
    const table = openBytes(withCaseCount(name, -1), name);
    expect(table.records).toBeNull();
    expect(allRows(table)).toEqual(allRows(open(name, false)));
    expect(allRows(table).length).toBe(truthOf(name).cases);
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
