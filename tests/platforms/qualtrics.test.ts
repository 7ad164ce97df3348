import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../src/errors.js';
import { LOOKAHEAD_RECORDS, type LayoutResult, type RowRule } from '../../src/read/layout/layout.js';
import { qualtricsLayout, qualtricsLegacyLayout } from '../../src/read/layout/qualtrics.js';
import { surveyMonkeyLayout } from '../../src/read/layout/surveymonkey.js';
import { ROOT } from '../cli/run-cli.js';
import { figures, jsonReport, type RunsManifest } from './same-figures.js';

/**
 * The Qualtrics layouts on the exports tests/platforms/make-qualtrics-surveymonkey.mjs writes:
 * the detectors directly (header rows, names, labels, default rules, and that ordinary CSVs are
 * left alone), then the CLI end to end: an export and its clean one-header CSV give the same figures.
 */

const DIR = join(ROOT, 'tests/platforms/qualtrics');
const place = (forced = false) => ({ file: 'export.csv', firstLine: 1, forced });

/** Every record of a CSV or TSV export, as papaparse hands them on (fields untrimmed). */
function records(name: string): string[][] {
  const bytes = readFileSync(join(DIR, name));
  const text = name.endsWith('.tsv') ? new TextDecoder('utf-16le').decode(bytes) : bytes.toString('utf8');
  const parsed = Papa.parse<string[]>(text, { delimiter: name.endsWith('.tsv') ? '\t' : ',', skipEmptyLines: true });
  return parsed.data;
}
const head = (all: string[][]): string[][] => all.slice(0, LOOKAHEAD_RECORDS);

interface Manifest extends RunsManifest {
  idColumn: string;
  keepPreviews: { rows: number };
}
const manifest = (name: string): Manifest => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Manifest;

/** A rule's match as RowRule documents it: trimmed text case-insensitively, or the same number. */
function matches(rule: RowRule, cell: string): boolean {
  const text = cell.trim();
  return rule.values.some((value) => (typeof value === 'number' ? text !== '' && Number(text) === value : text.toLowerCase() === value.toLowerCase()));
}

/** Each data row dropped once, under the first rule that drops it; the ids of the rows kept. */
function applyRules(layout: LayoutResult, all: string[][], rules: RowRule[]): { dropped: Map<string, number>; kept: string[] } {
  const dropped = new Map<string, number>();
  const kept: string[] = [];
  const id = layout.columns.indexOf(layout.idColumn!);
  for (const row of all.slice(layout.headerRows)) {
    const rule = rules.find((r) => matches(r, row[layout.columns.indexOf(r.column)] ?? '') === (r.kind === 'exclude'));
    if (rule) dropped.set(rule.label, (dropped.get(rule.label) ?? 0) + 1);
    else kept.push(row[id]);
  }
  return { dropped, kept };
}
const cleanIds = (name: string): string[] => records(name).slice(1).map((row) => row[0]);

const CURRENT_METADATA = [
  'StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId',
  'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'LocationLatitude', 'LocationLongitude',
  'DistributionChannel', 'UserLanguage',
];
const QUESTIONS = ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4', 'Q2_1', 'Q2_2', 'Q2_3', 'Q3', 'Q4', 'Q4_4_TEXT', 'Q6', 'Q5'];
const EXPORTS: [string, string][] = [
  ['qualtrics-choice.csv', 'qualtrics-choice.manifest.json'],
  ['qualtrics-numeric.csv', 'qualtrics-numeric.manifest.json'],
  ['qualtrics-choice.tsv', 'qualtrics-choice.tsv.manifest.json'],
  ['qualtrics-legacy.csv', 'qualtrics-legacy.manifest.json'],
];

