/**
 * Shapes of data that the merge of the two ranges must get right, each built on purpose (the
 * random cases of identity.test.ts meet them only by chance), each cut at a record boundary
 * (the split holds) and checked in the three modes (threads 2 = threads 1, both = one pass):
 *
 * - range 1 contributing nothing to a scale, a score, a group, a cluster or to everything (all
 *   its rows excluded), and range 2 contributing nothing;
 * - a zero-variance range; values known only after the cut (a group value, a cluster, a
 *   non-integer code, a prevalence's positive answers);
 * - repeated ids (codebook `id`): within range 2 only, across the cut only, both in either
 *   order: the duplicate-ids warning (count and first line) must be identical;
 * - a small file (delimiter given) cut at every line break, at 0, inside the header, at the end,
 *   and beyond it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCsv,
  checkModes,
  cutFor,
  fuzzTimeout,
  parsedCodebook,
  randomShape,
  randomSurvey,
  runModes,
  seeded,
  SURVEY_COLUMNS,
  surveyCodebook,
  tempDir,
  type Modes,
  type Options,
} from './split-helpers.js';

const temp = tempDir('split-shapes-');
afterAll(() => temp.remove());

const COL = (name: string): number => SURVEY_COLUMNS.indexOf(name);
const SCALE_ITEMS = ['pk1', 'pk2', 'pk3', 'pk4', 'ak1', 'ak2', 'ak3', 'c1', 'c2', 'c3'];

function baseRows(seed: number, over: Parameters<typeof randomShape>[1] = {}): string[][] {
  const random = seeded(seed);
  const shape = randomShape(random, { invalid: 0, minBytes: 100_000, delimiter: ',', eol: 'crlf', filters: true, duplicateIds: true, missing: 0.03, ...over });
  return randomSurvey(random, shape).rows.map((row) => [...row]);
}

let serial = 0;
/** The rows as a CRLF file, cut right before record `cutAt`: the three modes, checked. */
async function splitAt(rows: string[][], cutAt: number, options: Options, label: string, eol = '\r\n'): Promise<Modes> {
  const built = buildCsv([SURVEY_COLUMNS], rows, { delimiter: ',', eol: () => eol });
  const file = temp.file(`shape-${serial++}.csv`, built.text);
  const m = await runModes(file, options, built.records[cutAt].start - 1);
  checkModes(m, label);
  expect(m.pass.error, `${label}: ${m.pass.error?.message}`).toBeNull();
  expect(m.workersStarted, `${label}: a worker`).toBe(1);
  expect(m.held, `${label}: the split holds`).toBe(true);
  return m;
}

const codebook = parsedCodebook(surveyCodebook({ duplicateIds: true, filters: true }));
const keep = (row: string[]): void => {
  row[COL('status')] = 'live';
  row[COL('consent')] = 'yes';
};

