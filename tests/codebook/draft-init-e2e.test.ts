import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'draft-e2e-'));

/** `codebook init` on a file, then `codebook check` and `analyze -c draft` on the same file: all exit 0. */
function initCheckAnalyze(file: string, options: string[] = [], name = 'draft.yaml') {
  const path = `${ROOT}${file}`;
  const drafted = runCli(['codebook', 'init', path, ...options]);
  expect(drafted.stderr).toBe('');
  expect(drafted.status).toBe(0);
  const draftPath = join(dir, name);
  writeFileSync(draftPath, drafted.stdout);
  const checked = runCli(['codebook', 'check', draftPath]);
  expect(checked.stdout + checked.stderr).toContain(': ok: ');
  const readOptions = options.filter((o, i) => o !== '--dictionary' && options[i - 1] !== '--dictionary');
  const analysed = runCli([path, ...readOptions, '-c', draftPath, '--format', 'json']);
  expect(analysed.stderr).not.toMatch(/^survey-analyze:/m);
  expect(analysed.status).toBe(0);
  return { yaml: drafted.stdout, codebook: parse(drafted.stdout), report: JSON.parse(analysed.stdout) };
}

const EXPORTS = [
  'tests/platforms/qualtrics/qualtrics-choice.csv',
  'tests/platforms/qualtrics/qualtrics-choice.tsv',
  'tests/platforms/qualtrics/qualtrics-numeric.csv',
  'tests/platforms/surveymonkey/surveymonkey.csv',
  'tests/platforms/redcap/WardSurvey_DATA_2024-03-15_1022.csv',
  'tests/platforms/redcap/WardSurvey_DATA_LABELS_2024-03-15_1022.csv',
  'tests/platforms/redcap/WardSurveyLongitudinal_DATA_2024-09-20_1410.csv',
  'tests/platforms/forms/ward-survey-google.csv',
  'tests/platforms/forms/ward-survey-microsoft.xlsx',
  'tests/read/formats/files/protect-coded.csv',
  'fixtures/protect-survey.csv',
];

const LABELLED = [
  'tests/read/formats/files/protect-haven-byte.sav',
  'tests/read/formats/files/protect-haven-none.sav',
  'tests/read/formats/files/protect-haven.zsav',
  'tests/read/formats/files/pspp-compressed.sav',
  'tests/read/formats/files/pspp-uncompressed.sav',
  'tests/read/formats/files/pspp.zsav',
  'tests/read/formats/files/protect-117.dta',
  'tests/read/formats/files/protect-118.dta',
  'tests/read/formats/files/protect-119.dta',
];

describe('codebook init drafts a codebook that runs, on every layout', () => {
  for (const file of EXPORTS) {
    it(file, () => {
      const { codebook, report } = initCheckAnalyze(file);
      expect(codebook.scales.length).toBeGreaterThanOrEqual(2);
      expect(report.scales.every((s: { k: number }) => s.k >= 2)).toBe(true);
      const used = JSON.stringify([codebook.scales, codebook.groups, codebook.prevalence]);
      for (const meta of ['StartDate', 'Status', 'Finished', 'IPAddress', 'Timestamp', 'Start Date', 'staff_survey_complete']) expect(used).not.toContain(`"${meta}"`);
    });
  }

  it('Qualtrics: ResponseId is the id, Q1_1.. is one scale labelled by its question, the statements are item labels', () => {
    const { codebook } = initCheckAnalyze('tests/platforms/qualtrics/qualtrics-choice.csv');
    expect(codebook.id).toBe('ResponseId');
    const q1 = codebook.scales.find((s: { id: string }) => s.id === 'Q1');
    expect(q1.items).toEqual(['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4']);
    expect(q1.label).toMatch(/^How much do you agree or disagree/);
    expect(q1.itemLabels.Q1_1).toMatch(/^I know what questions to ask/);
  });

  it('the xlsx workbook, its responses sheet', () => {
    const { codebook } = initCheckAnalyze('tests/read/formats/files/protect-survey.xlsx', ['--sheet', '2']);
    expect(codebook.scales.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['pk', 'conf']));
  });

  it('REDCap with its data dictionary: the draft comes from the dictionary, with the same header and the reverse-key suggestion', () => {
    const { yaml, codebook } = initCheckAnalyze('tests/platforms/redcap/WardSurvey_DATA_2024-03-15_1022.csv', [
      '--dictionary', `${ROOT}tests/platforms/redcap/WardSurvey_DataDictionary_2024-03-15.csv`,
    ]);
    expect(yaml.startsWith('# Draft codebook written by `survey-analyze codebook init`.')).toBe(true);
    expect(codebook.id).toBe('record_id');
    expect(yaml).toMatch(/# reverse: \[\w+\]   # suggested: loads negatively on the first principal component/);
  });
});

describe('codebook init from value labels (.sav, .zsav, .dta)', () => {
  for (const file of LABELLED) {
    it(file, () => {
      const { yaml, codebook } = initCheckAnalyze(file);
      const pk = codebook.scales.find((s: { id: string }) => s.id === 'pk');
      expect(pk).toMatchObject({ responses: 'agree5', range: [1, 5] });
      expect(pk.items).toHaveLength(9);
      expect(pk.itemLabels.pk9).toMatch(/would not know what to do/);
      // pk9 and conf6 are worded the other way round in the generator of these files.
      expect(yaml).toContain('# reverse: [pk9]   # suggested');
      expect(yaml).toContain('# reverse: [conf6]   # suggested');
      expect(codebook.scales.find((s: { id: string }) => s.id === 'ak_knowledge')).toMatchObject({ score: 'sum' });
      expect(pk.reverse).toBeUndefined();
    });
  }
});
