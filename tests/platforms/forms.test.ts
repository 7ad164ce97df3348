import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOOKAHEAD_RECORDS } from '../../src/read/layout/layout.js';
import { googleFormsLayout, microsoftFormsLayout } from '../../src/read/layout/forms.js';
import { FIXTURE, ROOT } from '../cli/run-cli.js';
import { detect, ordinaryCsvs, recordsIn } from './layout-input.js';
import { analyse, expectAccounting, expectSameFigures, readManifest } from './same-figures.js';
import { thrown } from './thrown.js';

const DIR = join(ROOT, 'tests/platforms/forms');
const GOOGLE = join(DIR, 'ward-survey-google.csv');
const MICROSOFT = join(DIR, 'ward-survey-microsoft.xlsx');

/** The first rows of the workbook's first sheet, as text (openpyxl: dates as ISO date-times). */
function workbookRecords(path: string): string[][] {
  const script = `
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1], read_only=True).worksheets[0]
rows = []
for row in ws.iter_rows(max_row=${LOOKAHEAD_RECORDS}, values_only=True):
    rows.append(['' if v is None else (v.isoformat(sep=' ') if hasattr(v, 'isoformat') else str(v)) for v in row])
print(json.dumps(rows))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as string[][];
}
const hasOpenpyxl = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('Google Forms detection', () => {
  it('reads the responses CSV: question texts as columns and labels, Timestamp and Email as metadata, no id', () => {
    const records = recordsIn(GOOGLE);
    const found = detect(googleFormsLayout, records)!;
    expect(found.layout).toBe('google-forms');
    expect(found.headerRows).toBe(1);
    expect(found.columns).toEqual(records[0]);
    expect(found.idColumn).toBeNull();
    expect(found.metadataColumns).toEqual(['Timestamp', 'Email Address']);
    expect(found.rules).toEqual([]);
    const grid = found.columns.findIndex((name) => name.endsWith('[I know what questions to ask]'));
    expect(found.labels[grid]).toBe('How far do you agree with each statement? [I know what questions to ask]');
    expect(found.labels[0]).toBeNull();
  });

  it('reads a Sheets download (locale time stamps) when emails, a quiz score or a grid show it is a form', () => {
    const withEmail = [['Timestamp', 'Email address', 'Your team?'], ['3/1/2024 9:05:12', 'a@example.org', 'Blue']];
    const quiz = [['Timestamp', 'Score', 'What is 2+2?'], ['01/03/2024 09:05:12', '1 / 1', 'Four']];
    const grid = [['Timestamp', 'Rate us [Food]', 'Rate us [Service]'], ['2024-03-01 09:05:12', 'Good', 'Poor']];
    expect(detect(googleFormsLayout, withEmail)!.metadataColumns).toEqual(['Timestamp', 'Email address']);
    expect(detect(googleFormsLayout, quiz)!.metadataColumns).toEqual(['Timestamp', 'Score']);
    expect(detect(googleFormsLayout, grid)!.layout).toBe('google-forms');
  });

  it('explains, when forced, why a file is not a Google Forms export, on the offending line', () => {
    const logger = [['Timestamp', 'temperature', 'humidity'], ['2024-03-01 09:00:00', '21.5', '40'], ['yesterday', '21.7', '41']];
    const error = thrown(() => detect(googleFormsLayout, logger, true));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('not a Google Forms export: "Timestamp" holds "yesterday", not a Google Forms time stamp');
    expect(error.place).toEqual({ file: 'x.csv', line: 3 });
    const first = thrown(() => detect(googleFormsLayout, recordsIn(FIXTURE), true));
    expect(first.message).toMatch(/the first column is ".*", not "Timestamp"/);
  });
});

describe('Microsoft Forms detection', () => {
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'How satisfied are you?', 'Which days suit you?'];

  it('reads the leading ID, Start time, Completion time, Email, Name; ID is the id', () => {
    const records = [header, ['1', '3/1/24 9:01:10', '3/1/24 9:05:12', 'anonymous', '', '', 'Very', 'Monday;Tuesday;']];
    const found = detect(microsoftFormsLayout, records)!;
    expect(found.layout).toBe('microsoft-forms');
    expect(found.idColumn).toBe('ID');
    expect(found.metadataColumns).toEqual(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time']);
    expect(found.labels).toEqual([null, null, null, null, null, null, 'How satisfied are you?', 'Which days suit you?']);
  });

  it('takes a quiz export\'s points and feedback columns as metadata', () => {
    const quiz = ['Id', 'Start time', 'Completion time', 'Email', 'Name', 'Total points', 'Quiz feedback', 'Who led Israel out of Egypt?', 'Points - Who led Israel out of Egypt?', 'Feedback - Who led Israel out of Egypt?'];
    const found = detect(microsoftFormsLayout, [quiz, ['1', '7/27/26 19:06:23', '7/27/26 19:17:10', 'anonymous', '', '4', '', 'Moses', '1', '']])!;
    expect(found.metadataColumns).toEqual(['Id', 'Start time', 'Completion time', 'Email', 'Name', 'Total points', 'Quiz feedback', 'Points - Who led Israel out of Egypt?', 'Feedback - Who led Israel out of Egypt?']);
    expect(found.idColumn).toBe('Id');
  });

  it.skipIf(!hasOpenpyxl)('reads the generated workbook (its first sheet, as a spreadsheet reader gives it)', () => {
    const records = workbookRecords(MICROSOFT);
    const found = detect(microsoftFormsLayout, records)!;
    expect(found.layout).toBe('microsoft-forms');
    expect(found.columns.slice(0, 6)).toEqual(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time']);
    // One column per Likert statement, headed by the statement, as in the Google export's grid rows.
    const google = recordsIn(GOOGLE)[0];
    const statements = google.filter((name) => / \[.+\]$/.test(name)).map((name) => /\[(.+)\]$/.exec(name)![1]);
    expect(found.columns.filter((name) => statements.includes(name))).toEqual(statements);
    expect(records[1][1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('explains, when forced, which leading column is not Microsoft Forms\'', () => {
    const error = thrown(() => detect(microsoftFormsLayout, [['ID', 'Start time', 'End time', 'Email', 'Name'], ['1', 'x', 'y', '', '']], true));
    expect(error.message).toBe('not a Microsoft Forms export: column 3 is "End time"; Microsoft Forms begins with ID, Start time, Completion time, Email, Name');
    expect(error.place).toEqual({ file: 'x.csv', line: 1 });
    const id = thrown(() => detect(microsoftFormsLayout, [header, ['1'], ['R_2x'.padEnd(80, 'y')]], true));
    expect(id.message).toMatch(/"ID" holds "R_2xy+…", not a response number/);
    expect(id.place.line).toBe(3);
  });
});

describe('ordinary CSVs are not Forms exports', () => {
  const ordinary: [string, string[][]][] = [
    ...ordinaryCsvs(),
    ['a sensor log with a Timestamp column', [['Timestamp', 'temperature', 'humidity'], ['3/1/2024 9:00:00', '21.5', '40'], ['3/1/2024 9:10:00', '21.7', '41']]],
    ['a Timestamp column with a unit in brackets', [['Timestamp', 'Temperature [C]', 'Pressure [hPa]'], ['2024-03-01 09:00:00', '21.5', '1013']]],
    ['a CSV with an ID column', [['ID', 'Name', 'Score'], ['1', 'Ann', '3']]],
    ['ID, Start time and Completion time without Email and Name', [['ID', 'Start time', 'Completion time', 'Task'], ['1', '9:00', '9:30', 'A']]],
    ['a REDCap raw export', recordsIn(join(ROOT, 'tests/platforms/redcap/WardSurvey_DATA_2024-03-15_1022.csv'))],
  ];
  for (const [name, records] of ordinary) {
    it(`does not take ${name} for Google or Microsoft Forms`, () => {
      expect(detect(googleFormsLayout, records)).toBeNull();
      expect(detect(microsoftFormsLayout, records)).toBeNull();
    });
  }
});

describe('Forms exports end to end (the same figures as the clean CSV)', () => {
  it('Google Forms CSV', () => {
    const manifest = readManifest('tests/platforms/forms/google.manifest.json');
    const exported = analyse(join(manifest.dir, manifest.codebook), join(manifest.dir, manifest.export));
    const clean = analyse(join(manifest.dir, manifest.cleanCodebook), join(manifest.dir, manifest.clean));
    expectAccounting(exported, manifest);
    expectSameFigures(exported, clean);
  });

  it('Microsoft Forms workbook (needs xlsx input)', () => {
    const manifest = readManifest('tests/platforms/forms/microsoft.manifest.json');
    expect(existsSync(join(manifest.dir, manifest.export))).toBe(true);
    const exported = analyse(join(manifest.dir, manifest.codebook), join(manifest.dir, manifest.export));
    const clean = analyse(join(manifest.dir, manifest.cleanCodebook), join(manifest.dir, manifest.clean));
    expectAccounting(exported, manifest);
    expectSameFigures(exported, clean);
  });
});