describe('one range contributes nothing, or only the other knows a value', () => {
  const base = baseRows(31);
  const n = base.length;
  const cutAt = Math.floor(n / 2);
  const each = (from: number, to: number, f: (row: string[], i: number) => void, rows: string[][]): string[][] => {
    for (let i = from; i < to; i++) f(rows[i], i);
    return rows;
  };
  const copy = (): string[][] => base.map((row) => [...row]);
  const modes: [string, Options][] = [
    ['listwise', { codebook }],
    ['pairwise, groups site+role, cluster ward', { codebook, missing: 'pairwise', groups: ['site', 'role'], cluster: 'ward' }],
  ];
  const shapes: [string, () => string[][]][] = [
    ['every row of range 1 excluded', () => each(0, cutAt, (row) => { row[COL('status')] = 'test'; }, copy())],
    ['every row of range 2 excluded', () => each(cutAt, n, (row) => { row[COL('consent')] = 'no'; }, copy())],
    ['no answer to any item in range 1', () => each(0, cutAt, (row) => SCALE_ITEMS.forEach((c) => { row[COL(c)] = ''; }), copy())],
    ['no answer to any item in range 2', () => each(cutAt, n, (row) => SCALE_ITEMS.forEach((c) => { row[COL(c)] = 'NA'; }), copy())],
    ['the pk scale unanswered in range 1 only', () => each(0, cutAt, (row) => ['pk1', 'pk2', 'pk3', 'pk4'].forEach((c) => { row[COL(c)] = '-99'; }), copy())],
    ['range 1 constant (zero variance), range 2 varies', () => each(0, cutAt, (row) => { keep(row); SCALE_ITEMS.forEach((c) => { row[COL(c)] = c.startsWith('ak') ? 'True' : '3'; }); }, copy())],
    ['range 2 constant', () => each(cutAt, n, (row) => { SCALE_ITEMS.forEach((c) => { row[COL(c)] = c.startsWith('ak') ? "Don't know" : '2'; }); }, copy())],
    ['non-integer codes only after the cut', () => each(cutAt, n, (row, i) => { if (i % 3 === 0) row[COL('c2')] = `${1 + (i % 6)}.5`; }, copy())],
    ['group, cluster and role values only after the cut', () => each(0, n, (row, i) => {
      if (i < cutAt) { row[COL('site')] = 'NA'; row[COL('ward')] = ''; row[COL('role')] = ''; } else { row[COL('ward')] = `late${i % 4}`; row[COL('role')] = i % 2 ? 'locum' : 'bank'; }
    }, copy())],
    ['positive answers only after the cut', () => each(0, n, (row, i) => { row[COL('contact')] = i < cutAt ? 'No' : i % 2 ? 'Yes' : 'No'; }, copy())],
    ['no positive answer, unmatched values in both ranges', () => each(0, n, (row, i) => { row[COL('contact')] = ['Y', 'no', 'N', 'yes please', 'Oui'][(i < cutAt ? i % 2 : 2 + (i % 3))]; }, copy())],
    ['a single respondent in range 1', () => each(0, cutAt, (row, i) => { if (i > 0) row[COL('status')] = 'test'; else keep(row); }, copy())],
  ];
  for (const [name, make] of shapes) {
    for (const [mode, options] of modes) {
      it(`${name} (${mode})`, async () => {
        await splitAt(make(), cutAt, options, `${name} (${mode})`);
      });
    }
  }

  it('a cut right after the first data record, and right before the last', async () => {
    await splitAt(copy(), 1, { codebook, missing: 'pairwise', groups: ['role'] }, 'after the first record');
    await splitAt(copy(), n - 1, { codebook, cluster: 'ward' }, 'before the last record');
  });
});

describe('repeated respondent ids (codebook id) and the duplicate-ids warning', () => {
  const base = baseRows(47, { duplicateIds: false });
  const n = base.length;
  const cutAt = Math.floor(n / 2);
  const rows = (): string[][] => base.map((row, i) => {
    const copy = [...row];
    copy[COL('rid')] = `P${i}`;
    return copy;
  });
  const setId = (r: string[][], i: number, id: string): void => {
    r[i][COL('rid')] = id;
  };
  const cases: [string, (r: string[][]) => void, number][] = [
    // [name, inject, duplicates expected]
    ['none', () => {}, 0],
    ['within range 1 only', (r) => { setId(r, 3, 'P1'); setId(r, cutAt - 1, 'P2'); }, 2],
    ['within range 2 only', (r) => { setId(r, cutAt + 10, `P${cutAt + 2}`); setId(r, n - 1, `P${cutAt + 2}`); }, 2],
    ['across the cut only', (r) => { setId(r, cutAt + 4, 'P7'); setId(r, n - 2, `P${cutAt - 1}`); }, 2],
    ['across the cut on the first line of range 2', (r) => { setId(r, cutAt, `P${cutAt - 1}`); }, 1],
    ['range 2: its own repeat before the cross-cut one', (r) => { setId(r, cutAt + 6, `P${cutAt + 1}`); setId(r, cutAt + 20, 'P5'); }, 2],
    ['range 2: the cross-cut repeat before its own', (r) => { setId(r, cutAt + 3, 'P5'); setId(r, cutAt + 20, `P${cutAt + 10}`); }, 2],
    ['range 2: a cross-cut id repeated again in range 2', (r) => { setId(r, cutAt + 3, 'P5'); setId(r, cutAt + 8, 'P5'); setId(r, cutAt + 9, 'P5'); }, 3],
    ['in range 1 and in range 2 (range 1\'s first)', (r) => { setId(r, cutAt - 5, 'P0'); setId(r, cutAt + 2, 'P1'); setId(r, cutAt + 5, `P${cutAt + 4}`); }, 3],
    ['ids that differ only in spaces, and empty ids', (r) => { setId(r, cutAt + 2, ' P3 '); setId(r, cutAt + 3, ''); setId(r, 4, ''); setId(r, n - 1, '   '); }, 1],
  ];
  for (const [name, inject, duplicates] of cases) {
    it(name, async () => {
      const r = rows();
      inject(r);
      r.forEach(keep);
      const m = await splitAt(r, cutAt, { codebook }, `ids: ${name}`);
      const warn = (o: Modes['two']) => o.report!.warnings.filter((w) => /duplicate|repeat/i.test(`${w.code} ${w.message}`));
      expect(warn(m.two)).toEqual(warn(m.pass));
      expect(warn(m.one)).toEqual(warn(m.pass));
      expect(warn(m.pass).length, JSON.stringify(warn(m.pass))).toBe(duplicates === 0 ? 0 : 1);
      if (duplicates > 0) expect(JSON.stringify(warn(m.pass))).toMatch(new RegExp(`\\b${duplicates}\\b`));
    });
  }
});

