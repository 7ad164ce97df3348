/**
 * Errors of a split read are a one-pass run's: a bad value (outside the scale's range, no
 * --lenient) in range 1, in range 2, or on the line right after the cut; a ragged row; an unclosed
 * quote at the end; invalid UTF-8 in range 2. `analyze` must reject with the SAME SurveyError
 * (message, exit code, place: file, line, column; hint) with threads 2, threads 1 and one pass.
 * With --lenient, invalid values in both ranges give the same warnings (count, first file:line).
 * Every file is > 64 KiB (the split's probe needs that much, or a given delimiter) and has
 * multi-line quoted comments and blank lines before the cut, so that range 2's line numbers are
 * counted across them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkModes,
  buildCsv,
  parsedCodebook,
  randomShape,
  randomSurvey,
  runModes,
  seeded,
  SURVEY_COLUMNS,
  surveyCodebook,
  tempDir,
  type Built,
  type Modes,
  type Options,
} from './split-helpers.js';

const temp = tempDir('split-errors-');
afterAll(() => temp.remove());

const COL = (name: string): number => SURVEY_COLUMNS.indexOf(name);
const codebook = parsedCodebook(surveyCodebook({ duplicateIds: true, filters: true }));

interface Variant {
  eol: 'lf' | 'crlf';
  delimiter: ',' | ';';
  seed: number;
}

const VARIANTS: Variant[] = [
  { eol: 'lf', delimiter: ',', seed: 11 },
  { eol: 'crlf', delimiter: ';', seed: 12 },
];

/** The rows of a clean survey (no invalid values), as the generator made them. */
function cleanRows(v: Variant): string[][] {
  const random = seeded(v.seed);
  const shape = randomShape(random, { eol: v.eol, delimiter: v.delimiter, invalid: 0, minBytes: 70_000, blankLines: true, bom: false, filters: true, duplicateIds: true });
  return randomSurvey(random, shape).rows.map((row) => [...row]);
}

/** The rows as a file; a blank line right before record `blankBefore`. */
function write(name: string, rows: string[][], v: Variant, blankBefore = -1): { file: string; built: Built } {
  const eol = v.eol === 'lf' ? '\n' : '\r\n';
  const built = buildCsv([SURVEY_COLUMNS], rows, { delimiter: v.delimiter, eol: () => eol, blank: (i) => (i === blankBefore || i % 97 === 5 ? eol : '') });
  return { file: temp.file(`${name}-${v.eol}.csv`, built.text), built };
}

/** A row the filters keep, with `value` in column `column`. */
function bad(row: string[], column: string, value: string): void {
  row[COL('status')] = 'live';
  row[COL('consent')] = 'yes';
  row[column === '' ? 0 : COL(column)] = value;
}

/** The same error in every mode, at the expected place; the split was tried (a worker started) and fell back. */
function expectSameError(m: Modes, label: string, place: { file: string; line: number; column?: string }, message: RegExp): void {
  expect(m.pass.error, `${label}: one pass must fail`).not.toBeNull();
  expect(m.pass.error!.surveyError, `${label}: ${m.pass.error!.message}`).toBe(true);
  expect(m.pass.error!.message).toMatch(message);
  expect(m.pass.error!.exitCode).toBe(1);
  expect(m.pass.error!.place).toMatchObject(place);
  expect(m.two.error, `${label}: threads 2`).toEqual(m.pass.error);
  expect(m.one.error, `${label}: threads 1`).toEqual(m.pass.error);
  expect(m.workersStarted, `${label}: a worker was started`).toBe(1);
  expect(m.held, `${label}: the split must fall back`).toBe(false);
}

