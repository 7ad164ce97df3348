/**
 * Platform exports read as two ranges: Qualtrics (three header rows: names, question text with
 * quoted multi-line cells, the ImportId JSON row; previews, tests and spam dropped by default)
 * and SurveyMonkey (two header rows). Range 2 is the header lines + [cut, end): its layout, header
 * rows and row accounting must merge into exactly what one pass reports: the report's input
 * section (rowsRead, headerRows, excluded, sources) equal, and every figure as in identity.test.ts.
 *
 * - the committed fixtures (tests/platforms/, written by make-qualtrics-surveymonkey.mjs) are under
 *   64 KiB, which the split's probe needs unless the delimiter is given: they are read with
 *   `read: { delimiter: ',' }` and cut at every line break of the data part;
 * - enlarged exports (the fixture's header, one question-text cell made multi-line, and its data
 *   records repeated in a seeded shuffle to > 64 KiB, so repeated ResponseIds too) with the
 *   delimiter detected, cut at seeded random line breaks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModes, cutFor, FUZZ_SEED, fuzzRuns, fuzzTimeout, runModes, seeded, tempDir, type Modes } from './split-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const P = (path: string): string => join(ROOT, 'tests', 'platforms', path);
const temp = tempDir('split-platforms-');
afterAll(() => temp.remove());

/** The raw records of a CSV text (each with its line end), quotes respected. */
function rawRecords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function checkInput(m: Modes, label: string): void {
  if (m.pass.error !== null) return;
  const input = m.pass.report!.input;
  expect(m.two.report!.input, `${label}: input (threads 2)`).toEqual(input);
  expect(m.one.report!.input, `${label}: input (threads 1)`).toEqual(input);
}

interface Export {
  name: string;
  file: string;
  codebooks: string[];
  headerRecords: number;
  layout: string;
}

const EXPORTS: Export[] = [
  { name: 'qualtrics choice', file: P('qualtrics/qualtrics-choice.csv'), codebooks: [P('qualtrics/codebook-export.yaml'), P('qualtrics/codebook-export-finished.yaml')], headerRecords: 3, layout: 'qualtrics' },
  { name: 'qualtrics numeric', file: P('qualtrics/qualtrics-numeric.csv'), codebooks: [P('qualtrics/codebook-export.yaml')], headerRecords: 3, layout: 'qualtrics' },
  { name: 'qualtrics legacy', file: P('qualtrics/qualtrics-legacy.csv'), codebooks: [P('qualtrics/codebook-export.yaml')], headerRecords: 2, layout: 'qualtrics-legacy' },
  { name: 'surveymonkey', file: P('surveymonkey/surveymonkey.csv'), codebooks: [P('surveymonkey/codebook-export.yaml')], headerRecords: 2, layout: 'surveymonkey' },
  { name: 'qualtrics rich', file: P('new-user/qualtrics-rich.csv'), codebooks: [P('new-user/qualtrics-rich.codebook.yaml')], headerRecords: 3, layout: 'qualtrics' },
];

/** More layouts, for the committed-fixture sweep only (one header row each). */
const MORE_FIXTURES: Export[] = [
  { name: 'redcap raw', file: P('redcap/WardSurvey_DATA_2024-03-15_1022.csv'), codebooks: [P('redcap/raw.codebook.yaml')], headerRecords: 1, layout: 'redcap' },
  { name: 'redcap labels', file: P('redcap/WardSurvey_DATA_LABELS_2024-03-15_1022.csv'), codebooks: [P('redcap/labels.codebook.yaml')], headerRecords: 1, layout: 'redcap-labels' },
  { name: 'redcap longitudinal', file: P('redcap/WardSurveyLongitudinal_DATA_2024-09-20_1410.csv'), codebooks: [P('redcap/longitudinal.codebook.yaml')], headerRecords: 1, layout: 'redcap' },
  { name: 'google forms', file: P('forms/ward-survey-google.csv'), codebooks: [P('forms/google.codebook.yaml')], headerRecords: 1, layout: 'google-forms' },
];

