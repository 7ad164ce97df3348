import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkboxColumn, redcapDictionaryCodebook } from '../../src/codebook/draft/redcap-dictionary.js';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import { ROOT } from '../cli/run-cli.js';
import { thrown } from '../platforms/thrown.js';

const DIR = join(ROOT, 'tests/platforms/redcap');
const FILE = 'WardSurvey_DataDictionary_2024-03-15.csv';
const TEXT = readFileSync(join(DIR, FILE), 'utf8');
const rowsOf = (path: string): string[][] => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const RAW_HEADER = rowsOf(join(DIR, 'WardSurvey_DATA_2024-03-15_1022.csv'))[0];
const LABELS_HEADER = rowsOf(join(DIR, 'WardSurvey_DATA_LABELS_2024-03-15_1022.csv'))[0];
const DICTIONARY = rowsOf(join(DIR, FILE));
/** The labels export's header of a raw column: the two exports list the same columns in one order. */
const labelOf = (column: string): string => LABELS_HEADER[RAW_HEADER.indexOf(column)];

type Json = Record<string, any>;

/** The dictionary text with the given 18-column rows after the header. */
function dictionary(rows: string[][]): string {
  return Papa.unparse([DICTIONARY[0], ...rows]);
}
const row = (name: string, type: string, label: string, choices = '', matrix = ''): string[] => {
  const cells = new Array(18).fill('');
  Object.assign(cells, { 0: name, 1: 'form_1', 3: type, 4: label, 5: choices, 15: matrix });
  return cells;
};

describe('codebook from a REDCap data dictionary', () => {
  const book = redcapDictionaryCodebook(TEXT, FILE, null) as Json;

  it('is a valid codebook, as JSON and as YAML', () => {
    for (const text of [JSON.stringify(book, null, 2), stringify(book)]) {
      const { codebook, problems } = parseCodebook(text, 'drafted.yaml');
      expect(problems).toEqual([]);
      expect(codebook).not.toBeNull();
    }
  });

  it('takes the title from the file name and the first field as the id', () => {
    expect(book.title).toBe('WardSurvey');
    expect(book.id).toBe(DICTIONARY[1][0]);
  });

  it('makes one scale per matrix group, its items in dictionary order, with the choices as responses', () => {
    const groups = [...new Set(DICTIONARY.slice(1).map((cells) => cells[15]).filter((name) => name !== ''))];
    expect(book.scales.map((scale: Json) => scale.id)).toEqual(groups);
    for (const scale of book.scales as Json[]) {
      const members = DICTIONARY.slice(1).filter((cells) => cells[15] === scale.id);
      expect(scale.items).toEqual(members.map((cells) => cells[0]));
      const expected = Object.fromEntries(members[0][5].split(' | ').map((choice) => [choice.split(', ')[1], Number(choice.split(', ')[0])]));
      expect(book.responseSets[scale.responses]).toEqual(expected);
      const codes = Object.values(expected);
      expect(scale.range).toEqual([Math.min(...codes), Math.max(...codes)]);
      expect(scale.score).toBe('mean');
      expect(scale.label).toBe(members[0][2]);
      // Each item's label is the wording the labels export heads its column with.
      for (const item of scale.items) expect(scale.itemLabels[item]).toBe(labelOf(item));
    }
  });

  it('makes yes/no, true/false and each checkbox option prevalence entries, labels without HTML', () => {
    const byId = Object.fromEntries((book.prevalence as Json[]).map((entry) => [entry.id, entry]));
    expect(byId.contact).toEqual({ id: 'contact', label: labelOf('contact'), column: 'contact', positive: [1, 'Yes'] });
    expect(byId.contact.label).not.toMatch(/</);
    expect(byId.aware.positive).toEqual([1, 'True']);
    const options = RAW_HEADER.filter((name) => name.startsWith('seen___'));
    expect(options.length).toBe(4);
    for (const column of options) {
      expect(byId[column].column).toBe(column);
      expect(byId[column].positive).toEqual([1, 'Checked']);
      const option = /\(choice=(.*)\)$/.exec(labelOf(column))![1];
      expect(byId[column].label).toBe(`Which of these have you seen in a patient?: ${option}`);
    }
  });

  it('makes a single-choice field outside the matrices a group, and gives yesno/truefalse response sets', () => {
    expect(book.groups).toEqual(['role']);
    expect(book.responseSets.role).toEqual({ Nurse: 1, Doctor: 2, 'Allied health professional': 3 });
    expect(book.responseSets.yesno).toEqual({ Yes: 1, No: 0 });
    expect(book.responseSets.truefalse).toEqual({ True: 1, False: 0 });
  });

  it('leaves out the fields the data does not have', () => {
    const columns = RAW_HEADER.filter((name) => name !== 'conf5' && name !== 'seen___4' && name !== 'role');
    const trimmed = redcapDictionaryCodebook(TEXT, FILE, columns) as Json;
    expect(trimmed.scales[0].items).not.toContain('conf5');
    expect(trimmed.scales[0].items).toHaveLength(4);
    expect(trimmed.prevalence.map((entry: Json) => entry.id)).not.toContain('seen___4');
    expect(trimmed.groups).toBeUndefined();
    expect(parseCodebook(JSON.stringify(trimmed), 'x.json').problems).toEqual([]);
  });

  it('reads the API metadata export (snake_case columns) the same way', () => {
    const api = ['field_name', 'form_name', 'section_header', 'field_type', 'field_label', 'select_choices_or_calculations', 'field_note',
      'text_validation_type_or_show_slider_number', 'text_validation_min', 'text_validation_max', 'identifier', 'branching_logic',
      'required_field', 'custom_alignment', 'question_number', 'matrix_group_name', 'matrix_ranking', 'field_annotation'];
    const text = Papa.unparse([api, ...DICTIONARY.slice(1)]);
    const fromApi = redcapDictionaryCodebook(text, 'metadata.csv', null) as Json;
    expect(fromApi.scales).toEqual(book.scales);
    expect(fromApi.prevalence).toEqual(book.prevalence);
  });

  it('names checkbox columns as REDCap exports them', () => {
    expect(checkboxColumn('race', '1')).toBe('race___1');
    expect(checkboxColumn('race', 'UNK')).toBe('race___unk');
    expect(checkboxColumn('race', '-1')).toBe('race____1');
  });
});

