import { describe, expect, it } from 'vitest';
import { parseCodebook, formatProblem } from '../../src/codebook/load-codebook.js';
import { builtinCodebook } from '../../src/codebook/builtin-codebook.js';

function problems(text: string): string[] {
  return parseCodebook(text, 'cb.yaml').problems.map(formatProblem);
}

const VALID = `
title: Ward survey
missing: ["", "NA", -99]
responseSets:
  agree5: {"Strongly disagree": 1, "Disagree": 2, "Neither agree nor disagree": 3, "Agree": 4, "Strongly agree": 5}
scales:
  - id: pk
    label: Perceived knowledge
    items: [pk1, pk2, pk3, pk4]
    responses: agree5
    range: [1, 5]
    reverse: [pk4]
    score: mean
    minAnswered: 0.75
  - id: ak
    label: Actual knowledge
    items: [ak1, ak2, ak3]
    key: {ak1: "True", ak2: "False", ak3: "True"}
    score: sum
prevalence:
  - {id: contact, label: Contact, column: contact, positive: ["Yes"]}
  - {id: lacks, label: Does not know what to ask, column: pk1, positive: [1, 2, 3]}
groups: [role]
`;

describe('codebook validation', () => {
  it('resolves a valid codebook: sets, lower-cased labels, ranges, minAnswered', () => {
    const { codebook, problems } = parseCodebook(VALID, 'cb.yaml');
    expect(problems).toEqual([]);
    const [pk, ak] = codebook!.scales;
    expect(pk.responses['strongly agree']).toBe(5);
    expect(pk.range).toEqual([1, 5]);
    expect(pk.minAnswered).toBe(3); // ceil(0.75 * 4)
    expect(ak.key).toEqual({ ak1: 'true', ak2: 'false', ak3: 'true' });
    expect(ak.range).toEqual([0, 1]);
    expect(ak.minAnswered).toBe(3); // default: all items
    expect(codebook!.missing).toEqual(['', 'NA', '-99']);
    expect(codebook!.prevalence[1]).toMatchObject({ positiveCodes: [1, 2, 3], positiveText: ['1', '2', '3'] });
  });

  it('reads the same codebook written as JSON', () => {
    const json = JSON.stringify({ scales: [{ id: 's', items: ['a', 'b'], range: [1, 4] }] }, null, '\t');
    const { codebook, problems } = parseCodebook(json, 'cb.json');
    expect(problems).toEqual([]);
    expect(codebook!.title).toBe('cb.json');
  });

  it('names the path and line of every problem', () => {
    const text = VALID.replace('reverse: [pk4]', 'reverse: [pk9]').replace('responses: agree5', 'responses: agree7').replace('score: sum', 'score: total');
    expect(problems(text)).toEqual([
      'cb.yaml:10: scales[0].responses: no response set named "agree7"; defined: "agree5"',
      'cb.yaml:12: scales[0].reverse[0]: "pk9" is not an item of scale "pk"',
      'cb.yaml:19: scales[1].score: must be "mean" or "sum", not string "total"',
    ]);
  });

  it('catches keys of unknown items, items without a key, duplicates and bad ranges', () => {
    const text = `
scales:
  - {id: a, items: [x, y], key: {x: "True", z: "False"}}
  - {id: a, items: [p, p], range: [5, 1]}
prevalence:
  - {id: c, column: contact, positive: []}
`;
    expect(problems(text)).toEqual([
      'cb.yaml:3: scales[0].key.z: "z" is not an item of scale "a"',
      'cb.yaml:3: scales[0].key: item "y" of scale "a" has no correct answer in the key',
      'cb.yaml:4: scales[1].items[1]: "p" is listed twice',
      'cb.yaml:4: scales[1].range: must be [min, max] with two numbers, min < max, not [5,1]',
      'cb.yaml:6: prevalence[0].positive: must be a non-empty list of the values that count as positive, not a list',
      'cb.yaml:4: scales[1].id: id "a" is used twice in scales',
    ]);
  });

  it('a key answer that is not in the scale\'s response set (a typo) is a problem', () => {
    const text = `
scales:
  - {id: k, items: [a, b, c], responses: {True: 1, False: 2}, key: {a: "Treu", b: 2, c: "false"}}
`;
    expect(problems(text)).toEqual(['cb.yaml:3: scales[0].key.a: the correct answer "treu" is not an answer of the response set ("true", "false")']);
  });

  it('bounds codes and ranges to ±1e15, where codes are exact and sums of squares cannot overflow', () => {
    const text = `
scales:
  - {id: a, items: [x, y], range: [-1e308, 1e308]}
  - {id: b, items: [p, q], responses: {Low: 1, High: 2e15}}
`;
    expect(problems(text)).toEqual([
      'cb.yaml:3: scales[0].range: must lie between -1e15 and 1e15, not [-1e+308,1e+308]',
      'cb.yaml:4: scales[1].responses.High: the code of "High" must be between -1e15 and 1e15, not 2000000000000000',
    ]);
  });

  it('rejects unknown keys (typos), a response code outside the range, and bad minAnswered', () => {
    const text = `
scale: []
scales:
  - {id: s, items: [a, b], responses: {Low: 1, High: 9}, range: [1, 5], minAnswered: 2.5}
`;
    expect(problems(text)).toEqual([
      'cb.yaml:2: scale: unknown key "scale"; expected one of: title, description, id, missing, responseSets, scales, prevalence, groups, include, exclude',
      'cb.yaml:4: scales[0].responses: the code 9 of "high" is outside range [1, 5]',
      'cb.yaml:4: scales[0].minAnswered: must be a whole number when it is 1 or more, not 2.5',
    ]);
  });

  it('reports syntax errors with their line', () => {
    expect(problems('scales:\n  - id: a\n    items: [a, b\n')[0]).toMatch(/^cb\.yaml:\d+: syntax error: /);
    expect(problems('{"scales": [}')[0]).toMatch(/^cb\.yaml:1: syntax error: /);
    expect(problems('a: 1\na: 2\n')[0]).toMatch(/^cb\.yaml:2: syntax error: .*unique/i);
  });

  it('a codebook that is not a mapping, or has nothing to analyse', () => {
    expect(problems('- 1\n- 2\n')).toEqual(['cb.yaml:1: a codebook must be a mapping (an object) with "scales" and/or "prevalence"']);
    expect(problems('title: x\n')).toEqual(['cb.yaml:1: the codebook has neither "scales" nor "prevalence": there is nothing to analyse']);
  });

  it('the built-in codebook is valid and has the published subscales and prevalences', () => {
    const codebook = builtinCodebook();
    expect(codebook.scales.map((s) => s.id)).toEqual(['perceived_knowledge', 'actual_knowledge', 'confidence']);
    expect(codebook.prevalence.map((p) => p.id)).toEqual([
      'contact', 'lacks_questions_knowledge', 'insufficient_training', 'lacks_confidence_men',
      'lacks_confidence_women', 'lacks_confidence_children', 'unaware_scale', 'unaware_police_risk',
    ]);
    expect(codebook.groups).toEqual(['discipline']);
    expect(codebook.scales[1].key).not.toBeNull();
  });
});
