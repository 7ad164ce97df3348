/**
 * Hardening round 2, point 3: names that are properties of every JavaScript object
 * (`__proto__`, `constructor`, `toString`, ...) are ordinary strings in every role a user's
 * name or value can take: a response label, a cell, a response-set name, an item, a key and its
 * answer, an item label, an id, a group column and its values, a filter column and its values, a
 * missing value, a file's value label. Table-driven: every name × every role.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { completeSettings, type SettingsInput } from '../../src/analysis/settings.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import { RowCoder } from '../../src/codebook/row-coder.js';
import { plainHeader } from '../../src/read/table-header.js';
import type { Report } from '../../src/report/report.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

let dir = '';
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'round2-prototype-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A codebook from its JSON text (JSON.parse keeps "__proto__" an own key, as the YAML parser does). */
function codebookOf(json: string): Codebook {
  const { codebook, problems } = parseCodebook(json, 'cb.json');
  expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  return codebook!;
}

function problemsOf(json: string): string[] {
  return parseCodebook(json, 'cb.json').problems.map((p) => `${p.path}: ${p.message}`);
}

/** Analysed with the library's default settings (src/analysis/settings.ts), 30 bootstrap resamples, then `settings`. */
async function run(codebook: Codebook, csv: string, settings: SettingsInput = {}): Promise<Report> {
  const file = join(dir, `d${count++}.csv`);
  writeFileSync(file, csv);
  return analyze([file], codebook, completeSettings(codebook, { bootstrap: { resamples: 30 }, ...settings }));
}

const j = JSON.stringify;