describe('a malformed data dictionary is a located data error', () => {
  it('names a missing column', () => {
    const error = thrown(() => redcapDictionaryCodebook('"Variable / Field Name","Form Name"\nrecord_id,form_1\n', 'd.csv', null));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/not a REDCap data dictionary: it has no "Field Type" column/);
    expect(error.place).toEqual({ file: 'd.csv', line: 1 });
  });

  it('gives the line and column of a bad choice, counting line breaks inside quoted labels', () => {
    const text = dictionary([
      row('record_id', 'text', 'Record ID'),
      row('intro', 'descriptive', 'Welcome.\nPlease answer\nevery question.'),
      row('mood', 'radio', 'Mood', '1, Low | 2 High'),
    ]);
    const error = thrown(() => redcapDictionaryCodebook(text, 'd.csv', null));
    expect(error.message).toBe('field "mood": choice "2 High" is not "code, label"');
    expect(error.place).toEqual({ file: 'd.csv', line: 6, column: 'Choices, Calculations, OR Slider Labels' });
  });

  it('rejects a field defined twice, an unknown field type and a bad field name', () => {
    const twice = thrown(() => redcapDictionaryCodebook(dictionary([row('record_id', 'text', 'ID'), row('q1', 'yesno', 'A'), row('q1', 'yesno', 'B')]), 'd.csv', null));
    expect(twice.message).toBe('field "q1" is defined twice (first on line 3)');
    expect(twice.place).toEqual({ file: 'd.csv', line: 4, column: 'Variable / Field Name' });
    const type = thrown(() => redcapDictionaryCodebook(dictionary([row('record_id', 'text', 'ID'), row('q1', 'likert', 'A')]), 'd.csv', null));
    expect(type.message).toBe('field "q1" has an unknown field type "likert"');
    expect(type.place.column).toBe('Field Type');
    const name = thrown(() => redcapDictionaryCodebook(dictionary([row('Record ID', 'text', 'ID')]), 'd.csv', null));
    expect(name.message).toMatch(/"Record ID" is not a REDCap field name/);
  });

  it('rejects a matrix whose fields have different choices', () => {
    const text = dictionary([
      row('record_id', 'text', 'ID'),
      row('a1', 'radio', 'A1', '1, No | 2, Yes', 'grid'),
      row('a2', 'radio', 'A2', '1, No | 2, Yes | 3, Maybe', 'grid'),
    ]);
    const error = thrown(() => redcapDictionaryCodebook(text, 'd.csv', null));
    expect(error.message).toBe('matrix group "grid": field "a2" has other choices than "a1"');
    expect(error.place.line).toBe(4);
  });

  it('rejects a ragged row and an unclosed quote with their lines', () => {
    const ragged = thrown(() => redcapDictionaryCodebook(`${dictionary([row('record_id', 'text', 'ID')])}\r\nq1,form_1,,yesno\r\n`, 'd.csv', null));
    expect(ragged.message).toBe('the row has 4 fields; the header has 18');
    expect(ragged.place.line).toBe(3);
    const open = thrown(() => redcapDictionaryCodebook(`${dictionary([row('record_id', 'text', 'ID')])}\r\nq1,form_1,,yesno,"Unclosed,,,,,,,,,,,,,\r\n`, 'd.csv', null));
    expect(open.message).toMatch(/cannot be read as CSV/);
    expect(open.place.line).toBe(3);
  });

  it('says so when nothing can be analysed', () => {
    const error = thrown(() => redcapDictionaryCodebook(dictionary([row('record_id', 'text', 'ID'), row('age', 'text', 'Age')]), 'd.csv', null));
    expect(error.message).toMatch(/no matrix of rated fields/);
  });

  it('quotes at most 60 characters of a long value', () => {
    const long = 'x'.repeat(200);
    const error = thrown(() => redcapDictionaryCodebook(dictionary([row('record_id', 'text', 'ID'), row('q1', long, 'A')]), 'd.csv', null));
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).toContain('…');
  });
});
