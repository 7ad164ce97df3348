import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ColumnProfiler } from '../../src/codebook/draft/column-profile.js';
import { draftCodebook } from '../../src/codebook/draft/draft-codebook.js';
import { draftYaml } from '../../src/codebook/draft/draft-yaml.js';
import { suggestReverseKeys } from '../../src/codebook/draft/reverse-key-suggestion.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';
import { emptyMeta, plainHeader, type ColumnMeta, type TableHeader } from '../../src/read/table-header.js';

function draft(header: TableHeader, rows: string[][]) {
  const profiler = new ColumnProfiler(header.columns, header.meta.map((m) => m.userMissing));
  for (const row of rows) profiler.add(row);
  const result = draftCodebook(header, profiler.profiles, 'Draft');
  const { codebook, problems } = validateCodebook(result.codebook, 'Draft');
  expect(problems).toEqual([]);
  return { ...result, resolved: codebook!, raw: result.codebook as Record<string, any> };
}

const labelled = (label: string | null, pairs: [string, string][], userMissing: string[] = []): ColumnMeta =>
  ({ ...emptyMeta(), label, valueLabels: new Map(pairs), userMissing });

describe('draftCodebook from a Qualtrics export (labels = question wording)', () => {
  const columns = ['StartDate', 'Status', 'Finished', 'ResponseId', 'Q1_1', 'Q1_2', 'Q1_3', 'Q2', 'Q3', 'Q4'];
  const header: TableHeader = {
    ...plainHeader(columns, 'q.csv'),
    layout: 'qualtrics',
    headerRows: 3,
    idColumn: 'ResponseId',
    metadataColumns: ['StartDate', 'Status', 'Finished'],
    meta: columns.map((c) => ({ ...emptyMeta(), label: c.startsWith('Q1_') ? `How much do you agree? - Statement ${c.slice(3)}` : `${c} text` })),
  };
  const rows = [
    ['2024-01-01', '0', '1', 'R_1', 'Somewhat agree', 'Agree', 'Strongly disagree', 'Agree', 'Yes', 'Nurse'],
    ['2024-01-02', '0', '1', 'R_2', 'Disagree', 'Somewhat disagree', 'Agree', 'Disagree', 'No', 'Doctor'],
    ['2024-01-03', '0', '1', 'R_3', 'Strongly agree', 'Agree', 'Disagree', 'Agree', 'No', 'Nurse'],
    ['2024-01-04', '0', '1', 'R_4', 'Neither agree nor disagree', 'Disagree', 'Somewhat agree', 'Agree', 'Yes', 'Doctor'],
  ];
  const result = draft(header, rows);

  it('takes ResponseId as the id and leaves metadata out of scales, groups and prevalence', () => {
    expect(result.raw.id).toBe('ResponseId');
    const used = JSON.stringify([result.raw.scales, result.raw.groups, result.raw.prevalence]);
    for (const meta of ['StartDate', 'Status', 'Finished', 'ResponseId']) expect(used).not.toContain(`"${meta}"`);
    expect(result.notes.join('\n')).toContain('platform metadata');
  });

  it('groups Q1_1..Q1_3 into one 7-point agreement scale, labelled by the question, items by their statements', () => {
    expect(result.raw.scales).toEqual([{
      id: 'Q1', label: 'How much do you agree?', items: ['Q1_1', 'Q1_2', 'Q1_3'],
      itemLabels: { Q1_1: 'Statement 1', Q1_2: 'Statement 2', Q1_3: 'Statement 3' },
      responses: 'agree7', score: 'mean',
    }]);
    expect(Object.keys(result.raw.responseSets)).toEqual(['agree7']);
  });

  it('a one-item agreement question is no scale, with a note; Yes/No is prevalence; short text a group', () => {
    expect(result.notes.some((n) => n.includes('one item') && n.includes('Q2'))).toBe(true);
    expect(result.raw.prevalence).toEqual([{ id: 'Q3', label: 'Q3 text', column: 'Q3', positive: ['Yes'] }]);
    expect(result.raw.groups).toEqual(['Q4']);
  });

  it('suggests the item that runs against the others, as a comment, and reverses nothing', () => {
    const reverse = suggestReverseKeys(result.resolved, columns, rows);
    expect(reverse.get('Q1')!.reverse).toEqual(['Q1_3']);
    const yaml = draftYaml(result.codebook, { notes: result.notes, scaleNotes: result.scaleNotes, reverse, sampled: null });
    expect(yaml).toContain('# reverse: [Q1_3]   # suggested: loads negatively on the first principal component (psych check.keys)');
    expect(yaml.startsWith('# Draft codebook written by `survey-analyze codebook init`.')).toBe(true);
    expect(parse(yaml)).toEqual(result.codebook);
    expect(parse(yaml).scales[0].reverse).toBeUndefined();
  });
});