describe.each(NAMES)('the name %s', (name) => {
  it('as a response label: a label like any other, coded by it (and shown in the frequencies)', async () => {
    const codebook = codebookOf(`{"scales": [{"id": "s", "items": ["a", "b"], "responses": {${j(name)}: 1, "other": 2}}]}`);
    expect(Object.keys(codebook.scales[0].responses).sort()).toEqual([name.toLowerCase(), 'other'].sort());
    const report = await run(codebook, `a,b\n${name},other\nother,${name}\n${name},${name}\nother,other\n`);
    expect(report.scales[0].items[0].mean).toBe(1.5);
    expect(report.scales[0].items[0].frequencies.map((f) => [f.code, f.label, f.count])).toEqual([[1, name, 2], [2, 'other', 2]]);
  });

  it('as a cell that is no answer of a rated item: an error naming it, not a silent missing answer', async () => {
    const codebook = codebookOf('{"scales": [{"id": "s", "items": ["a", "b"], "responses": {"yes": 1, "no": 2}}]}');
    await expect(run(codebook, `a,b\nyes,no\n${name},no\n`)).rejects.toThrow(`"${name}" is not an answer of scale "s"`);
  });

  it('as such a cell under --lenient: missing for the scale and for a prevalence of the same column alike', async () => {
    const codebook = codebookOf('{"scales": [{"id": "s", "items": ["a", "b"], "responses": {"yes": 1, "no": 2}}], ' +
      '"prevalence": [{"id": "p", "column": "a", "positive": ["yes"]}]}');
    const report = await run(codebook, `a,b\nyes,no\n${name},no\nno,no\n`, { lenient: true });
    expect(report.warnings.find((w) => w.code === 'invalid-values')?.count).toBe(1);
    expect(report.scales[0].items[0].n).toBe(2);
    expect(report.prevalence[0]).toMatchObject({ count: 1, n: 2 });
  });

  it('as a cell of a free-text prevalence column: an ordinary answer, positive when listed', async () => {
    const codebook = codebookOf(`{"prevalence": [{"id": "p", "column": "c", "positive": [${j(name)}]}]}`);
    const report = await run(codebook, `c\n${name}\nother\n${name}\n`);
    expect(report.prevalence[0]).toMatchObject({ count: 2, n: 3 });
  });

  it('as a response-set name: found when defined, a problem when not', async () => {
    const codebook = codebookOf(`{"responseSets": {${j(name)}: {"yes": 1, "no": 2}}, "scales": [{"id": "s", "items": ["a", "b"], "responses": ${j(name)}}]}`);
    expect(codebook.scales[0].range).toEqual([1, 2]);
    expect((await run(codebook, 'a,b\nyes,no\nno,no\nyes,yes\n')).scales[0].items[0].mean).toBeCloseTo(4 / 3, 12);
    expect(problemsOf(`{"responseSets": {"agree": {"yes": 1}}, "scales": [{"id": "s", "items": ["a"], "responses": ${j(name)}}]}`))
      .toEqual([`scales[0].responses: no response set named "${name}"; defined: "agree"`]);
  });

  it('as an inline set that defines it: not "listed twice"', () => {
    expect(problemsOf(`{"scales": [{"id": "s", "items": ["a"], "responses": {${j(name)}: 1, "b": 2}}]}`)).toEqual([]);
  });

  it('as a rated item (a column name): scored from its own cells', async () => {
    const codebook = codebookOf(`{"scales": [{"id": "s", "items": [${j(name)}, "b"], "range": [1, 5], "reverse": [${j(name)}]}]}`);
    const report = await run(codebook, `${name},b\n1,2\n2,2\n3,5\n`);
    expect(report.scales[0].items[0]).toMatchObject({ id: name, reversed: true, mean: 4 });
  });

  it('as a keyed item: its key is its own, so correct answers score 1', async () => {
    const codebook = codebookOf(`{"scales": [{"id": "k", "items": [${j(name)}, "b"], "key": {${j(name)}: "yes", "b": "no"}, "score": "sum"}]}`);
    const report = await run(codebook, `${name},b\nyes,no\nyes,yes\nno,no\n`);
    expect(report.scales[0].items[0].mean).toBeCloseTo(2 / 3, 12);
    expect(report.scales[0].items[1].mean).toBeCloseTo(2 / 3, 12);
  });

  it('as a keyed item missing from the key: a problem naming it', () => {
    expect(problemsOf(`{"scales": [{"id": "k", "items": [${j(name)}, "b"], "key": {"b": "no"}}]}`))
      .toEqual([`scales[0].key: item "${name}" of scale "k" has no correct answer in the key`]);
  });

  it('as a correct answer that is not in the response set: a problem', () => {
    expect(problemsOf(`{"scales": [{"id": "k", "items": ["a"], "key": {"a": ${j(name)}}, "responses": {"yes": 1, "no": 0}}]}`))
      .toEqual([`scales[0].key.a: the correct answer "${name.toLowerCase()}" is not an answer of the response set ("yes", "no")`]);
  });

  it('as an item with a wording in itemLabels: the wording is shown', async () => {
    const codebook = codebookOf(`{"scales": [{"id": "s", "items": [${j(name)}, "b"], "range": [1, 5], "itemLabels": {${j(name)}: "How often"}}]}`);
    const report = await run(codebook, `${name},b\n1,2\n2,3\n3,5\n`);
    expect(report.scales[0].items.map((i) => i.label)).toEqual(['How often', null]);
    expect(problemsOf(`{"scales": [{"id": "s", "items": ["a"], "range": [1, 5], "itemLabels": {${j(name)}: "x"}}]}`))
      .toEqual([`scales[0].itemLabels.${name}: "${name}" is not an item of scale "s"`]);
  });

  it('as a scale id and a prevalence id: used, and a second use is a duplicate', async () => {
    const codebook = codebookOf(`{"scales": [{"id": ${j(name)}, "items": ["a", "b"], "range": [1, 5]}], "prevalence": [{"id": ${j(name)}, "column": "a", "positive": [1]}]}`);
    const report = await run(codebook, 'a,b\n1,2\n2,3\n3,5\n');
    expect(report.scales[0].id).toBe(name);
    expect(report.prevalence[0]).toMatchObject({ id: name, count: 1, n: 3 });
    expect(problemsOf(`{"prevalence": [{"id": ${j(name)}, "column": "a", "positive": [1]}, {"id": ${j(name)}, "column": "b", "positive": [1]}]}`))
      .toEqual([`prevalence[1].id: id "${name}" is used twice in prevalence`]);
  });

  it('as a group column and as a group value: its own breakdown', async () => {
    const codebook = codebookOf(`{"prevalence": [{"id": "p", "column": "c", "positive": ["yes"]}], "groups": [${j(name)}]}`);
    const report = await run(codebook, `c,${name}\nyes,${name}\nno,${name}\nyes,other\nyes,${name}\n`);
    const byGroup = report.prevalence.filter((r) => r.group !== null).map((r) => [r.group!.column, r.group!.value, r.count, r.n]);
    expect(byGroup).toEqual(expect.arrayContaining([[name, name, 2, 3], [name, 'other', 1, 1]]));
  });

  it('as a filter column and as a filter value: include and exclude apply', async () => {
    const codebook = codebookOf(`{"prevalence": [{"id": "p", "column": "c", "positive": ["yes"]}], "include": {${j(name)}: ["keep"]}, "exclude": {"c": [${j(name)}]}}`);
    const report = await run(codebook, `c,${name}\nyes,keep\nno,drop\n${name},keep\nno,keep\n`);
    expect(report.input.rows).toBe(2);
    expect(report.prevalence[0]).toMatchObject({ count: 1, n: 2 });
  });

  it('as a missing value: such a cell is no answer', async () => {
    const codebook = codebookOf(`{"missing": ["", ${j(name)}], "scales": [{"id": "s", "items": ["a", "b"], "range": [1, 5], "minAnswered": 1}]}`);
    const report = await run(codebook, `a,b\n1,2\n${name},3\n3,5\n`);
    expect(report.scales[0].items[0].n).toBe(2);
  });

  it('as a value label of the file: the label is coded by the codebook', () => {
    const codebook = codebookOf(`{"scales": [{"id": "s", "items": ["a"], "responses": {${j(name)}: 5, "other": 1}}], "prevalence": [{"id": "p", "column": "a", "positive": [${j(name)}]}]}`);
    const coder = new RowCoder(codebook, { groups: [], cluster: null, lenient: false }, new Map());
    const header = plainHeader(['a'], 'data.sav');
    header.meta[0].valueLabels = new Map([['1', name], ['2', 'other']]);
    coder.bind(header);
    coder.code(['1'], 2);
    expect([coder.values[0][0], coder.outcomes[0]]).toEqual([5, 1]);
    coder.code(['2'], 3);
    expect([coder.values[0][0], coder.outcomes[0]]).toEqual([1, 0]);
  });
});