describe('a small file (delimiter given) cut at every line break, and at the edges', () => {
  // A few dozen records with multi-line quoted comments, blank lines, CRLF and LF mixed, a BOM.
  const random = seeded(2024);
  const shape = randomShape(random, { invalid: 0, minBytes: 4_000, delimiter: ';', eol: 'mixed', bom: true, blankLines: true, filters: true, duplicateIds: true, missing: 0.1 });
  const survey = randomSurvey(random, shape);
  const rows = survey.rows.slice(0, 40);
  const built = buildCsv([SURVEY_COLUMNS], rows, {
    delimiter: ';',
    eol: () => (random() < 0.5 ? '\n' : '\r\n'),
    bom: true,
    blank: (i) => (i % 9 === 4 ? '\r\n' : i % 13 === 0 ? '  \n' : ''),
  });
  const file = temp.file('small.csv', built.text);
  const bytes = readFileSync(file);
  const lfs: number[] = [];
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lfs.push(i);
  const options: Options[] = [
    { codebook: parsedCodebook(survey.codebook), read: { delimiter: ';' } },
    { codebook: parsedCodebook(survey.codebook), read: { delimiter: ';' }, missing: 'pairwise', groups: ['site', 'role'], cluster: 'ward' },
  ];
  const edges = [0, 1, 2, 3, built.headerEnd - 1, built.headerEnd, bytes.length - 2, bytes.length - 1, bytes.length, bytes.length + 100];

  it('every line break (each distinct cut), both settings', { timeout: fuzzTimeout(60_000) }, async () => {
    let held = 0;
    let inside = 0;
    for (const [k, at] of lfs.entries()) {
      const m = await runModes(file, options[k % 2], at);
      checkModes(m, `small file, at ${at}`);
      const cut = cutFor(bytes, at, built.records[0].start);
      expect(m.workersStarted, `at ${at}`).toBe(cut === -1 ? 0 : 1);
      const quoted = built.quotedBreaks.includes(cut - 1);
      if (cut !== -1 && !quoted) expect(m.held, `at ${at}: cut ${cut} is a record boundary`).toBe(true);
      if (m.held) held++;
      if (quoted) inside++;
    }
    expect(held).toBeGreaterThan(10);
    expect(inside).toBeGreaterThan(0);
  });

  it('the edges: 0, the BOM, the header, the last line, the end and beyond', async () => {
    for (const at of edges) {
      const m = await runModes(file, options[0], at);
      checkModes(m, `small file, at ${at}`);
    }
  });
});
