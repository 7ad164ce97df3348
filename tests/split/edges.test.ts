/**
 * Edges of the split read:
 * - range 2's first line is counted from the file (line-offsets.ts countFileLineBreaks, in 1 MiB
 *   chunks): a CRLF whose CR is the last byte of the first chunk, a lone CR there, lone CRs inside
 *   quoted fields before the cut. Range 2's lines show where a warning names the first place
 *   (--lenient's invalid values, repeated ids) found only in range 2;
 * - Excel's `sep=;` line before the header (part of the header lines range 2 re-reads);
 * - inputs and settings that are read in one pass (no worker): several files, gzip, a
 *   bootstrap interval, --reliability full; and settings that now split (Spearman, polychoric).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCsv,
  checkModes,
  csvField,
  parsedCodebook,
  randomShape,
  randomSurvey,
  run,
  runModes,
  seeded,
  SURVEY_COLUMNS,
  surveyCodebook,
  tempDir,
  workers,
} from './split-helpers.js';

const temp = tempDir('split-edges-');
afterAll(() => temp.remove());

const COL = (name: string): number => SURVEY_COLUMNS.indexOf(name);
const codebook = parsedCodebook(surveyCodebook({ duplicateIds: true, filters: false }));
const MiB = 1 << 20;

/** Rows of a clean survey, answers kept valid. */
function rows(seed: number, minBytes: number): string[][] {
  const random = seeded(seed);
  const shape = randomShape(random, { invalid: 0, minBytes, delimiter: ',', eol: 'lf', filters: false, duplicateIds: false, missing: 0.02 });
  return randomSurvey(random, shape).rows.map((row, i) => {
    const copy = [...row];
    copy[COL('rid')] = `P${i}`;
    return copy;
  });
}

describe('range 2 line numbers across the 1 MiB chunks of countFileLineBreaks', () => {
  const base = rows(5, 1.15 * MiB);
  /**
   * The file with record `k` padded so that its line end's first byte is byte MiB - 1 (the last
   * byte of the first 1 MiB chunk), `end` its line end ('\r\n' or a lone '\r'); the cut right
   * after a later record; then an invalid value (lenient) and a repeated id only in range 2.
   */
  function file(end: '\r\n' | '\r', name: string) {
    const r = base.map((row) => [...row]);
    // Lone CRs and CRLFs inside quoted comments before the boundary.
    for (let i = 3; i < 40; i += 6) r[i][COL('comment')] = i % 12 === 3 ? 'one\rtwo\rthree' : 'a\r\nb';
    let built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ',', eol: () => '\n' });
    const k = built.records.findIndex((rec) => rec.end > MiB - 200);
    const pad = MiB - 1 - (built.records[k].end - 1);
    r[k][COL('comment')] = 'x'.repeat(Math.max(0, pad + (r[k][COL('comment')] === '' ? 0 : Buffer.byteLength(csvField(r[k][COL('comment')], ',')))));
    const eol = (i: number) => (i === k ? end : '\n');
    let line = 0;
    built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ',', eol: () => eol(line++ - 1) });
    expect(built.records[k].end - end.length, 'the line end starts on the last byte of the first chunk').toBe(MiB - 1);
    const cutAt = k + 30;
    const bad = cutAt + 40;
    r[bad][COL('pk2')] = '17';
    r[bad + 5][COL('rid')] = `P${cutAt + 10}`;
    line = 0;
    built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ',', eol: () => eol(line++ - 1) });
    return { path: temp.file(`${name}.csv`, built.text), built, cutAt, bad };
  }

  for (const [end, name] of [['\r\n', 'CRLF'], ['\r', 'a lone CR']] as const) {
    it(`${name} at the end of the first 1 MiB chunk`, async () => {
      const { path, built, cutAt, bad } = file(end, name === 'CRLF' ? 'crlf-boundary' : 'cr-boundary');
      const m = await runModes(path, { codebook, lenient: true }, built.records[cutAt].start - 1);
      checkModes(m, name);
      expect(m.held).toBe(true);
      const warnings = m.two.report!.warnings;
      const invalid = warnings.find((w) => w.code === 'invalid-values')!;
      expect(invalid.message).toContain(`${path}:${built.records[bad].line}`);
      const repeated = warnings.filter((w) => /duplicate|repeat/i.test(`${w.code} ${w.message}`));
      expect(repeated).toHaveLength(1);
      expect(repeated[0].message).toContain(String(built.records[bad + 5].line));
    });
  }
});

