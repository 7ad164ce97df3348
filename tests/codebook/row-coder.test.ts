import { describe, expect, it } from 'vitest';
import { plainHeader } from '../../src/read/table-header.js';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import { RowCoder, type InvalidTally } from '../../src/codebook/row-coder.js';
import { scaleScore } from '../../src/codebook/scale-score.js';
import { SurveyError } from '../../src/errors.js';

const CODEBOOK = `
missing: ["", "NA", "-99"]
id: rid
responseSets:
  agree5: {"Strongly disagree": 1, "Disagree": 2, "Neither agree nor disagree": 3, "Agree": 4, "Strongly agree": 5}
scales:
  - {id: pk, items: [pk1, pk2, pk3, pk4], responses: agree5, reverse: [pk4], score: mean, minAnswered: 3}
  - {id: ak, items: [ak1, ak2, ak3], key: {ak1: "True", ak2: "False", ak3: 1}, score: sum, minAnswered: 2}
prevalence:
  - {id: contact, column: contact, positive: ["Yes"]}
  - {id: lacks, column: pk1, positive: [1, 2, 3]}
  - {id: unaware, column: ak1, positive: ["False", "Don't know"]}
groups: [role]
`;
const HEADER = ['rid', 'role', 'contact', 'pk1', 'pk2', 'pk3', 'pk4', 'ak1', 'ak2', 'ak3'];

function coder(lenient = false, tally = new Map<string, InvalidTally>()) {
  const { codebook } = parseCodebook(CODEBOOK, 'cb.yaml');
  const c = new RowCoder(codebook!, { groups: codebook!.groups, cluster: null, lenient }, tally);
  c.bind(plainHeader(HEADER, 'data.csv'));
  return c;
}

