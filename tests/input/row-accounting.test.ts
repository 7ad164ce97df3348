/**
 * Row filters (`include` / `exclude`), the row accounting, and the input checks around them:
 * header-only files, duplicate ids, positive values that never occur, built-in codebook misfits.
 * Every expected count is written out from the rows below.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { completeSettings } from '../../src/analysis/settings.js';
import { builtinCodebook } from '../../src/codebook/builtin-codebook.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';
import type { SurveyError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'rows-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function codebook(raw: Record<string, unknown>): Codebook {
  const { codebook, problems } = validateCodebook(raw, 'test');
  if (!codebook) throw new Error(JSON.stringify(problems));
  return codebook;
}

const BASE = {
  id: 'rid',
  responseSets: { yn: { No: 0, Yes: 1 } },
  scales: [{ id: 'q', label: 'Q', items: ['q1', 'q2', 'q3'], range: [1, 5] }],
  prevalence: [{ id: 'seen', label: 'Seen', column: 'seen', positive: ['Yes'] }],
};

/** The library's default settings (src/analysis/settings.ts) with no group columns, for every codebook below. */
const settings = completeSettings(codebook(BASE), { groups: [], bootstrap: { resamples: 100 } });

// 8 rows: two of site "Test", one unfinished (Finished = False), one with Finished 0.
const DATA = file(
  'data.csv',
  [
    'rid,site,Finished,seen,q1,q2,q3',
    'r1,A,True,Yes,1,2,2',
    'r2,A,True,No,2,2,3',
    'r3,Test,True,Yes,5,5,5',
    'r4,B,False,No,3,3,2',
    'r5,B,True,Yes,4,5,4',
    'r6,test ,1,No,2,1,2',
    'r7,C,0,No,3,4,4',
    'r8,C,True,Yes,5,4,5',
  ].join('\n'),
);

describe('include and exclude', () => {
  it('drop rows by trimmed text (case-insensitive) or by code, each counted under its rule', async () => {
    const cb = codebook({ ...BASE, include: { Finished: ['True', 1] }, exclude: { site: ['test'] } });
    const report = await analyze([DATA], cb, settings);
    // include keeps Finished True/1: r4 (False) and r7 (0) are dropped by it; then exclude drops r3 and r6 ("test ").
    expect(report.input.rowsRead).toBe(8);
    expect(report.input.headerRows).toBe(1);
    expect(report.input.excluded.map((e) => [e.kind, e.column, e.rows])).toEqual([
      ['include', 'Finished', 2],
      ['exclude', 'site', 2],
    ]);
    expect(report.input.rows).toBe(4);
    // The analysed rows are r1, r2, r5, r8: seen Yes, No, Yes, Yes.
    const overall = report.prevalence.find((p) => p.group === null)!;
    expect([overall.count, overall.n]).toEqual([3, 4]);
    expect(report.scales[0].n).toBe(4);
  });

  it('a rule on a column the file lacks is an error naming the codebook key', async () => {
    const cb = codebook({ ...BASE, exclude: { Status: ['Survey Preview'] } });
    const error = (await analyze([DATA], cb, settings).catch((e) => e)) as SurveyError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('a column is not in the file: "Status" (codebook exclude.Status)');
  });

  it('are validated: a mapping of column to a non-empty list', () => {
    const bad = validateCodebook({ ...BASE, include: { Finished: [] }, exclude: ['x'] }, 't');
    expect(bad.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['include.Finished', 'must be a non-empty list of values, not a list'],
      ['exclude', 'must be a mapping of column name to a list of values, not a list'],
    ]);
  });

  it('every row excluded is an error, not an empty report', async () => {
    const cb = codebook({ ...BASE, include: { site: ['Z'] } });
    const error = (await analyze([DATA], cb, settings).catch((e) => e)) as SurveyError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/^all 8 rows were excluded \(8 by site not one of "Z" \(include\)\)/);
  });
});

describe('input checks', () => {
  it('a header-only file is an error (exit 1)', async () => {
    const error = (await analyze([file('header.csv', 'rid,site,Finished,seen,q1,q2,q3\n')], codebook(BASE), settings).catch((e) => e)) as SurveyError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('the file has a header but no data rows: there is nothing to analyse');
  });

  it('warns of repeated respondent ids, with the first repeat located', async () => {
    const path = file('dup.csv', 'rid,site,Finished,seen,q1,q2,q3\nr1,A,1,Yes,1,2,2\nr2,A,1,No,2,2,3\nr1,A,1,Yes,3,3,3\nr2,A,1,No,2,2,3\n');
    const report = await analyze([path], codebook(BASE), settings);
    const warning = report.warnings.find((w) => w.code === 'duplicate-ids')!;
    expect(warning.count).toBe(2);
    expect(warning.message).toContain(`the first, "r1", at ${path}:4`);
  });

  it('warns when no answer matches a positive value, and shows what the column holds', async () => {
    const path = file('codes.csv', 'rid,site,Finished,seen,q1,q2,q3\nr1,A,1,1,1,2,2\nr2,A,1,2,2,2,3\nr3,A,1,2,3,3,3\n');
    const report = await analyze([path], codebook(BASE), settings);
    const warning = report.warnings.find((w) => w.code === 'positive-never-occurs')!;
    expect(warning.message).toBe('prevalence "seen": no answer in column "seen" matches its positive values ("yes"), so its prevalence is 0; the column holds "1", "2": check "positive" in the codebook');
    // ...and says nothing when a positive answer occurs.
    const fine = await analyze([DATA], codebook(BASE), settings);
    expect(fine.warnings.some((w) => w.code === 'positive-never-occurs')).toBe(false);
  });

  it('a file that does not fit the built-in codebook suggests codebook init', async () => {
    const error = (await analyze([DATA], builtinCodebook(), settings).catch((e) => e)) as SurveyError;
    expect(error.exitCode).toBe(1);
    expect(error.hint).toMatch(/^no --codebook was given, so the built-in codebook \(the NHS human-trafficking survey\) was used; draft one for this file with: survey-analyze codebook init ".*data\.csv" > codebook\.yaml/);
  });

  it('a knowledge item that correlates negatively is told to check its key, not to be reversed', async () => {
    // k4 is right exactly where the others are wrong: its item-rest r is -0.949 (numpy corrcoef).
    const k = [[1, 1, 0, 0, 1, 0, 1, 0], [1, 1, 0, 0, 1, 1, 0, 0], [1, 0, 0, 0, 1, 1, 1, 0], [0, 0, 1, 1, 0, 0, 0, 1]];
    const rows = ['rid,k1,k2,k3,k4', ...k[0].map((_, r) => `r${r},${k.map((item) => (item[r] === 1 ? 'T' : 'F')).join(',')}`)];
    const cb = codebook({ scales: [{ id: 'k', label: 'K', items: ['k1', 'k2', 'k3', 'k4'], key: { k1: 'T', k2: 'T', k3: 'T', k4: 'T' } }] });
    const report = await analyze([file('keys.csv', rows.join('\n'))], cb, settings);
    const warning = report.warnings.find((w) => w.code === 'negative-item-rest-r' && w.item === 'k4')!;
    expect(warning.message).toContain('(r = -0.949)');
    expect(warning.message).toMatch(/check its key \("t" is scored as the correct answer\)$/);
    expect(warning.message).not.toContain('reverse');
  });
});