describe('committed platform fixtures, delimiter given, cut at every line break of the data', () => {
  for (const ex of [...EXPORTS, ...MORE_FIXTURES]) {
    it(`${ex.name}`, { timeout: fuzzTimeout(60_000) }, async () => {
      const text = readFileSync(ex.file, 'utf8');
      const bytes = readFileSync(ex.file);
      const records = rawRecords(text);
      const headerBytes = Buffer.byteLength(records.slice(0, ex.headerRecords).join(''));
      const lfs: number[] = [];
      for (let i = bytes.indexOf(10, headerBytes); i !== -1; i = bytes.indexOf(10, i + 1)) lfs.push(i);
      // The first fixture with its first codebook: every line break (data record ends and breaks
      // inside quoted comments); otherwise every third one (time).
      let held = 0;
      for (const [c, codebook] of ex.codebooks.entries()) {
        const step = ex === EXPORTS[0] && c === 0 ? 1 : 3;
        for (let k = c % step; k < lfs.length; k += step) {
          const at = lfs[k] - (k % 3 === 0 ? 1 : 0);
          const m = await runModes(ex.file, { codebook, read: { delimiter: ',' } }, at);
          const label = `${ex.name}, ${codebook}, at ${at}`;
          checkModes(m, label);
          checkInput(m, label);
          expect(m.pass.report?.input.layout, label).toBe(ex.layout);
          if (m.held) held++;
        }
      }
      expect(held, `${ex.name}: some cuts held`).toBeGreaterThan(0);
    });
  }
});

/** An export of the fixture's header (one question-text cell made multi-line) over its data records repeated to > 64 KiB. */
function enlarged(ex: Export, seed: number): { file: string; bytes: Buffer; dataStart: number } {
  const random = seeded(seed);
  const text = readFileSync(ex.file, 'utf8');
  const records = rawRecords(text);
  const header = records.slice(0, ex.headerRecords);
  const eol = header[0].endsWith('\r\n') ? '\r\n' : '\n';
  if (ex.layout === 'qualtrics') {
    // Row 2 (question text): "Start Date" over two lines, as a typed line break in a question is exported.
    header[1] = header[1].replace(/^Start Date,/, `"Start${eol}Date",`);
  } else if (ex.layout === 'surveymonkey') {
    header[0] = header[0].replace('Is there anything else you would like to tell us about this topic?', `"Is there anything else${eol}you would like to tell us, about this topic?"`);
  }
  const data = records.slice(ex.headerRecords).filter((r) => r.trim() !== '');
  const last = data[data.length - 1];
  if (!last.endsWith('\n')) data[data.length - 1] = last + eol;
  const out = [...header];
  let size = Buffer.byteLength(out.join(''));
  while (size < 70_000 + Math.floor(random() * 20_000)) {
    const r = data[Math.floor(random() * data.length)];
    out.push(r);
    size += Buffer.byteLength(r);
  }
  const file = temp.file(`${ex.name.replace(/\W+/g, '-')}-${seed}.csv`, out.join(''));
  return { file, bytes: readFileSync(file), dataStart: Buffer.byteLength(header.join('')) };
}

describe('enlarged platform exports (> 64 KiB, delimiter detected), random cuts', () => {
  for (const ex of EXPORTS) {
    for (let c = 0; c < fuzzRuns(2); c++) {
      const seed = (FUZZ_SEED + 101 * c + ex.name.length) >>> 0;
      it(`${ex.name} (seed ${seed})`, { timeout: fuzzTimeout(60_000) }, async () => {
        const random = seeded(seed ^ 0x5eed);
        const { file, bytes, dataStart } = enlarged(ex, seed);
        const ats = [0, Math.floor(dataStart / 2), dataStart, bytes.length - 3];
        for (let i = 0; i < 4; i++) ats.push(dataStart + Math.floor(random() * (bytes.length - dataStart)));
        let held = 0;
        for (const [k, at] of ats.entries()) {
          const codebook = ex.codebooks[k % ex.codebooks.length];
          // Every other cut with --keep-previews (Qualtrics' previews, tests and spam kept).
          const keepPreviews = k % 2 === 1;
          const m = await runModes(file, { codebook, keepPreviews }, at);
          const label = `${ex.name} enlarged (seed ${seed}), ${codebook}, keepPreviews ${keepPreviews}, at ${at}`;
          checkModes(m, label);
          checkInput(m, label);
          const input = m.pass.report!.input;
          expect(input.layout).toBe(ex.layout);
          expect(input.headerRows).toBe(ex.headerRecords);
          expect(m.workersStarted, `${label}: a worker`).toBe(cutFor(bytes, at, dataStart) === -1 ? 0 : 1);
          if (m.held) held++;
        }
        expect(held, `${ex.name}: some cuts held`).toBeGreaterThan(0);
      });
    }
  }
});