describe('the current Qualtrics export (three header rows)', () => {
  for (const name of ['qualtrics-choice.csv', 'qualtrics-numeric.csv', 'qualtrics-choice.tsv']) {
    it(`reads ${name}: row-1 names, row-2 wording, ImportId row skipped`, () => {
      const all = records(name);
      const found = qualtricsLayout(head(all), place())!;
      expect(found).not.toBeNull();
      expect(found.layout).toBe('qualtrics');
      expect(found.headerRows).toBe(3);
      expect(found.columns).toEqual([...CURRENT_METADATA, ...QUESTIONS]);
      expect(found.idColumn).toBe('ResponseId');
      expect(found.metadataColumns).toEqual(CURRENT_METADATA);
      const label = (column: string): string | null => found.labels[found.columns.indexOf(column)];
      expect(label('Status')).toBe('Response Type');
      expect(label('Q1_4')).toBe('How much do you agree or disagree with each of the following statements? - I would not know what to do if I suspected a patient was being trafficked');
      expect(label('Q3')).toMatch(/^Have you ever had contact with a patient/);
      expect(label('Progress')).toBeNull(); // the wording is the name itself
      expect(all[3][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/); // the first response follows the header rows
    });
  }

  it('writes the choice-text and the numeric export as Qualtrics does: labels against codes', () => {
    const choice = records('qualtrics-choice.csv');
    const numeric = records('qualtrics-numeric.csv');
    const status = CURRENT_METADATA.indexOf('Status');
    expect(new Set(choice.slice(3).map((r) => r[status]))).toEqual(new Set(['IP Address', 'Survey Preview', 'Survey Test', 'Spam']));
    expect(new Set(numeric.slice(3).map((r) => r[status]))).toEqual(new Set(['0', '1', '2', '8']));
    expect(choice[2][0]).toBe('{"ImportId":"startDate","timeZone":"Europe/London"}');
    expect(choice[2][CURRENT_METADATA.length]).toBe('{"ImportId":"QID1_1"}');
    const bytes = readFileSync(join(DIR, 'qualtrics-choice.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const tsv = readFileSync(join(DIR, 'qualtrics-choice.tsv'));
    expect([...tsv.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(records('qualtrics-choice.tsv')).toEqual(choice.map((row, i) => (i === 0 ? [row[0].replace(/^\uFEFF/, ''), ...row.slice(1)] : row)));
  });

  it('drops previews, test responses and spam by default, by Status text, Status code and DistributionChannel', () => {
    const found = qualtricsLayout(head(records('qualtrics-choice.csv')), place())!;
    expect(found.rules.map((r) => [r.label, r.column, r.kind, r.source])).toEqual([
      ['survey previews (Status)', 'Status', 'exclude', 'platform'],
      ['test responses (Status)', 'Status', 'exclude', 'platform'],
      ['spam (Status)', 'Status', 'exclude', 'platform'],
      ['survey previews (DistributionChannel)', 'DistributionChannel', 'exclude', 'platform'],
      ['test responses (DistributionChannel)', 'DistributionChannel', 'exclude', 'platform'],
    ]);
    const status = (label: string): (string | number)[] => found.rules.find((r) => r.label === label)!.values;
    expect(status('survey previews (Status)')).toEqual(expect.arrayContaining(['Survey Preview', 1, 17]));
    expect(status('test responses (Status)')).toEqual(['Survey Test', 2]);
    expect(status('spam (Status)')).toEqual(expect.arrayContaining(['Spam', 8, 'Preview Spam', 9, 'Imported Spam', 12]));
    // Normal, imported and offline responses are respondents.
    for (const kept of ['IP Address', '0', 'Imported', '4', 'Offline', '16']) expect(found.rules.some((r) => r.column === 'Status' && matches(r, kept))).toBe(false);
  });
});

describe('the legacy Qualtrics export (two header rows, V1…V10)', () => {
  const all = records('qualtrics-legacy.csv');

  it('names V1…V10 by their row-2 names and keeps the question ids', () => {
    const found = qualtricsLegacyLayout(head(all), place())!;
    expect(found.layout).toBe('qualtrics-legacy');
    expect(found.headerRows).toBe(2);
    expect(found.columns.slice(0, 10)).toEqual(['ResponseID', 'ResponseSet', 'Name', 'ExternalDataReference', 'EmailAddress', 'IPAddress', 'Status', 'StartDate', 'EndDate', 'Finished']);
    expect(found.columns.slice(10, 10 + QUESTIONS.length)).toEqual(QUESTIONS);
    expect(found.labels.slice(0, 10)).toEqual(Array(10).fill(null));
    expect(found.labels[10]).toMatch(/^How much do you agree .* - I know what questions to ask/);
    expect(found.idColumn).toBe('ResponseID');
    expect(found.metadataColumns).toEqual(expect.arrayContaining(['ResponseID', 'Status', 'Finished', 'LocationAccuracy']));
    expect(found.rules.map((r) => r.label)).toEqual(['survey previews (Status)', 'test responses (Status)', 'spam (Status)']);
  });

  it('is not taken for the current layout, nor the current for it', () => {
    expect(qualtricsLayout(head(all), place())).toBeNull();
    expect(qualtricsLegacyLayout(head(records('qualtrics-choice.csv')), place())).toBeNull();
  });
});

describe('the rows the rules drop are the manifest\'s, and the rows kept are the clean CSV\'s', () => {
  for (const [name, manifestName] of EXPORTS) {
    const m = manifest(manifestName);
    const all = records(name);
    const detector = m.layout === 'qualtrics' ? qualtricsLayout : qualtricsLegacyLayout;
    const found = detector(head(all), place())!;

    it(`${name}: ${m.rowsRead} rows read, previews/tests/spam dropped`, () => {
      expect(all.length - found.headerRows).toBe(m.rowsRead);
      const { dropped, kept } = applyRules(found, all, found.rules);
      const expected = m.runs[0].excluded.filter((e) => e.rows > 0);
      expect([...dropped].map(([label, rows]) => ({ label, rows }))).toEqual(expected.map((e) => ({ label: e.label, rows: e.rows })));
      expect(kept).toEqual(cleanIds(m.runs[0].clean));
    });

    it(`${name}: the codebook's exclude {Finished: ["False", 0]} drops the unfinished responses`, () => {
      const finished: RowRule = { label: 'Finished', kind: 'exclude', column: 'Finished', values: ['False', 0], source: 'codebook' };
      const { dropped, kept } = applyRules(found, all, [...found.rules, finished]);
      expect(dropped.get('Finished')).toBe(m.runs[1].excluded.find((e) => e.column === 'Finished')!.rows);
      expect(kept).toEqual(cleanIds(m.runs[1].clean));
    });
  }

  it('the exports hold unfinished responses with blank answers, and finished ones with a skipped item', () => {
    const all = records('qualtrics-choice.csv');
    const data = all.slice(3);
    const finished = CURRENT_METADATA.indexOf('Finished');
    const q2 = CURRENT_METADATA.length + 4;
    const unfinished = data.filter((r) => r[finished] === 'False');
    expect(unfinished.length).toBeGreaterThanOrEqual(3);
    expect(unfinished.some((r) => r[q2] === '')).toBe(true);
    expect(data.filter((r) => r[finished] === 'True').some((r) => r.slice(CURRENT_METADATA.length, CURRENT_METADATA.length + 7).includes(''))).toBe(true);
  });
});

describe('detection never fires on an ordinary CSV', () => {
  const parse = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const ordinary: [string, string[][]][] = [
    ['fixtures/protect-survey.csv', parse(readFileSync(join(ROOT, 'fixtures/protect-survey.csv'), 'utf8'))],
    ...readdirSync(join(ROOT, 'tests/golden/psych')).filter((f) => f.endsWith('.csv')).map((f): [string, string[][]] => [f, parse(readFileSync(join(ROOT, 'tests/golden/psych', f), 'utf8'))]),
    ['a CSV whose second row is text', parse('id,q1,q2,note\nRespondent,Question one,Question two,Free text\nr1,Agree,Disagree,hello\nr2,Agree,Agree,\n')],
    ['a CSV whose third row is JSON text', parse('id,payload\nr0,plain\nr1,"{""ImportId"" is a word here}"\n')],
    ['an R data frame with V1…V10 columns', parse(`${Array.from({ length: 12 }, (_, i) => `V${i + 1}`).join(',')}\n${Array.from({ length: 12 }, (_, i) => i).join(',')}\n`)],
    ['a plain CSV with SurveyMonkey-like columns', parse('Respondent ID,Collector ID,score\n1001,77,3\n1002,77,4\n')],
  ];
  for (const [name, all] of ordinary) {
    it(name, () => {
      for (const detector of [qualtricsLayout, qualtricsLegacyLayout, surveyMonkeyLayout]) expect(detector(head(all), place())).toBeNull();
    });
  }
});

describe('--input-format qualtrics on a file that is not one', () => {
  const thrown = (run: () => unknown): SurveyError => {
    try {
      run();
    } catch (error) {
      return error as SurveyError;
    }
    throw new Error('no error');
  };

  it('says where and why, quoting at most ~60 characters', () => {
    const long = `{${'x'.repeat(200)}}`;
    const error = thrown(() => qualtricsLayout([['a', 'b'], ['A', 'B'], [long, 'y']], { file: 'data.csv', firstLine: 1, forced: true }));
    expect(error).toBeInstanceOf(SurveyError);
    expect(error.exitCode).toBe(1);
    expect(error.place).toEqual({ file: 'data.csv', line: 3 });
    expect(error.message).toMatch(/^not a Qualtrics export: row 3 is not Qualtrics' ImportId row/);
    expect(error.message).toContain(`found "{${'x'.repeat(59)}…" where`);
    expect(error.message).not.toContain('x'.repeat(60));
  });

  it('explains a file too short to hold the header rows', () => {
    const error = thrown(() => qualtricsLayout([['StartDate', 'Q1']], { file: 'data.csv', firstLine: 1, forced: true }));
    expect(error.message).toMatch(/has 1 row; a Qualtrics export has three header rows/);
  });

  it('and for the legacy layout, names the row that does not fit', () => {
    const current = head(records('qualtrics-choice.csv'));
    const error = thrown(() => qualtricsLegacyLayout(current, { file: 'export.csv', firstLine: 1, forced: true }));
    expect(error.place).toEqual({ file: 'export.csv', line: 1 });
    expect(error.message).toMatch(/^not a legacy Qualtrics export: row 1 does not begin with V1…V10 \(it begins with "StartDate,EndDate,Status"\)/);
  });
});

// ---------------------------------------------------------------- end to end, through the CLI

const wired = readFileSync(join(ROOT, 'src/read/layout/detect-layout.ts'), 'utf8').includes('qualtricsLayout');

describe.skipIf(!wired)('the CLI reads each Qualtrics export as its clean CSV', () => {
  for (const [name, manifestName] of EXPORTS) {
    const m = manifest(manifestName);
    for (const run of m.runs) {
      it(`${name} with ${run.codebook}`, () => {
        const exported = jsonReport(['-c', join(DIR, run.codebook), join(DIR, name)]);
        const clean = jsonReport(['-c', join(DIR, run.cleanCodebook), join(DIR, run.clean)]);
        expect(exported.input).toMatchObject({ layout: m.layout, headerRows: m.headerRows, rowsRead: m.rowsRead, rows: run.rows });
        const excluded = exported.input.excluded
          .filter((e) => e.rows > 0)
          .map((e) => ({ label: run.excluded.some((x) => x.label === e.label) ? e.label : null, kind: e.kind, column: e.column, rows: e.rows }));
        const order = (list: { label: string | null; column: string }[]) => [...list].sort((a, b) => `${a.column}|${a.label}`.localeCompare(`${b.column}|${b.label}`));
        expect(order(excluded)).toEqual(order(run.excluded.filter((e) => e.rows > 0)));
        expect(clean.input.rows).toBe(run.rows);
        expect(figures(exported.scales)).toEqual(figures(clean.scales));
        expect(figures(exported.prevalence)).toEqual(figures(clean.prevalence));
        expect(exported.scales.map((s) => s.id)).toEqual(['pk', 'conf']);
      });
    }

    it(`${name} with --keep-previews keeps every row`, () => {
      const kept = jsonReport(['-c', join(DIR, m.runs[0].codebook), '--keep-previews', join(DIR, name)]);
      expect(kept.input.rows).toBe(m.keepPreviews.rows);
      expect(kept.input.excluded.filter((e) => e.rows > 0)).toEqual([]);
    });
  }
});
