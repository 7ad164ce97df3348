import { describe, expect, it } from 'vitest';
import { classifyColumn, isIdName, isMetadataName } from '../../src/codebook/draft/column-kind.js';
import { ColumnProfiler } from '../../src/codebook/draft/column-profile.js';
import { groupItems, slug } from '../../src/codebook/draft/group-items.js';
import { nameStem, questionParts } from '../../src/codebook/draft/item-stem.js';
import { emptyMeta } from '../../src/read/table-header.js';

function profile(values: string[]) {
  const profiler = new ColumnProfiler(['c']);
  for (const v of values) profiler.add([v]);
  return profiler.profiles[0];
}
const plain = { meta: emptyMeta(), isLayoutId: false, isLayoutMetadata: false };

describe('name and question stems', () => {
  it('numbered rows and numbered names', () => {
    expect(['Q1_1', 'Q1_6', 'q3_1', 'Q12_3', 'pk1', 'pk_3', 'item 12', 'Q12b'].map(nameStem)).toEqual(['Q1', 'Q1', 'q3', 'Q12', 'pk', 'pk', 'item', 'Q']);
    expect(nameStem('role')).toBeNull();
    expect(nameStem('12_3')).toBeNull();
  });

  it('"question - statement" and "Question [row]"', () => {
    expect(questionParts('How much do you agree? - I know what to ask')).toEqual({ stem: 'How much do you agree?', row: 'I know what to ask' });
    expect(questionParts('How often do you [Read the news]')).toEqual({ stem: 'How often do you', row: 'Read the news' });
    expect(questionParts('Your age')).toBeNull();
    expect(questionParts(null)).toBeNull();
    expect(slug('How often, in the last month, do you...?')).toBe('how_often_in_the_last');
  });

  it('groups by question stem, keeping two matrices of the same wording apart by their numbering', () => {
    const groups = groupItems([
      { column: 'Q1_1', label: 'Agree? - a', responseKey: 'agree' },
      { column: 'Q1_2', label: 'Agree? - b', responseKey: 'agree' },
      { column: 'Q2_1', label: 'Agree? - c', responseKey: 'agree' },
      { column: 'How often [x]', label: 'How often [x]', responseKey: 'freq' },
      { column: 'How often [y]', label: 'How often [y]', responseKey: 'freq' },
      { column: 'pk1', label: 'I know', responseKey: 'set' },
      { column: 'pk2', label: null, responseKey: 'set' },
      { column: 'pk3', label: null, responseKey: 'other' },
    ]);
    expect(groups.map((g) => [g.stem, g.items])).toEqual([
      ['Q1', ['Q1_1', 'Q1_2']],
      ['Q2', ['Q2_1']],
      ['how_often', ['How often [x]', 'How often [y]']],
      ['pk', ['pk1', 'pk2']],
      ['pk', ['pk3']],
    ]);
    expect(groups[0].itemLabels).toEqual({ Q1_1: 'a', Q1_2: 'b' });
    expect(groups[0].question).toBe('Agree?');
    expect(groups[3].itemLabels).toEqual({ pk1: 'I know' });
  });
});

describe('column kinds', () => {
  it('ids and platform metadata by name, and as the layout says', () => {
    expect(['ResponseId', 'Record ID', 'id', 'participant_id', 'Respondent ID'].every(isIdName)).toBe(true);
    expect(isIdName('paid')).toBe(false);
    expect(['StartDate', 'End Date', 'IPAddress', 'Duration (in seconds)', 'Progress', 'Finished', 'Status', 'survey_complete', 'Timestamp'].every(isMetadataName)).toBe(true);
    expect(isMetadataName('pk1')).toBe(false);
    expect(classifyColumn(profile(['1', '2']), { ...plain, isLayoutMetadata: true }).kind).toBe('metadata');
    expect(classifyColumn(profile(['a', 'b']), { ...plain, isLayoutId: true }).kind).toBe('id');
  });

  it('a numeric column that runs 1, 2, 3, ... is never a rated item', () => {
    expect(classifyColumn(profile(['1', '2', '3', '4', '5']), plain).kind).toBe('other');
    expect(classifyColumn(profile(['1', '3', '2', '5', '4']), plain)).toEqual({ kind: 'numeric', min: 1, max: 5 });
  });

  it('text sets, true/false, yes/no, groups and free text', () => {
    expect(classifyColumn(profile(['Somewhat agree', 'Agree']), plain).kind).toBe('text-set');
    expect(classifyColumn(profile(['True', "Don\u2019t know"]), plain).kind).toBe('true-false');
    expect(classifyColumn(profile(['Yes', 'No', 'Yes']), plain).kind).toBe('yes-no');
    expect(classifyColumn(profile(['A', 'B', 'A', 'B']), plain).kind).toBe('group');
    expect(classifyColumn(profile(['A', 'B', 'A']), plain).kind).toBe('other');
    expect(classifyColumn(profile(['0', '1', '1']), plain).kind).toBe('binary');
    expect(classifyColumn(profile(['I liked it', 'too long']), plain).kind).toBe('other');
  });

  it('value labels: the role from the labels, user-missing codes left out', () => {
    const meta = { ...emptyMeta(), valueLabels: new Map([['1', 'Never'], ['2', 'Sometimes'], ['3', 'Often'], ['9', "Don't know"]]), userMissing: ['9'] };
    const kind = classifyColumn(profile(['1', '3', '2']), { ...plain, meta });
    expect(kind).toEqual({ kind: 'labelled', role: 'ordinal', valueLabels: { codes: ['1', '2', '3'], labels: ['Never', 'Sometimes', 'Often'] } });
    const yesNo = { ...emptyMeta(), valueLabels: new Map([['0', 'No'], ['1', 'Yes']]) };
    expect(classifyColumn(profile(['0', '1']), { ...plain, meta: yesNo })).toMatchObject({ kind: 'labelled', role: 'yes-no' });
    const sex = { ...emptyMeta(), valueLabels: new Map([['1', 'Male'], ['2', 'Female']]) };
    expect(classifyColumn(profile(['1', '2']), { ...plain, meta: sex })).toMatchObject({ kind: 'labelled', role: 'nominal' });
  });
});
