import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../src/errors.js';
import { LOOKAHEAD_RECORDS } from '../../src/read/layout/layout.js';
import { qualtricsLayout, qualtricsLegacyLayout } from '../../src/read/layout/qualtrics.js';
import { surveyMonkeyColumns, surveyMonkeyLayout } from '../../src/read/layout/surveymonkey.js';
import { ROOT, runCli } from '../cli/run-cli.js';
import { figures, jsonReport, type RunsManifest } from './same-figures.js';

/**
 * The SurveyMonkey layout on the export tests/platforms/make-qualtrics-surveymonkey.mjs writes:
 * the detector directly (names from both header rows, labels, ordinary CSVs left alone), then the
 * CLI end to end: the export and its clean one-header CSV give the same figures.
 */

const DIR = join(ROOT, 'tests/platforms/surveymonkey');
const place = (forced = false) => ({ file: 'export.csv', firstLine: 1, forced });
const parse = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const records = (path: string): string[][] => parse(readFileSync(path, 'utf8'));
const head = (all: string[][]): string[][] => all.slice(0, LOOKAHEAD_RECORDS);

const manifest = JSON.parse(readFileSync(join(DIR, 'surveymonkey.manifest.json'), 'utf8')) as RunsManifest;
const exported = records(join(DIR, 'surveymonkey.csv'));

const METADATA = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1'];
const MATRIX = 'How much do you agree or disagree with each of the following statements?';

describe('the SurveyMonkey export (two header rows)', () => {
  const found = surveyMonkeyLayout(head(exported), place())!;

  it('is detected, with its two header rows', () => {
    expect(found).not.toBeNull();
    expect(found.layout).toBe('surveymonkey');
    expect(found.headerRows).toBe(2);
    expect(found.idColumn).toBe('Respondent ID');
    expect(found.metadataColumns).toEqual(METADATA);
    expect(found.rules).toEqual([]);
    expect(exported.length - found.headerRows).toBe(manifest.rowsRead);
  });

  it('numbers the questions in export order: q<n> for one column, q<n>_<k> for several', () => {
    expect(found.columns).toEqual([
      ...METADATA,
      'q1_1', 'q1_2', 'q1_3', 'q1_4', // matrix, 4 rows
      'q2_1', 'q2_2', 'q2_3', // matrix, 3 rows
      'q3', // single answer: "Response"
      'q4_1', 'q4_2', // single answer with "Other (please specify)"
      'q5_1', 'q5_2', 'q5_3', // multiple choice, one column per option
      'q6', // "Open-Ended Response"
    ]);
    expect(new Set(found.columns).size).toBe(found.columns.length);
  });

  it('labels each column with the question text carried forward and the row-2 text', () => {
    const label = (column: string): string | null => found.labels[found.columns.indexOf(column)];
    expect(label('q1_1')).toBe(`${MATRIX} - I know what questions to ask a patient who may be a victim of trafficking`);
    expect(label('q1_4')).toBe(`${MATRIX} - I would not know what to do if I suspected a patient was being trafficked`);
    expect(label('q3')).toBe('Have you ever had contact with a patient you knew or suspected was a victim of human trafficking?');
    expect(label('q4_1')).toBe('What is your professional role? - Response');
    expect(label('q4_2')).toBe('What is your professional role? - Other (please specify)');
    expect(label('q5_2')).toBe('Which of the following have you had training in? (select all that apply) - Safeguarding adults');
    expect(label('q6')).toBe('Is there anything else you would like to tell us about this topic?');
    expect(label('Respondent ID')).toBeNull();
  });

  it('does not count the second header row as a respondent: the data are the clean CSV\'s respondents', () => {
    const ids = exported.slice(found.headerRows).map((row) => row[0]);
    expect(ids.every((id) => /^\d{11,12}$/.test(id))).toBe(true);
    expect(ids).toEqual(records(join(DIR, manifest.runs[0].clean)).slice(1).map((row) => row[0]));
  });

  it('keeps a name for a custom variable and stays stable when a question has one column', () => {
    const columns = surveyMonkeyColumns(['Respondent ID', 'Collector ID', 'ref', 'Rate us', 'Pick', ''], ['', '', '', 'Response', 'Red', 'Blue']);
    expect(columns.map((c) => c.name)).toEqual(['Respondent ID', 'Collector ID', 'ref', 'q1', 'q2_1', 'q2_2']);
    expect(columns.map((c) => c.isQuestion)).toEqual([false, false, false, true, true, true]);
  });

  it('is not taken for a Qualtrics export, nor a Qualtrics export for it', () => {
    expect(qualtricsLayout(head(exported), place())).toBeNull();
    expect(qualtricsLegacyLayout(head(exported), place())).toBeNull();
    const qualtrics = records(join(ROOT, 'tests/platforms/qualtrics/qualtrics-choice.csv'));
    expect(surveyMonkeyLayout(head(qualtrics), place())).toBeNull();
  });
});

