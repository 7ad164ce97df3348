import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { plainLabel, redcapLabelsLayout, redcapLayout, uniqueNames } from '../../src/read/layout/redcap.js';
import { googleFormsLayout, microsoftFormsLayout } from '../../src/read/layout/forms.js';
import { FIXTURE, ROOT } from '../cli/run-cli.js';
import { detect, ordinaryCsvs, recordsIn } from './layout-input.js';
import { analyse, expectAccounting, expectSameFigures, readManifest } from './same-figures.js';
import { thrown } from './thrown.js';

const DIR = join(ROOT, 'tests/platforms/redcap');
const RAW = join(DIR, 'WardSurvey_DATA_2024-03-15_1022.csv');
const LABELS = join(DIR, 'WardSurvey_DATA_LABELS_2024-03-15_1022.csv');
const LONGITUDINAL = join(DIR, 'WardSurveyLongitudinal_DATA_2024-09-20_1410.csv');
const DICTIONARY = join(DIR, 'WardSurvey_DataDictionary_2024-03-15.csv');

/** The dictionary's field names and labels, read straight from it. */
function dictionaryFields(): { name: string; type: string; label: string; choices: string }[] {
  const rows = Papa.parse<string[]>(readFileSync(DICTIONARY, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
  return rows.map((row) => ({ name: row[0], type: row[3], label: row[4], choices: row[5] }));
}

describe('REDCap raw export detection', () => {
  it('reads the raw export: field names, record_id as id, REDCap metadata columns', () => {
    const records = recordsIn(RAW);
    const found = detect(redcapLayout, records)!;
    expect(found).not.toBeNull();
    expect(found.layout).toBe('redcap');
    expect(found.headerRows).toBe(1);
    expect(found.columns).toEqual(records[0].map((name) => name.replace(/^\uFEFF/, '')));
    expect(found.idColumn).toBe('record_id');
    expect(found.metadataColumns).toEqual(['redcap_survey_identifier', 'staff_survey_timestamp', 'staff_survey_complete']);
    expect(found.rules).toEqual([]);
    expect(found.labels.every((label) => label === null)).toBe(true);
  });

  it('has a column for every dictionary field, checkboxes as field___code', () => {
    const columns = detect(redcapLayout, recordsIn(RAW))!.columns;
    for (const field of dictionaryFields()) {
      if (field.type === 'checkbox') {
        const codes = field.choices.split('|').map((choice) => choice.split(',')[0].trim());
        for (const code of codes) expect(columns).toContain(`${field.name}___${code}`);
      } else expect(columns).toContain(field.name);
    }
  });

  it('reads the longitudinal export, redcap_event_name among the metadata', () => {
    const found = detect(redcapLayout, recordsIn(LONGITUDINAL))!;
    expect(found.layout).toBe('redcap');
    expect(found.metadataColumns).toContain('redcap_event_name');
    expect(found.idColumn).toBe('record_id');
  });

  it('takes the first column as the id when the record id field is not record_id', () => {
    const records = [['study_id', 'age', 'baseline_complete'], ['S-01', '34', '2'], ['S-02', '', '0']];
    const withSystem = [['study_id', 'redcap_event_name', 'age', 'baseline_complete'], ['S-01', 'visit_1_arm_1', '34', '2']];
    expect(detect(redcapLayout, records)).toBeNull();
    expect(detect(redcapLayout, withSystem)!.idColumn).toBe('study_id');
  });

  it('reads repeating instruments: redcap_repeat_instrument and redcap_repeat_instance are metadata', () => {
    const records = [
      ['record_id', 'redcap_repeat_instrument', 'redcap_repeat_instance', 'age', 'medication', 'baseline_complete', 'medications_complete'],
      ['1', '', '', '41', '', '2', ''],
      ['1', 'medications', '1', '', 'Aspirin', '', '2'],
      ['1', 'medications', '2', '', 'Statin', '', '1'],
    ];
    const found = detect(redcapLayout, records)!;
    expect(found.metadataColumns).toEqual(['redcap_repeat_instrument', 'redcap_repeat_instance', 'baseline_complete', 'medications_complete']);
  });

  it('is not the labels layout, and the labels export is not raw', () => {
    expect(detect(redcapLabelsLayout, recordsIn(RAW))).toBeNull();
    expect(detect(redcapLayout, recordsIn(LABELS))).toBeNull();
  });

  it('explains, when forced, why a file is not a raw export, with its line', () => {
    const records = [['id', 'score', 'task_complete'], ['1', '3', '1']];
    const error = thrown(() => detect(redcapLayout, records, true));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/not a REDCap raw export: has a "task_complete" column but nothing else/);
    expect(error.place).toEqual({ file: 'x.csv', line: 1 });
    const plain = thrown(() => detect(redcapLayout, recordsIn(FIXTURE), true));
    expect(plain.message).toMatch(/has no <instrument>_complete column and no redcap_event_name column/);
    const spaced = thrown(() => detect(redcapLayout, [["Record ID", "Age"], ["1", "34"]], true));
    expect(spaced.message).toMatch(/column "Record ID" is not a REDCap field name/);
  });
});

describe('REDCap labels export detection', () => {
  it('reads the labels export: labels as columns and as question wording', () => {
    const records = recordsIn(LABELS);
    const found = detect(redcapLabelsLayout, records)!;
    expect(found.layout).toBe('redcap-labels');
    expect(found.headerRows).toBe(1);
    expect(found.idColumn).toBe('Record ID');
    expect(found.metadataColumns).toEqual(['Survey Identifier', 'Survey Timestamp', 'Complete?']);
    const fields = dictionaryFields();
    // Each dictionary field label (HTML removed) heads its column, in dictionary order.
    const expected = fields.flatMap((field) =>
      field.type === 'checkbox'
        ? field.choices.split('|').map((choice) => `${plainLabel(field.label)} (choice=${choice.slice(choice.indexOf(',') + 1).trim()})`)
        : [plainLabel(field.label)],
    );
    expect(found.columns.filter((name) => !found.metadataColumns.includes(name))).toEqual(expected);
    expect(found.labels[found.columns.indexOf('What is your role?')]).toBe('What is your role?');
  });

  it('makes a repeated header unique: "Complete?", then "Complete? (2)"', () => {
    const records = [
      ['Record ID', 'Age', 'Complete?', 'Survey Timestamp', 'Mood', 'Complete?'],
      ['1', '34', 'Complete', '2024-03-01 10:00:00', 'Good', 'Incomplete'],
    ];
    const found = detect(redcapLabelsLayout, records)!;
    expect(found.columns).toEqual(['Record ID', 'Age', 'Complete?', 'Survey Timestamp', 'Mood', 'Complete? (2)']);
    expect(found.metadataColumns).toEqual(['Complete?', 'Survey Timestamp', 'Complete? (2)']);
    expect(uniqueNames(['a', 'a (2)', 'a'])).toEqual(['a', 'a (2)', 'a (3)']);
  });

  it('strips HTML from the labels, keeping the column name as written', () => {
    const records = [['Record ID', '<b>Age</b> in years', 'Complete?'], ['1', '34', 'Complete']];
    const found = detect(redcapLabelsLayout, records)!;
    expect(found.columns[1]).toBe('<b>Age</b> in years');
    expect(found.labels[1]).toBe('Age in years');
  });

  it('explains, when forced, why a file is not a labels export', () => {
    const error = thrown(() => detect(redcapLabelsLayout, [['Record ID', 'Age'], ['1', '34']], true));
    expect(error.message).toMatch(/not a REDCap labels export: has no "Complete\?" column/);
    const wrong = thrown(() => detect(redcapLabelsLayout, [['Record ID', 'Complete?'], ['1', 'Done']], true));
    expect(wrong.message).toMatch(/does not hold Incomplete, Unverified or Complete/);
  });
});

describe('ordinary CSVs are not REDCap exports', () => {
  const ordinary: [string, string[][]][] = [
    ...ordinaryCsvs(),
    ['a task_complete column', [['id', 'score', 'task_complete'], ['1', '3', '1'], ['2', '4', '0']]],
    ['a _complete column holding text', [['record_id', 'form_complete'], ['1', 'yes']]],
    ['an "Event Name" column', [['Record ID', 'Event Name', 'Score'], ['1', 'Launch', '3']]],
    ['a Complete? column alone', [['Name', 'Complete?'], ['Ann', 'Complete']]],
    ['a lower-case CSV with a checkbox-like name', [['id', 'pain___1', 'pain___2'], ['1', '0', '1']]],
  ];
  for (const [name, records] of ordinary) {
    it(`does not take ${name} for REDCap`, () => {
      expect(detect(redcapLayout, records)).toBeNull();
      expect(detect(redcapLabelsLayout, records)).toBeNull();
    });
  }

  it('does not take the Forms exports for REDCap, nor REDCap for Forms', () => {
    const google = recordsIn(join(ROOT, 'tests/platforms/forms/ward-survey-google.csv'));
    expect(detect(redcapLayout, google)).toBeNull();
    expect(detect(redcapLabelsLayout, google)).toBeNull();
    for (const path of [RAW, LABELS, LONGITUDINAL]) {
      expect(detect(googleFormsLayout, recordsIn(path))).toBeNull();
      expect(detect(microsoftFormsLayout, recordsIn(path))).toBeNull();
    }
  });
});

describe('REDCap exports end to end (the same figures as the clean CSV)', () => {
  for (const name of ['raw', 'labels', 'longitudinal']) {
    it(`${name} export`, () => {
      const manifest = readManifest(`tests/platforms/redcap/${name}.manifest.json`);
      const exported = analyse(join(manifest.dir, manifest.codebook), join(manifest.dir, manifest.export));
      const clean = analyse(join(manifest.dir, manifest.cleanCodebook), join(manifest.dir, manifest.clean));
      expectAccounting(exported, manifest);
      expectSameFigures(exported, clean, manifest.groupValues);
    });
  }
});
