/**
 * Hardening round 2, point 10: a codebook problem is reported once, not again as each of its
 * consequences; nesting too deep for the parser is a located problem of its own, not V8's
 * "Maximum call stack size exceeded"; and what the intervals promise is what is true (Jeffreys
 * at 0 of n and n of n does not contain its estimate, as statsmodels computes it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisSettings } from '../../src/analysis/analyze.js';
import { MAX_DEPTH, parseCodebook } from '../../src/codebook/load-codebook.js';
import { runCli } from '../cli/run-cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'round2-codebook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (text: string): string[] => parseCodebook(text, 'cb.yaml').problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);

describe('one problem, not its consequences', () => {
  it('items given as a text: one problem, not one more for every reverse, key, label and minAnswered', () => {
    const yaml = [
      'scales:',
      '  - id: s',
      '    items: "q1, q2, q3"',
      '    range: [1, 5]',
      '    reverse: [q2, q3]',
      '    itemLabels: {q1: "First", q2: "Second"}',
      '    minAnswered: 2',
      '  - id: k',
      '    items: q1',
      '    key: {q1: "True", q2: "False"}',
    ].join('\n');
    expect(problemsOf(yaml)).toEqual([
      '3: scales[0].items: must be a list of column names, not string "q1, q2, q3"',
      '9: scales[1].items: must be a list of column names, not string "q1"',
    ]);
  });

  it('an empty or broken item list: only that problem', () => {
    expect(problemsOf('scales:\n  - id: s\n    items: []\n    range: [1, 5]\n    reverse: [q1]\n')).toEqual(['3: scales[0].items: scale "s" has no items']);
    expect(problemsOf('scales:\n  - id: s\n    items: [q1, 7]\n    range: [1, 5]\n    reverse: [q1, q7]\n')).toEqual([
      '3: scales[0].items[1]: must be a column name, not number 7',
    ]);
  });

  it('with good items, what names an item is still checked, every problem in one run', () => {
    expect(problemsOf('scales:\n  - id: s\n    items: [q1, q2]\n    range: [1, 5]\n    reverse: [q3]\n    itemLabels: {q4: x}\n')).toEqual([
      '5: scales[0].reverse[0]: "q3" is not an item of scale "s"',
      '6: scales[0].itemLabels.q4: "q4" is not an item of scale "s"',
    ]);
  });

  it('items missing from a key are one problem that names them, not one each', () => {
    expect(problemsOf('scales:\n  - id: k\n    items: [a, b, c, d]\n    key: {a: "yes"}\n')).toEqual([
      '4: scales[0].key: items "b", "c", "d" of scale "k" have no correct answer in the key',
    ]);
  });

  it('codes outside the range are one problem with a count', () => {
    expect(problemsOf('scales:\n  - id: s\n    items: [a]\n    responses: {x: 0, y: 7, z: 9}\n    range: [1, 5]\n')).toEqual([
      '4: scales[0].responses: the code 0 of "x" is outside range [1, 5] (and 2 more)',
    ]);
  });
});

describe('nesting too deep', () => {
  it('a thousand-deep flow list (YAML or JSON): one located problem of its own, no stack overflow text', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const text of [`title: deep\n\nscales: ${deep}\n`, `{"title": "deep",\n\n "scales": ${deep}}\n`]) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^3: : lists and mappings are nested too deeply \(a codebook needs at most 4 levels; more than 32 are not read\)$/);
      expect(problems[0]).not.toMatch(/call stack/i);
    }
  });

  it('nesting the parser can read but no codebook needs: the problem at its path', () => {
    const depth = MAX_DEPTH + 3;
    const problems = problemsOf(`scales:\n  - id: s\n    items: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(problems).toEqual([`3: scales[0].items${'[0]'.repeat(MAX_DEPTH - 3)}: lists and mappings are nested too deeply (a codebook needs at most 4 levels; more than 32 are not read)`]);
  });

  it('the CLI: status 2 and the located message, on stderr', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"scales": ${'['.repeat(20_000)}${']'.repeat(20_000)}}\n`);
    const result = runCli(['-c', file, 'fixtures/protect-survey.csv']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`survey-analyze: ${file}:1: lists and mappings are nested too deeply (a codebook needs at most 4 levels; more than 32 are not read)\n`);
    expect(result.stdout).toBe('');
  });
});

describe('what an interval promises', () => {
  it('Jeffreys (as statsmodels) at 0 of n and n of n does not contain its estimate; Wilson does', async () => {
    const file = join(dir, 'edges.csv');
    writeFileSync(file, 'none,all\nno,yes\nno,yes\nno,yes\nno,yes\n');
    const codebook = parseCodebook('prevalence:\n  - {id: none, column: none, positive: ["yes"]}\n  - {id: all, column: all, positive: ["yes"]}\n', 'cb.yaml').codebook!;
    const settings = {
      alphaCi: 'feldt', confLevel: 0.95, missing: 'listwise', correlation: 'pearson', groups: [], cluster: null,
      bootstrap: { resamples: 30, seed: 1 }, lenient: false, keepPreviews: false, read: { delimiter: null, encoding: 'utf-8' },
    };
    const jeffreys = await analyze([file], codebook, { ...settings, ciMethod: 'jeffreys' } as unknown as AnalysisSettings);
    const [none, all] = jeffreys.prevalence;
    expect([none.proportion, all.proportion]).toEqual([0, 1]);
    expect(none.ci.lower).toBeGreaterThan(0);
    expect(none.ci.upper).toBeGreaterThan(0);
    expect(all.ci.upper).toBeLessThan(1);
    expect(all.ci.lower).toBeLessThan(1);
    const wilson = await analyze([file], codebook, { ...settings, ciMethod: 'wilson' } as unknown as AnalysisSettings);
    expect(wilson.prevalence[0].ci.lower).toBe(0);
    expect(wilson.prevalence[1].ci.upper).toBe(1);
  });
});