describe('detection never fires on an ordinary CSV', () => {
  const ordinary: [string, string[][]][] = [
    ['fixtures/protect-survey.csv', records(join(ROOT, 'fixtures/protect-survey.csv'))],
    ...readdirSync(join(ROOT, 'tests/golden/psych')).filter((f) => f.endsWith('.csv')).map((f): [string, string[][]] => [f, records(join(ROOT, 'tests/golden/psych', f))]),
    ['a CSV whose second row is text', parse('id,q1,q2\n,Response,Response\nr1,Agree,Disagree\n')],
    ['a plain CSV with the Respondent ID and Collector ID columns', parse('Respondent ID,Collector ID,Q1\n114523009132,452977104,Agree\n114523011688,452977104,Disagree\n')],
    ['the clean CSV of the export', records(join(DIR, 'clean.csv'))],
  ];
  for (const [name, all] of ordinary) {
    it(name, () => expect(surveyMonkeyLayout(head(all), place())).toBeNull());
  }
});

describe('--input-format surveymonkey on a file that is not one', () => {
  const thrown = (all: string[][]): SurveyError => {
    try {
      surveyMonkeyLayout(all, { file: 'data.csv', firstLine: 1, forced: true });
    } catch (error) {
      return error as SurveyError;
    }
    throw new Error('no error');
  };

  it('says the metadata columns are missing', () => {
    const error = thrown(records(join(ROOT, 'fixtures/protect-survey.csv')).slice(0, LOOKAHEAD_RECORDS));
    expect(error).toBeInstanceOf(SurveyError);
    expect(error.exitCode).toBe(1);
    expect(error.place).toEqual({ file: 'data.csv', line: 1 });
    expect(error.message).toBe('not a SurveyMonkey export: row 1 has no "Respondent ID" and "Collector ID" columns (it begins with "id,discipline,site")');
  });

  it('says which cell of row 2 should be blank', () => {
    const error = thrown(parse('Respondent ID,Collector ID,Q1\n114523009132,452977104,Agree\n'));
    expect(error.place).toEqual({ file: 'data.csv', line: 2 });
    expect(error.message).toBe('not a SurveyMonkey export: row 2 is not SurveyMonkey\'s second header row: "114523009132" stands under "Respondent ID", which is blank there');
  });
});

// ---------------------------------------------------------------- end to end, through the CLI

const wired = readFileSync(join(ROOT, 'src/read/layout/detect-layout.ts'), 'utf8').includes('surveyMonkeyLayout');

describe.skipIf(!wired)('the CLI reads the SurveyMonkey export as its clean CSV', () => {
  for (const run of manifest.runs) {
    it(`${manifest.export} with ${run.codebook}`, () => {
      const fromExport = jsonReport(['-c', join(DIR, run.codebook), join(DIR, manifest.export)]);
      const fromClean = jsonReport(['-c', join(DIR, run.cleanCodebook), join(DIR, run.clean)]);
      expect(fromExport.input).toMatchObject({ layout: manifest.layout, headerRows: manifest.headerRows, rowsRead: manifest.rowsRead, rows: run.rows });
      expect(fromExport.input.excluded.filter((e) => e.rows > 0).map((e) => ({ label: e.label, kind: e.kind, column: e.column, rows: e.rows }))).toEqual(run.excluded);
      expect(fromClean.input.rows).toBe(run.rows);
      expect(figures(fromExport.scales)).toEqual(figures(fromClean.scales));
      expect(figures(fromExport.prevalence)).toEqual(figures(fromClean.prevalence));
      expect(fromExport.scales.map((s) => s.id)).toEqual(['pk', 'conf']);
    });
  }

  it('--input-format surveymonkey on an ordinary CSV fails with the reason (exit 1)', () => {
    const result = runCli(['--input-format', 'surveymonkey', '-f', 'json', join(ROOT, 'fixtures/protect-survey.csv')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/protect-survey\.csv:1: .*not a SurveyMonkey export/);
  });
});