describe('RowCoder', () => {
  it('codes labels, numbers, keys and reverse keying, and scores the scales', () => {
    const c = coder();
    const row = [' R1 ', 'Nurse', 'yes', ' strongly AGREE', '2', 'Neither agree nor disagree', 'Agree', 'True', "Don't know", '1.0'];
    c.code(row, 2);
    // pk4 "Agree" = 4 reversed: 1 + 5 - 4 = 2
    expect([...c.values[0]]).toEqual([5, 2, 3, 2]);
    // ak1 True = key → 1; ak2 "Don't know" ≠ False → 0; ak3 "1.0" equals key 1 → 1
    expect([...c.values[1]]).toEqual([1, 0, 1]);
    // pk mean (5 + 2 + 3 + 2) / 4 = 3; ak sum 1 + 0 + 1 = 2
    expect([...c.scores]).toEqual([3, 2]);
    // contact "yes" matches "Yes" case-insensitively; pk1 code 5 is not in [1,2,3]; ak1 "True" is not False/Don't know
    expect([...c.outcomes]).toEqual([1, 0, 0]);
    expect(c.groups).toEqual(['Nurse']);
    expect(c.idOf(row)).toBe('R1');
  });

  it('a keyed scale with a response set: a label and its code are the same answer, whichever the key names', () => {
    const { codebook } = parseCodebook(
      'scales:\n  - {id: k, items: [a, b], responses: {True: 1, False: 2, "Don\'t know": 3}, key: {a: "True", b: 2}, score: sum}\n',
      'cb.yaml',
    );
    const c = new RowCoder(codebook!, { groups: [], cluster: null, lenient: false }, new Map());
    c.bind(plainHeader(['a', 'b'], 'data.csv'));
    // a's key "True" is code 1; b's key 2 is "False".
    c.code(['True', 'False'], 2);
    expect([...c.values[0]]).toEqual([1, 1]);
    c.code(['1', '2'], 3);
    expect([...c.values[0]]).toEqual([1, 1]);
    c.code(['2', 'True'], 4);
    expect([...c.values[0]]).toEqual([0, 0]);
    c.code(["Don't know", '3'], 5);
    expect([...c.values[0]]).toEqual([0, 0]);
  });

  it('missing values give NaN, prorated sums and scores only with minAnswered items', () => {
    const c = coder();
    c.code(['R2', 'NA', '', 'Disagree', '-99', 'NA', 'Strongly disagree', 'False', '', 'True'], 3);
    expect(c.values[0][1]).toBeNaN();
    expect(c.values[0][2]).toBeNaN();
    // pk: only 2 answered (2 and reversed 1 → 5) < minAnswered 3 → no score
    expect(c.scores[0]).toBeNaN();
    // ak: answered ak1 (False ≠ True → 0) and ak3 (True ≠ 1 → 0): mean 0 × 3 = 0
    expect(c.scores[1]).toBe(0);
    // contact "" missing → -1; pk1 Disagree = 2 → positive; ak1 False → positive
    expect([...c.outcomes]).toEqual([-1, 1, 1]);
    expect(c.groups).toEqual([null]);
  });

  it('a typographic apostrophe matches the plain one (Don’t know = Don\'t know)', () => {
    const c = coder();
    c.code(['R6', 'Nurse', 'No', 'Agree', 'Agree', 'Agree', 'Agree', 'Don\u2019t know', 'True', 'True'], 7);
    // ak1 "Don’t know" ≠ True → 0, and it is a positive answer of "unaware" (False, Don't know)
    expect(c.values[1][0]).toBe(0);
    expect(c.outcomes[2]).toBe(1);
  });

  it('a prorated sum is the mean of the answered items times k', () => {
    expect(scaleScore([1, Number.NaN, 0], 'sum', 2)).toBe(1.5); // (1 + 0) / 2 × 3
    expect(scaleScore([4, 2, Number.NaN, 3], 'mean', 3)).toBe(3);
    expect(scaleScore([Number.NaN, Number.NaN], 'mean', 1)).toBeNaN();
  });

  it('an out-of-range number or unknown label is an error naming file, line and column', () => {
    const c = coder();
    const row = ['R3', 'Nurse', 'No', '7', 'Agree', 'Agree', 'Agree', 'True', 'True', 'True'];
    let error: SurveyError | null = null;
    try {
      c.code(row, 14);
    } catch (e) {
      error = e as SurveyError;
    }
    expect(error?.place).toEqual({ file: 'data.csv', line: 14, unit: 'line', column: 'pk1' });
    expect(error?.message).toBe('"7" is not an answer of scale "pk"; expected "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree" or a number in [1, 5]');
    expect(error?.exitCode).toBe(1);
    expect(() => c.code(['R3', 'Nurse', 'No', 'Agre', 'Agree', 'Agree', 'Agree', 'True', 'True', 'True'], 15)).toThrow(/"Agre" is not an answer/);
  });

  it('with --lenient an invalid value becomes missing and is counted', () => {
    const tally = new Map<string, InvalidTally>();
    const c = coder(true, tally);
    c.code(['R4', 'Nurse', 'No', '7', 'Agree', 'Agree', 'Agree', 'True', 'True', 'True'], 5);
    c.code(['R5', 'Nurse', 'No', 'Agre', 'Agree', 'Agree', 'Agree', 'True', 'True', 'True'], 6);
    expect(c.values[0][0]).toBeNaN();
    expect(c.outcomes[1]).toBe(-1);
    expect(tally.get('pk1')).toEqual({ column: 'pk1', count: 2, first: { value: '7', file: 'data.csv', line: 5 } });
  });

  it('binding names every column the file lacks', () => {
    const { codebook } = parseCodebook(CODEBOOK, 'cb.yaml');
    const c = new RowCoder(codebook!, { groups: ['role'], cluster: 'site', lenient: false }, new Map());
    expect(() => c.bind(plainHeader(['rid', 'role', 'contact', 'pk1', 'pk2', 'pk3', 'pk4', 'ak1', 'ak3'], 'data.csv'))).toThrow(
      '2 columns are not in the file: "ak2" (codebook scales[1].items[1]), "site" (--cluster)',
    );
  });
});