describe.each(VARIANTS)('split read errors ($eol, "$delimiter")', (v) => {
  const base = cleanRows(v);
  const n = base.length;
  const cutAt = Math.floor(n / 2);
  /** `at` that cuts just before record `i` (the LF that ends the line before it). */
  const atBefore = (built: Built, i: number): number => built.records[i].start - 1;
  const options: Options = { codebook };

  it('the clean file splits and holds', async () => {
    const { file, built } = write('clean', base, v);
    const m = await runModes(file, options, atBefore(built, cutAt));
    checkModes(m, 'clean');
    expect(m.workersStarted).toBe(1);
    expect(m.held).toBe(true);
  });

  const badValue: [string, (rows: string[][]) => number][] = [
    ['in range 1', (rows) => { bad(rows[Math.floor(n / 4)], 'pk2', '9'); return Math.floor(n / 4); }],
    ['in range 2', (rows) => { bad(rows[Math.floor((3 * n) / 4)], 'pk2', '9'); return Math.floor((3 * n) / 4); }],
    ['on the line right after the cut', (rows) => { bad(rows[cutAt], 'c3', '12'); return cutAt; }],
    ['on the last line of range 1', (rows) => { bad(rows[cutAt - 1], 'pk4', 'Sometimes'); return cutAt - 1; }],
    ['on the last line of the file', (rows) => { bad(rows[n - 1], 'c1', '0'); return n - 1; }],
    ['in both ranges (range 1\'s is reported)', (rows) => { bad(rows[cutAt + 3], 'pk1', '7'); bad(rows[cutAt - 3], 'pk3', '6'); return cutAt - 3; }],
  ];
  for (const [where, inject] of badValue) {
    it(`a bad value ${where}`, async () => {
      const rows = base.map((row) => [...row]);
      const at = inject(rows);
      const { file, built } = write(`bad-${where.replace(/\W+/g, '-')}`, rows, v, cutAt);
      const column = SURVEY_COLUMNS.find((c, i) => rows[at][i] !== base[at][i] && c !== 'status' && c !== 'consent')!;
      const m = await runModes(file, options, atBefore(built, cutAt));
      expectSameError(m, `bad value ${where}`, { file, line: built.records[at].line, column }, /./);
    });
  }

  it('a bad value in a row the codebook excludes is no error in any mode', async () => {
    const rows = base.map((row) => [...row]);
    rows[cutAt + 1][COL('pk2')] = '9';
    rows[cutAt + 1][COL('status')] = 'test';
    const { file, built } = write('excluded-bad', rows, v);
    const m = await runModes(file, options, atBefore(built, cutAt));
    checkModes(m, 'excluded bad value');
    expect(m.pass.error).toBeNull();
    expect(m.held).toBe(true);
  });

  const ragged: [string, number][] = [['in range 1', Math.floor(n / 3)], ['in range 2', Math.floor((2 * n) / 3) + 1], ['right after the cut', cutAt]];
  for (const [where, r] of ragged) {
    it(`a ragged row ${where}`, async () => {
      const rows = base.map((row) => [...row]);
      rows[r] = [...rows[r], 'extra'];
      const { file, built } = write(`ragged-${r}`, rows, v, cutAt);
      const m = await runModes(file, options, atBefore(built, cutAt));
      expectSameError(m, `ragged row ${where}`, { file, line: built.records[r].line }, /fields but the header has/);
    });
    it(`a short row ${where}`, async () => {
      const rows = base.map((row) => [...row]);
      rows[r] = rows[r].slice(0, -2);
      const { file, built } = write(`short-${r}`, rows, v, cutAt);
      const m = await runModes(file, options, atBefore(built, cutAt));
      expectSameError(m, `short row ${where}`, { file, line: built.records[r].line }, /fields but the header has/);
    });
  }

  it('an unclosed quote at the end of the file', async () => {
    const { built } = write('unclosed-base', base, v);
    const eol = v.eol === 'lf' ? '\n' : '\r\n';
    const last = base[n - 1].slice(0, -1).join(v.delimiter);
    const text = `${built.text}${last}${v.delimiter}"this comment${eol}never ends${eol}`;
    const file = temp.file(`unclosed-${v.eol}.csv`, text);
    // Every line break before it counts, lone CRs inside quoted comments too.
    const line = 1 + (built.text.match(/\r\n|\r|\n/g) ?? []).length;
    const m = await runModes(file, options, atBefore(built, cutAt));
    expectSameError(m, 'unclosed quote at the end', { file, line }, /quot/i);
  });

  it('an unclosed quote in range 1 (range 1 ends inside it)', async () => {
    const rows = base.map((row) => [...row]);
    const { built } = write('unclosed1-base', rows, v);
    const r = Math.floor(n / 4);
    // Open a quote in the comment field of row r, never closed: the rest of the file is one field.
    const start = built.records[r].start;
    const end = built.records[r].end;
    const record = Buffer.from(built.text).subarray(start, end).toString();
    const fields = rows[r].slice(0, -1).join(v.delimiter);
    const eol = v.eol === 'lf' ? '\n' : '\r\n';
    const broken = `${fields}${v.delimiter}"opened here${eol}`;
    const bytes = Buffer.from(built.text);
    const text = Buffer.concat([bytes.subarray(0, start), Buffer.from(broken), bytes.subarray(end)]).toString();
    expect(record.length).toBeGreaterThan(0);
    const file = temp.file(`unclosed1-${v.eol}.csv`, text);
    const m = await runModes(file, options, start + 5000);
    expect(m.pass.error).not.toBeNull();
    expect(m.two.error).toEqual(m.pass.error);
    expect(m.one.error).toEqual(m.pass.error);
    expect(m.held).toBe(false);
  });

  it('invalid UTF-8 in range 2', async () => {
    const rows = base.map((row) => [...row]);
    const r = Math.floor((3 * n) / 4);
    bad(rows[r], 'comment', 'caf\u0000');
    const { built } = write('utf8-base', rows, v);
    const bytes = Buffer.from(built.text);
    const nul = bytes.indexOf(0, built.records[r].start);
    bytes[nul] = 0xff;
    const file = temp.file(`utf8-${v.eol}.csv`, bytes);
    const m = await runModes(file, options, atBefore(built, cutAt));
    expectSameError(m, 'invalid UTF-8 in range 2', { file, line: built.records[r].line }, /UTF-8|encod|byte/i);
  });

  it('--lenient: invalid values in both ranges give the same warnings', async () => {
    const rows = base.map((row) => [...row]);
    const hits: [number, string, string][] = [
      [Math.floor(n / 5), 'pk2', '9'],
      [cutAt - 1, 'pk2', 'Maybe'],
      [cutAt, 'pk2', '0'], // the line right after the cut
      [cutAt + 2, 'c1', '99'], // a column invalid only in range 2, met there before pk3
      [cutAt + 5, 'pk3', '-1'],
      [n - 1, 'c1', 'x'],
    ];
    for (const [r, column, value] of hits) bad(rows[r], column, value);
    const { file, built } = write('lenient', rows, v, cutAt);
    const m = await runModes(file, { ...options, lenient: true }, atBefore(built, cutAt));
    checkModes(m, 'lenient');
    expect(m.held).toBe(true);
    const invalid = (o: Modes['two']) => o.report!.warnings.filter((w) => w.code === 'invalid-values');
    for (const o of [m.two, m.one]) expect(invalid(o)).toEqual(invalid(m.pass));
    const byColumn = Object.fromEntries(invalid(m.pass).map((w) => [w.column, w]));
    expect(Object.keys(byColumn)).toEqual(['pk2', 'c1', 'pk3']);
    expect(byColumn.pk2.count).toBe(3);
    expect(byColumn.pk2.message).toContain(`${file}:${built.records[Math.floor(n / 5)].line}`);
    expect(byColumn.c1.count).toBe(2);
    expect(byColumn.c1.message).toContain(`${file}:${built.records[cutAt + 2].line}`);
    expect(byColumn.pk3.message).toContain(`${file}:${built.records[cutAt + 5].line}`);
  });

  it('--lenient: invalid values only in range 2', async () => {
    const rows = base.map((row) => [...row]);
    bad(rows[cutAt], 'pk1', '8');
    bad(rows[n - 3], 'pk1', '8');
    const { file, built } = write('lenient2', rows, v, cutAt);
    const m = await runModes(file, { ...options, lenient: true }, atBefore(built, cutAt));
    checkModes(m, 'lenient, range 2 only');
    expect(m.held).toBe(true);
    const w = m.two.report!.warnings.filter((x) => x.code === 'invalid-values');
    expect(w).toHaveLength(1);
    expect(w[0].count).toBe(2);
    expect(w[0].message).toContain(`${file}:${built.records[cutAt].line}`);
  });
});