describe('Excel\'s sep= line', () => {
  it('a semicolon file with "sep=;" before the header', async () => {
    const r = rows(9, 80_000);
    const built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ';', eol: () => '\r\n' });
    const path = temp.file('sep.csv', `sep=;\r\n${built.text}`);
    const shift = Buffer.byteLength('sep=;\r\n');
    for (const at of [0, 3, built.records[Math.floor(r.length / 2)].start - 1 + shift, built.records[r.length - 4].start - 1 + shift]) {
      const m = await runModes(path, { codebook, lenient: true }, at);
      checkModes(m, `sep= at ${at}`);
      expect(m.workersStarted).toBe(1);
      expect(m.held, `sep= at ${at}`).toBe(true);
    }
  });
});

describe('what is read in one pass, and what now splits', () => {
  const r = rows(13, 80_000);
  const built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ',', eol: () => '\n' });
  const path = temp.file('plain.csv', built.text);
  const at = built.records[Math.floor(r.length / 2)].start - 1;

  async function noWorker(files: string | string[], options: Parameters<typeof run>[1]): Promise<void> {
    const before = workers.length;
    const two = await run(files as string, { ...options, split: { minBytes: 0, threads: 2, at } });
    const pass = await run(files as string, { ...options, split: { minBytes: Infinity } });
    expect(workers.length - before, 'no worker').toBe(0);
    expect(two.error).toBeNull();
    expect(JSON.stringify(two.report)).toBe(JSON.stringify(pass.report));
  }

  it('several files', async () => noWorker([path, path] as unknown as string, { codebook }));
  it('a gzip-compressed file', async () => noWorker(temp.file('plain.csv.gz', gzipSync(built.text)), { codebook }));
  it('--alpha-ci bootstrap', async () => noWorker(path, { codebook, alphaCi: 'bootstrap', bootstrap: { resamples: 50, seed: 3 } }));
  it('--reliability full', { timeout: 60_000 }, async () => noWorker(path, { codebook, reliability: 'full', bootstrap: { resamples: 20, seed: 3 } }));

  it('Spearman correlations and polychoric item correlations split, and agree', async () => {
    for (const options of [{ codebook, correlation: 'spearman' as const }, { codebook, itemCorrelations: 'polychoric' as const, missing: 'pairwise' as const }]) {
      const m = await runModes(path, options, at);
      checkModes(m, JSON.stringify({ ...options, codebook: undefined }));
      expect(m.workersStarted).toBe(1);
      expect(m.held).toBe(true);
    }
  });
});

describe('split settings from code', () => {
  // src/index.ts: "every problem is thrown as a SurveyError". A `split.at` that is no whole
  // number of 0 or more is refused as a usage error (exit 2), never a raw RangeError; so are a
  // negative minBytes and threads other than 1 or 2.
  const r = rows(17, 80_000);
  const built = buildCsv([SURVEY_COLUMNS], r, { delimiter: ',', eol: () => '\n' });
  const path = temp.file('settings.csv', built.text);
  const refused: [string, object, RegExp][] = [
    ...[Number.NaN, built.records[20].start + 0.5, -1, Number.POSITIVE_INFINITY].map((at): [string, object, RegExp] => [`split.at ${at}`, { at }, /split\.at must be a byte offset/]),
    ['split.minBytes -1', { minBytes: -1 }, /split\.minBytes must be/],
    ['split.threads 3', { threads: 3 }, /split\.threads must be one of 1, 2/],
  ];
  for (const [label, split, message] of refused) {
    it(label, async () => {
      const two = await run(path, { codebook, split: { minBytes: 0, threads: 2, ...split } as never });
      expect(two.error?.surveyError, two.error?.message).toBe(true);
      expect(two.error?.exitCode).toBe(2);
      expect(two.error?.message).toMatch(message);
    });
  }
});
