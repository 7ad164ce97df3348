import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../src/errors.js';
import type { BinaryTable } from '../../../src/read/formats/binary-table.js';
import { bufferByteSource, fileByteSource, type ByteSource } from '../../../src/read/formats/byte-source.js';
import { oldDtaError, openDta } from '../../../src/read/formats/dta.js';
import { sniffFormat } from '../../../src/read/formats/sniff-format.js';

const FILES = join(import.meta.dirname, 'files');

/** What haven::read_dta reads from the files make-dta-files.R writes. */
interface Truth {
  observations: number;
  columns: string[];
  cells: Record<string, (string | null)[]>;
  tagged: Record<string, { observation: number; tag: string }[]>;
  files: Record<string, {
    observations: number;
    variableLabels: Record<string, string | null>;
    valueLabels: Record<string, { codes: (string | null)[]; tags: (string | null)[]; labels: string[] } | null>;
  }>;
}
const truth: Truth = JSON.parse(readFileSync(join(FILES, 'protect-dta-truth.json'), 'utf8'));

function readAll(table: BinaryTable): { rows: string[][]; batches: [number, number][] } {
  const rows: string[][] = [];
  const batches: [number, number][] = [];
  table.readRows((batch, firstRecord) => {
    batches.push([firstRecord, batch.length]);
    rows.push(...batch);
  });
  return { rows, batches };
}

function open(bytes: Buffer | ByteSource, options: { batchRecords?: number } = {}): BinaryTable {
  return openDta(Buffer.isBuffer(bytes) ? bufferByteSource(bytes) : bytes, 'survey.dta', { keepUserMissing: false, ...options });
}

function failure(run: () => unknown): SurveyError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyError);
    const surveyError = error as SurveyError;
    expect(surveyError.exitCode).toBe(1);
    expect(surveyError.place.file).toBe('survey.dta');
    expect(surveyError.message).not.toMatch(/\n|NaN|undefined/);
    return surveyError;
  }
  throw new Error('expected a SurveyError');
}

describe.each(['protect-117.dta', 'protect-118.dta', 'protect-119.dta'])('%s (written by haven)', (name) => {
  const path = join(FILES, name);
  const expected = truth.files[name];

  it('reads every cell as haven does, extended missing values as ""', () => {
    const table = openDta(fileByteSource(path), name, { keepUserMissing: false });
    expect(table.format).toBe('dta');
    expect(table.columns).toEqual(truth.columns);
    expect(table.records).toBe(expected.observations);
    const { rows } = readAll(table);
    expect(rows).toHaveLength(truth.observations);
    truth.columns.forEach((column, j) => {
      const ours = rows.map((row) => row[j]);
      const haven = truth.cells[column].map((cell) => cell ?? '');
      expect(ours, column).toEqual(haven);
    });
    // The file holds .a and .b (haven's tagged NA): they read as missing.
    const tagged = Object.entries(truth.tagged).flatMap(([column, cells]) => cells.map((cell) => ({ column, ...cell })));
    expect(new Set(tagged.map((cell) => cell.tag))).toEqual(new Set(['a', 'b']));
    for (const cell of tagged) expect(rows[cell.observation - 1][truth.columns.indexOf(cell.column)]).toBe('');
  });

  it('gives the variable labels and value labels haven reports', () => {
    const table = openDta(fileByteSource(path), name, { keepUserMissing: false });
    table.columns.forEach((column, j) => {
      const meta = table.meta[j];
      expect(meta.label, column).toBe(expected.variableLabels[column]);
      expect(meta.userMissing).toEqual([]);
      expect(meta.userMissingRange).toBeNull();
      const labels = expected.valueLabels[column];
      if (labels === null) {
        expect(meta.valueLabels, column).toBeNull();
        return;
      }
      // Labels of tagged missing values (.a "No answer") describe missing cells: not codes.
      const codes = labels.labels.map((label, i) => [labels.codes[i], label] as const).filter(([code]) => code !== null);
      expect([...meta.valueLabels!.entries()], column).toEqual(codes);
    });
    expect(table.meta[table.columns.indexOf('pk1')].valueLabels!.get('1')).toBe('Strongly disagree');
    expect(table.meta[table.columns.indexOf('ak1')].valueLabels!.get('3')).toBe("Don't know");
  });

  it('gives batches of batchRecords with their first record numbers', () => {
    const { rows, batches } = readAll(openDta(fileByteSource(path), name, { keepUserMissing: false, batchRecords: 100 }));
    expect(batches).toEqual([[1, 100], [101, 100], [201, 100], [301, 100], [401, 100], [501, 100], [601, 100], [701, 82]]);
    expect(rows.map((row) => row[0])).toEqual(truth.cells.id);
  });

  it('names the observation a truncated file ends in', () => {
    const bytes = readFileSync(path);
    const dataStart = bytes.indexOf('<data>') + '<data>'.length;
    const recordLength = (bytes.indexOf('</data>') - dataStart) / truth.observations;
    expect(Number.isInteger(recordLength)).toBe(true);
    const cut = bytes.subarray(0, dataStart + 300 * recordLength + 7);
    expect(failure(() => open(cut)).message).toContain('truncated: it ends inside observation 301 of 782');
    expect(failure(() => open(bytes.subarray(0, bytes.length - 20))).message).toContain('truncated: it ends inside the value labels');
    expect(failure(() => open(bytes.subarray(0, 60))).message).toContain('truncated: it ends inside the header');
  });

  it('reports a section that is not where the map says', () => {
    const bytes = Buffer.from(readFileSync(path));
    bytes.write('<varnomes>', bytes.indexOf('<varnames>'), 'latin1');
    expect(failure(() => open(bytes)).message).toMatch(/^not a readable Stata \.dta file: expected "<varnames>" at byte \d+, found "<varnomes>"$/);
  });
});

