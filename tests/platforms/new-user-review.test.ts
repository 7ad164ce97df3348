import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze } from '../../src/index.js';
import { fileByteSource } from '../../src/read/formats/byte-source.js';
import { openSav } from '../../src/read/formats/sav.js';
import { ROOT, runCli } from '../cli/run-cli.js';

/**
 * Exports as a new user brings them (tests/platforms/new-user/README.md), run through the CLI
 * and the library: the figures against an independent computation on the real respondents,
 * every exclusion counted, nothing silently wrong.
 */
const dir = join(ROOT, 'tests/platforms/new-user');
const tmp = mkdtempSync(join(tmpdir(), 'new-user-'));

describe('a Qualtrics export with display-order, loop-and-merge, text-entry and Q_ columns', () => {
  const file = join(dir, 'qualtrics-rich.csv');

  it('drops previews and spam, counted, and alpha equals the one computed on the 37 real respondents', async () => {
    const report = await analyze(file, { codebook: join(dir, 'qualtrics-rich.codebook.yaml') });
    expect(report.input.layout).toBe('qualtrics');
    expect(report.input.rowsRead).toBe(40);
    expect(report.input.excluded.map((e) => [e.label, e.rows])).toEqual([['survey previews (Status)', 2], ['spam (Status)', 1]]);
    expect(report.input.rows).toBe(37);
    // Cronbach's alpha of Q1_1..Q1_4 (coded 1..5) over the 37 "IP Address" rows, by python's statistics module.
    expect(report.scales[0].alpha).toBeCloseTo(0.9461144624119228, 12);
  });

  it('puts a question text typed over two lines (CRLF in the quoted cell) on one line', async () => {
    const report = await analyze(file, { codebook: join(dir, 'qualtrics-rich.codebook.yaml') });
    const labels = JSON.stringify(report);
    expect(labels).not.toMatch(/\\r|\\n/);
    const drafted = runCli(['codebook', 'init', file]);
    expect(drafted.status).toBe(0);
    expect(drafted.stdout).not.toContain('\r');
    const codebook = parse(drafted.stdout);
    expect(codebook.scales[0].label).toBe('How much do you agree? (Please be honest)');
  });

  it('init leaves display-order, text-entry and Q_ columns out of scales, and its draft analyses the same rows', () => {
    const drafted = runCli(['codebook', 'init', file]);
    const codebook = parse(drafted.stdout);
    const used = [...codebook.scales.flatMap((s: { items: string[] }) => s.items), ...codebook.prevalence.map((p: { column: string }) => p.column), ...codebook.groups];
    for (const column of ['FL_12_DO', 'Q1_DO', 'Q5_1_TEXT', 'Q_RecaptchaScore', 'Q_RelevantIDDuplicate', 'Status']) expect(used).not.toContain(column);
    expect(codebook.scales[0].items).toEqual(['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4']);
    const draftPath = join(tmp, 'qualtrics-draft.yaml');
    writeFileSync(draftPath, drafted.stdout);
    const analysed = runCli([file, '-c', draftPath, '-f', 'json']);
    expect(analysed.status).toBe(0);
    const report = JSON.parse(analysed.stdout);
    expect(report.input.rows).toBe(37);
    expect(report.scales[0].alpha).toBeCloseTo(0.9461144624119228, 12);
  });
});

describe('an SPSS file saved with WEIGHT BY', () => {
  const file = join(dir, 'weighted.sav');

  it('the reader names the weight variable from the header', () => {
    const bytes = fileByteSource(file);
    try {
      expect(openSav(bytes, file, { keepUserMissing: false }).weight).toBe('wt');
    } finally {
      bytes.close();
    }
  });

  it('an unweighted file has no weight', () => {
    const other = join(ROOT, 'tests/read/formats/files/pspp-compressed.sav');
    const bytes = fileByteSource(other);
    try {
      expect(openSav(bytes, other, { keepUserMissing: false }).weight).toBeNull();
    } finally {
      bytes.close();
    }
  });

  it('is analysed unweighted, with a warning that says so; alpha equals haven + the alpha formula on the complete cases', async () => {
    const codebook = join(tmp, 'weighted.yaml');
    writeFileSync(codebook, 'scales:\n  - {id: pk, items: [pk1, pk2, pk3], range: [1, 5]}\n');
    const report = await analyze(file, { codebook });
    const warning = report.warnings.find((w) => w.code === 'weight-not-applied');
    expect(warning?.column).toBe('wt');
    expect(warning?.message).toContain('every figure is unweighted');
    // R: haven::zap_missing(read_sav()) then k/(k-1)*(1 - sum(var)/var(rowSums)) on complete cases (6 of 8; -1 and -2 are LO THRU -1 user-missing).
    expect(report.scales[0].n).toBe(6);
    expect(report.scales[0].alpha).toBeCloseTo(0.926020408163265, 12);
    const cli = runCli([file, '-c', codebook]);
    expect(cli.stderr).toContain('is weighted by "wt"');
  });

  it('init says the file is weighted and lists a too-wide user-missing range once, naming its variables', () => {
    const drafted = runCli(['codebook', 'init', file]);
    expect(drafted.status).toBe(0);
    expect(drafted.stdout).toContain('# the file is weighted by "wt" (SPSS WEIGHT BY)');
    const rangeNotes = drafted.stdout.split('\n').filter((line) => line.includes('LOWEST THRU -1'));
    expect(rangeNotes).toHaveLength(1);
    expect(rangeNotes[0]).toContain('of pk1, pk2, pk3');
  });
});

describe('a file with no data rows', () => {
  it('analyze refuses it; init says its draft has nothing drafted from answers', () => {
    const file = join(dir, 'zero.sav');
    const codebook = join(tmp, 'zero.yaml');
    writeFileSync(codebook, 'scales:\n  - {id: pk, items: [pk1, pk2, pk3], range: [1, 5]}\n');
    const analysed = runCli([file, '-c', codebook]);
    expect(analysed.status).toBe(1);
    expect(analysed.stderr).toContain('no data rows');
    const drafted = runCli(['codebook', 'init', file]);
    expect(drafted.stdout).toContain('# the file has no answers');
  });
});

describe('an ordinary CSV with SurveyMonkey-like id columns', () => {
  it('whose second row is a respondent with blank ids and numeric answers is not taken for a SurveyMonkey export', async () => {
    const { surveyMonkeyLayout } = await import('../../src/read/layout/surveymonkey.js');
    const records = [['Respondent ID', 'Collector ID', 'pk1', 'pk2'], ['', '', '1', '4'], ['5', '6', '2', '3']];
    expect(surveyMonkeyLayout(records, { file: 'plain.csv', firstLine: 1, forced: false })).toBeNull();
    expect(() => surveyMonkeyLayout(records, { file: 'plain.csv', firstLine: 1, forced: true })).toThrow(/row 2 holds only numbers/);
  });
});