describe('draftCodebook from value labels (.sav, .dta)', () => {
  const agree: [string, string][] = [['1', 'Strongly disagree'], ['2', 'Disagree'], ['3', 'Neither agree nor disagree'], ['4', 'Agree'], ['5', 'Strongly agree'], ['9', 'Refused']];
  const columns = ['id', 'pk1', 'pk2', 'pk3', 'tf1', 'tf2', 'sex', 'seen', 'lonely'];
  const header: TableHeader = {
    ...plainHeader(columns, 'survey.sav'),
    format: 'sav',
    layout: 'spss',
    headerRows: 0,
    meta: [
      emptyMeta(),
      labelled('I know what to ask', agree, ['9']),
      labelled('I know where to refer', agree, ['9']),
      labelled('I feel unsure', agree, ['9']),
      labelled('Trafficking is a crime', [['1', 'True'], ['2', 'False'], ['3', "Don't know"]]),
      labelled('Victims are always foreign', [['1', 'True'], ['2', 'False'], ['3', "Don't know"]]),
      labelled('Sex', [['1', 'Male'], ['2', 'Female']]),
      labelled('Ever seen a case', [['0', 'No'], ['1', 'Yes']]),
      labelled('Lonely', agree.slice(0, 5)),
    ],
  };
  const rows = [
    ['1', '4', '5', '', '1', '2', '1', '1', '2'],
    ['2', '2', '1', '5', '2', '1', '2', '0', '3'],
    ['3', '5', '4', '1', '3', '2', '1', '0', '4'],
    ['4', '1', '2', '4', '1', '3', '2', '1', '1'],
  ];
  const result = draft(header, rows);

  it('items with the same value labels share one response set, named from its labels, range from the codes', () => {
    expect(result.raw.responseSets.agree5).toEqual({ 'Strongly disagree': 1, Disagree: 2, 'Neither agree nor disagree': 3, Agree: 4, 'Strongly agree': 5 });
    expect(result.raw.scales[0]).toEqual({
      id: 'pk', label: 'pk', items: ['pk1', 'pk2', 'pk3'],
      itemLabels: { pk1: 'I know what to ask', pk2: 'I know where to refer', pk3: 'I feel unsure' },
      responses: 'agree5', range: [1, 5], score: 'mean',
    });
  });

  it('user-missing codes become `missing` as text', () => {
    expect(result.raw.missing).toEqual(['', 'NA', '9']);
  });

  it('a True/False set is a knowledge scale whose key must be checked', () => {
    const knowledge = result.raw.scales[1];
    expect(knowledge).toMatchObject({ id: 'tf_knowledge', items: ['tf1', 'tf2'], key: { tf1: 'True', tf2: 'True' }, score: 'sum' });
    expect(result.scaleNotes.tf_knowledge.join(' ')).toMatch(/key/);
  });

  it('a labelled nominal variable is a group, Yes/No a prevalence entry on the code of Yes, a one-item agreement question is left out', () => {
    expect(result.raw.groups).toEqual(['sex']);
    expect(result.raw.prevalence).toEqual([{ id: 'seen', label: 'Ever seen a case', column: 'seen', positive: [1] }]);
    expect(result.notes.some((n) => n.includes('one item') && n.includes('lonely'))).toBe(true);
    expect(result.raw.scales).toHaveLength(2);
  });

  it('a user-missing code that is an answer of a drafted scale is not put under missing', () => {
    const clash: TableHeader = { ...header, meta: header.meta.map((m, c) => (columns[c] === 'sex' ? { ...m, userMissing: ['3'] } : m)) };
    const again = draft(clash, rows);
    expect(again.raw.missing).toEqual(['', 'NA', '9']);
    expect(again.notes.join(' ')).toContain('not put under `missing`: 3');
  });
});

describe('draftCodebook from plain CSVs', () => {
  it('Google Forms grids group by "Question [row]"; numbered items without labels by name stem with their observed range', () => {
    const columns = ['Timestamp', 'How often do you [Read]', 'How often do you [Write]', 'c1', 'c2', 'c3', 'row'];
    const rows = [
      ['t', 'Never', 'Often', '1', '2', '3', '1'],
      ['t', 'Always', 'Sometimes', '4', '4', '2', '2'],
      ['t', 'Rarely', 'Rarely', '2', '5', '1', '3'],
    ];
    const header: TableHeader = { ...plainHeader(columns, 'g.csv'), layout: 'google-forms', metadataColumns: ['Timestamp'], meta: columns.map((c) => ({ ...emptyMeta(), label: c })) };
    const result = draft(header, rows);
    expect(result.raw.id).toBe('row');
    expect(result.raw.scales.map((s: any) => [s.id, s.items, s.responses ?? s.range])).toEqual([
      ['how_often_do_you', ['How often do you [Read]', 'How often do you [Write]'], 'frequency5'],
      ['c', ['c1', 'c2', 'c3'], [1, 5]],
    ]);
    expect(result.raw.scales[0].label).toBe('How often do you');
    expect(result.raw.scales[0].itemLabels).toEqual({ 'How often do you [Read]': 'Read', 'How often do you [Write]': 'Write' });
  });

  it('agreement items of one stem whose answers no single set holds are split by set', () => {
    const columns = ['s1', 's2', 's3', 's4'];
    const rows = [
      ['Very satisfied', 'Satisfied', 'Somewhat satisfied', 'Extremely satisfied'],
      ['Dissatisfied', 'Very dissatisfied', 'Somewhat dissatisfied', 'Somewhat satisfied'],
    ];
    const result = draft(plainHeader(columns, 's.csv'), rows);
    expect(result.raw.scales.map((s: any) => [s.id, s.items, s.responses])).toEqual([
      ['s', ['s1', 's2'], 'satisfaction5'],
      ['s_2', ['s3', 's4'], 'satisfaction5_somewhat'],
    ]);
  });
});