describe('the haven files', () => {
  it('are the three releases, in LSF byte order, with a strL and a %td variable', () => {
    for (const release of [117, 118, 119]) {
      const bytes = readFileSync(join(FILES, `protect-${release}.dta`));
      expect(bytes.subarray(0, 70).toString('latin1')).toContain(`<release>${release}</release><byteorder>LSF</byteorder>`);
      expect(bytes.includes('<strls>GSO')).toBe(true);
      expect(bytes.includes('%td')).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Files built here to Stata's format description ("help dta"), for what haven does not write:
// the MSF byte order, byte/int/float types, shared value-label tables, %tc, 119's strL split.

type Order = 'LSF' | 'MSF';
interface SpecVariable {
  name: string;
  /** Stata type code: 1-2045 str#, 32768 strL, 65526 double ... 65530 byte. */
  type: number;
  format: string;
  valueLabel?: string;
  label?: string;
}
interface SpecFile {
  release: 117 | 118 | 119;
  order: Order;
  variables: SpecVariable[];
  /** Each observation's cells, already encoded (see the cell helpers below). */
  rows: Buffer[][];
  gsos?: { v: number; o: number; text: string }[];
  tables?: { name: string; entries: [number, string][] }[];
}

function uint(value: number, width: number, order: Order): Buffer {
  const out = Buffer.alloc(width);
  if (width === 8) {
    if (order === 'LSF') out.writeBigUInt64LE(BigInt(value));
    else out.writeBigUInt64BE(BigInt(value));
  } else if (order === 'LSF') out.writeUIntLE(value, 0, width);
  else out.writeUIntBE(value, 0, width);
  return out;
}
function int(value: number, width: 1 | 2 | 4, order: Order): Buffer {
  const out = Buffer.alloc(width);
  if (order === 'LSF') out.writeIntLE(value, 0, width);
  else out.writeIntBE(value, 0, width);
  return out;
}
const float = (value: number, order: Order) => { const b = Buffer.alloc(4); if (order === 'LSF') b.writeFloatLE(value); else b.writeFloatBE(value); return b; };
const double = (value: number, order: Order) => { const b = Buffer.alloc(8); if (order === 'LSF') b.writeDoubleLE(value); else b.writeDoubleBE(value); return b; };
/** Raw bits given most significant byte first, laid out in the file's order. */
const bits = (hex: string, order: Order) => { const b = Buffer.from(hex, 'hex'); return order === 'LSF' ? b.reverse() : b; };
const fixed = (text: string, width: number) => { const b = Buffer.alloc(width); b.write(text, 'utf8'); return b; };
const strlRef = (v: number, o: number, release: 117 | 118 | 119, order: Order) => {
  const vBytes = release === 117 ? 4 : release === 118 ? 2 : 3;
  return Buffer.concat([uint(v, vBytes, order), uint(o, 8 - vBytes, order)]);
};

function buildDta(spec: SpecFile): Buffer {
  const { release, order, variables } = spec;
  const k = variables.length;
  const wide = release >= 118;
  const nameBytes = wide ? 129 : 33;
  const tag = (name: string, content: Buffer) => Buffer.concat([Buffer.from(`<${name}>`), content, Buffer.from(`</${name}>`)]);
  const dataLabel = Buffer.from('Built to the format description');
  const header = Buffer.concat([
    Buffer.from('<stata_dta><header>'),
    tag('release', Buffer.from(String(release))),
    tag('byteorder', Buffer.from(order)),
    tag('K', uint(k, release === 119 ? 4 : 2, order)),
    tag('N', uint(spec.rows.length, wide ? 8 : 4, order)),
    tag('label', Buffer.concat([uint(dataLabel.length, wide ? 2 : 1, order), dataLabel])),
    tag('timestamp', Buffer.concat([Buffer.from([17]), Buffer.from('02 Dec 2024 10:22')])),
    Buffer.from('</header>'),
  ]);
  const gso = (entry: { v: number; o: number; text: string }) => {
    const text = Buffer.from(entry.text + '\0', 'utf8');
    return Buffer.concat([Buffer.from('GSO'), uint(entry.v, 4, order), uint(entry.o, wide ? 8 : 4, order), Buffer.from([130]), uint(text.length, 4, order), text]);
  };
  const table = (t: { name: string; entries: [number, string][] }) => {
    const texts = t.entries.map(([, text]) => Buffer.from(text + '\0', 'utf8'));
    const offsets: number[] = [];
    texts.reduce((at, text) => (offsets.push(at), at + text.length), 0);
    const txt = Buffer.concat(texts);
    const body = Buffer.concat([
      uint(t.entries.length, 4, order), uint(txt.length, 4, order),
      ...offsets.map((offset) => uint(offset, 4, order)),
      ...t.entries.map(([value]) => int(value, 4, order)),
      txt,
    ]);
    return tag('lbl', Buffer.concat([uint(body.length, 4, order), fixed(t.name, nameBytes), Buffer.alloc(3), body]));
  };
  const sections: [number, Buffer][] = [
    [2, tag('variable_types', Buffer.concat(variables.map((v) => uint(v.type, 2, order))))],
    [3, tag('varnames', Buffer.concat(variables.map((v) => fixed(v.name, nameBytes))))],
    [4, tag('sortlist', Buffer.alloc((k + 1) * (release === 119 ? 4 : 2)))],
    [5, tag('formats', Buffer.concat(variables.map((v) => fixed(v.format, wide ? 57 : 49))))],
    [6, tag('value_label_names', Buffer.concat(variables.map((v) => fixed(v.valueLabel ?? '', nameBytes))))],
    [7, tag('variable_labels', Buffer.concat(variables.map((v) => fixed(v.label ?? '', wide ? 321 : 81))))],
    [8, tag('characteristics', Buffer.alloc(0))],
    [9, tag('data', Buffer.concat(spec.rows.flat()))],
    [10, tag('strls', Buffer.concat((spec.gsos ?? []).map(gso)))],
    [11, tag('value_labels', Buffer.concat((spec.tables ?? []).map(table)))],
  ];
  const mapLength = '<map>'.length + 14 * 8 + '</map>'.length;
  const offsets = new Array<number>(14).fill(0);
  offsets[1] = header.length;
  let at = header.length + mapLength;
  for (const [index, section] of sections) {
    offsets[index] = at;
    at += section.length;
  }
  offsets[12] = at;
  offsets[13] = at + '</stata_dta>'.length;
  const map = tag('map', Buffer.concat(offsets.map((offset) => uint(offset, 8, order))));
  return Buffer.concat([header, map, ...sections.map(([, section]) => section), Buffer.from('</stata_dta>')]);
}

/** One variable of every type, with values at the edges of the nonmissing ranges and missing codes. */
function everyTypeFile(release: 117 | 118 | 119, order: Order): SpecFile {
  const variables: SpecVariable[] = [
    { name: 'agree_b', type: 65530, format: '%8.0g', valueLabel: 'agree5', label: 'I know the indicators' },
    { name: 'agree_i', type: 65529, format: '%8.0g', valueLabel: 'agree5', label: 'I know the services' },
    { name: 'count', type: 65528, format: '%12.0g' },
    { name: 'weight', type: 65527, format: '%9.0g' },
    { name: 'score', type: 65526, format: '%10.0g' },
    { name: 'site', type: 9, format: '%9s', label: 'Site' },
    { name: 'note', type: 32768, format: '%9s' },
    { name: 'completed', type: 65528, format: '%td' },
    { name: 'submitted', type: 65526, format: '%tc' },
  ];
  const o = order;
  const ref = (v: number, obs: number) => strlRef(v, obs, release, o);
  const rows: Buffer[][] = [
    [int(1, 1, o), int(5, 2, o), int(-2147483647, 4, o), float(0.1, o), double(2.5, o), fixed('Site 01', 9), ref(7, 1), int(0, 4, o), double(0, o)],
    [int(100, 1, o), int(32740, 2, o), int(2147483620, 4, o), float(-1.5, o), double(-1e-3, o), fixed('Site 10  ', 9), ref(0, 0), int(19782, 4, o), double(1709288553000, o)],
    // `.` in every numeric type
    [int(101, 1, o), int(32741, 2, o), int(2147483621, 4, o), bits('7f000000', o), bits('7fe0000000000000', o), fixed('', 9), ref(7, 1), int(2147483621, 4, o), bits('7fe0000000000000', o)],
    // .a in every numeric type
    [int(102, 1, o), int(32742, 2, o), int(2147483622, 4, o), bits('7f000800', o), bits('7fe0010000000000', o), fixed('Site\u00e9', 9), ref(7, 4), int(-1, 4, o), double(1500, o)],
    // .z in every numeric type
    [int(127, 1, o), int(32767, 2, o), int(2147483647, 4, o), bits('7f00d000', o), bits('7fe01a0000000000', o), fixed('123456789', 9), ref(7, 4), int(-21914, 4, o), double(-1, o)],
    [int(-127, 1, o), int(-32767, 2, o), int(0, 4, o), float(1e30, o), double(Number.MAX_SAFE_INTEGER, o), fixed('Site 02', 9), ref(7, 1), int(2936549, 4, o), double(86399999, o)],
  ];
  const longText = 'A patient was accompanied by a man who insisted on speaking for her; '.repeat(40);
  return {
    release,
    order,
    variables,
    rows,
    gsos: [{ v: 7, o: 1, text: 'Needs training on referral' }, { v: 7, o: 4, text: longText }],
    tables: [
      { name: 'agree5', entries: [[1, 'Strongly disagree'], [2, 'Disagree'], [3, 'Neither agree nor disagree'], [4, 'Agree'], [5, 'Strongly agree'], [2147483622, 'No answer']] },
      { name: 'unused', entries: [[-5, 'minus five']] },
    ],
  };
}

describe.each([
  [117, 'MSF'],
  [118, 'MSF'],
  [119, 'MSF'],
  [117, 'LSF'],
  [118, 'LSF'],
  [119, 'LSF'],
] as const)('a %s file in %s byte order, built to the format description', (release, order) => {
  const spec = everyTypeFile(release, order);
  const bytes = buildDta(spec);
  const longText = spec.gsos![1].text.replace(/ +$/, '');

  it('reads every type, its missing values and its dates', () => {
    expect(sniffFormat(bytes.subarray(0, 512))).toBe('dta');
    const table = open(bytes);
    expect(table.columns).toEqual(spec.variables.map((v) => v.name));
    expect(table.records).toBe(6);
    const { rows } = readAll(table);
    expect(rows).toEqual([
      ['1', '5', '-2147483647', '0.1', '2.5', 'Site 01', 'Needs training on referral', '1960-01-01', '1960-01-01 00:00:00'],
      ['100', '32740', '2147483620', '-1.5', '-0.001', 'Site 10', '', '2014-02-28', '2014-03-01 10:22:33'],
      ['', '', '', '', '', '', 'Needs training on referral', '', ''],
      ['', '', '', '', '', 'Site\u00e9', longText, '1959-12-31', '1960-01-01 00:00:01.500'],
      ['', '', '', '', '', '123456789', longText, '1900-01-01', '1959-12-31 23:59:59.999'],
      ['-127', '-32767', '0', '1e+30', '9007199254740991', 'Site 02', 'Needs training on referral', '9999-12-31', '1960-01-01 23:59:59.999'],
    ]);
  });

  it('gives variable labels, and value labels from a table two variables share', () => {
    const table = open(bytes);
    expect(table.meta.map((meta) => meta.label)).toEqual(['I know the indicators', 'I know the services', null, null, null, 'Site', null, null, null]);
    const agree = [['1', 'Strongly disagree'], ['2', 'Disagree'], ['3', 'Neither agree nor disagree'], ['4', 'Agree'], ['5', 'Strongly agree']];
    expect([...table.meta[0].valueLabels!.entries()]).toEqual(agree);
    expect([...table.meta[1].valueLabels!.entries()]).toEqual(agree);
    expect(table.meta.slice(2).map((meta) => meta.valueLabels)).toEqual(new Array(7).fill(null));
  });

  it('names the file and the observation of a strL that is not in the file', () => {
    const broken = everyTypeFile(release, order);
    broken.rows[4][6] = strlRef(7, 3, release, order);
    const table = open(buildDta(broken));
    expect(failure(() => readAll(table)).message).toBe('not a readable Stata .dta file: observation 5 refers to a long string (strL 7,3) that the file does not hold');
  });
});

describe('reading in chunks', () => {
  it('streams a data section larger than one read, reading at most about 1 MiB at a time', () => {
    const order: Order = 'MSF';
    const rows = Array.from({ length: 30_000 }, (_, i) => [int(i, 4, order), fixed(`R${i}`.padEnd(40, 'x'), 40)]);
    const bytes = buildDta({ release: 118, order, variables: [{ name: 'n', type: 65528, format: '%12.0g' }, { name: 'id', type: 40, format: '%40s' }], rows });
    const inner = bufferByteSource(bytes);
    let largestRead = 0;
    const source: ByteSource = { size: inner.size, close: () => {}, read: (position, length) => ((largestRead = Math.max(largestRead, length)), inner.read(position, length)) };
    const { rows: read, batches } = readAll(open(source, { batchRecords: 7000 }));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(largestRead).toBeLessThanOrEqual(1 << 20);
    expect(batches).toEqual([[1, 7000], [7001, 7000], [14001, 7000], [21001, 7000], [28001, 2000]]);
    expect(read.map((row) => Number(row[0]))).toEqual(rows.map((_, i) => i));
    expect(read[29_999][1]).toBe('R29999'.padEnd(40, 'x'));
  });
});

describe('versions this reader does not read', () => {
  it('gives a one-line error for a <stata_dta> file of another release', () => {
    const bytes = buildDta(everyTypeFile(118, 'LSF'));
    for (const [release, writer] of [['115', 'Stata 12'], ['121', 'newer than 119']]) {
      const other = Buffer.from(bytes);
      other.write(release, '<stata_dta><header><release>'.length, 'latin1');
      const message = failure(() => open(other)).message;
      expect(message).toContain(`unsupported Stata file version ${release} (${writer}`);
      expect(message).toContain('versions 117-119');
    }
  });

  it('gives a one-line error for an old-format .dta (before 117)', () => {
    // Format 115 (Stata 12): version byte, byte order (2 = LSF), filetype 1, a padding byte, then nvar and nobs.
    const old = Buffer.concat([Buffer.from([115, 2, 1, 0]), uint(3, 2, 'LSF'), uint(10, 4, 'LSF'), Buffer.alloc(100)]);
    expect(sniffFormat(old)).toBe('old-dta');
    const error = oldDtaError(old, 'survey.dta');
    expect(error).toBeInstanceOf(SurveyError);
    expect(error.exitCode).toBe(1);
    expect(error.place.file).toBe('survey.dta');
    expect(error.message).toBe('unsupported Stata file version 115 (Stata 12); this reader reads versions 117-119: open it in Stata 13 or later and save it again (save ..., replace)');
    expect(oldDtaError(Buffer.from([114, 1, 1, 0]), 'survey.dta').message).toContain('version 114 (Stata 10 or 11)');
  });

  it('reports a release that is not a number without quoting more than a few bytes', () => {
    const bytes = Buffer.from('<stata_dta><header><release>\x01\x02x</release>');
    expect(failure(() => open(bytes)).message).toBe('not a readable Stata .dta file: the release is "??x", not a number');
  });
});
