import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { FIXTURE, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-commands-'));
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('scores', () => {
  it('writes one row per respondent: id, groups, scale scores; summaries agree with the analysis', () => {
    const result = runCli(['scores', FIXTURE]);
    expect(result.status).toBe(0);
    const rows = Papa.parse<string[]>(result.stdout.trim()).data;
    expect(rows[0]).toEqual(['id', 'discipline', 'perceived_knowledge', 'actual_knowledge', 'confidence']);
    expect(rows).toHaveLength(783);
    const report = JSON.parse(runCli([FIXTURE, '--format', 'json']).stdout) as Report;
    report.scales.forEach((scale, s) => {
      const scores = rows.slice(1).map((r) => r[2 + s]).filter((v) => v !== '').map(Number);
      expect(scores.length).toBe(scale.score.n);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(mean).toBeCloseTo(scale.score.mean!, 10);
    });
  });

  it('a hand-scored example: mean, prorated sum, too few answers', () => {
    const codebook = write('cb.yaml', [
      'id: rid',
      'scales:',
      '  - {id: m, items: [a, b, c], range: [1, 5], reverse: [c], minAnswered: 2}',
      '  - {id: k, items: [t1, t2], key: {t1: "True", t2: "False"}, score: sum, minAnswered: 1}',
      'groups: [g]',
    ].join('\n'));
    const data = write('d.csv', 'rid,g,a,b,c,t1,t2\nx,G1,1,2,5,True,True\ny,,4,,,False,\n');
    const result = runCli(['scores', data, '-c', codebook]);
    expect(result.status).toBe(0);
    // x: a=1, b=2, c=5 reversed → 1: mean 4/3; t1 right (1), t2 wrong (0): sum 1
    // y: only a answered (1 < minAnswered 2): no score; t1 wrong, t2 missing: prorated 0 × 2 = 0
    expect(result.stdout).toBe(`rid,g,m,k\nx,G1,${4 / 3},1\ny,,,0\n`);
  });
});

describe('scores --lenient', () => {
  const codebook = write('lenient.yaml', 'scales:\n  - {id: m, items: [a, b], range: [1, 5], minAnswered: 1}\n');
  const data = write('lenient.csv', 'a,b\n1,2\n9,3\n4,x\n');

  it('counts the values it sets to missing in a warning on stderr, as analyze does', () => {
    const result = runCli(['scores', data, '-c', codebook, '--lenient']);
    expect(result.status).toBe(0);
    // Row 2: a = 9 is out of range (missing), b = 3: the mean of the answered item is 3; row 3 likewise 4.
    expect(result.stdout).toBe('m\n1.5\n3\n4\n');
    expect(result.stderr).toBe(
      `warning: column "a": 1 value out of range or unknown counted as missing (--lenient); the first, "9", at ${data}:3\n` +
        `warning: column "b": 1 value out of range or unknown counted as missing (--lenient); the first, "x", at ${data}:4\n`,
    );
    const analysed = runCli([data, '-c', codebook, '--lenient', '--format', 'json']);
    expect(analysed.stderr.startsWith(result.stderr)).toBe(true);
  });

  it('--quiet leaves stderr empty', () => {
    expect(runCli(['scores', data, '-c', codebook, '--lenient', '--quiet']).stderr).toBe('');
  });
});

describe('codebook commands', () => {
  it('show prints the built-in codebook, which check accepts', () => {
    const shown = runCli(['codebook', 'show']);
    expect(shown.status).toBe(0);
    const codebook = parse(shown.stdout);
    expect(codebook.scales.map((s: { id: string }) => s.id)).toEqual(['perceived_knowledge', 'actual_knowledge', 'confidence']);
    const path = write('builtin.yaml', shown.stdout);
    const checked = runCli(['codebook', 'check', path]);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/ok: .*3 scales \(24 items\), 8 prevalence entries, 1 group column\n$/);
    const asJson = runCli(['codebook', 'show', '--format', 'json']);
    expect(JSON.parse(asJson.stdout)).toEqual(codebook);
  });

  it('check lists every problem with its line and path on stderr, then their count; status 2, stdout empty', () => {
    const path = write('bad.yaml', 'scales:\n  - id: s\n    items: [a]\n    reverse: [z]\n    score: median\n');
    const result = runCli(['codebook', 'check', path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe([
      `${path}:2: scales[0]: scale "s" needs "responses", "range" or "key" to know its valid answers`,
      `${path}:4: scales[0].reverse[0]: "z" is not an item of scale "s"`,
      `${path}:5: scales[0].score: must be "mean" or "sum", not string "median"`,
      `survey-analyze: ${path}: the codebook has 3 problems (listed above)`,
      '',
    ].join('\n'));
  });

  it('check counts in the singular for one: a problem, 1 scale, 1 item, 1 prevalence entry', () => {
    const one = write('one.yaml', 'scales:\n  - {id: s, items: [a], range: [1, 5]}\nprevalence:\n  - {id: p, column: a, positive: [5]}\n');
    const ok = runCli(['codebook', 'check', one]);
    expect(ok.stdout).toMatch(/: ok: .*, 1 scale \(1 item\), 1 prevalence entry, 0 group columns\n$/);
    const bad = runCli(['codebook', 'check', write('one-bad.yaml', 'scales:\n  - {id: s, items: [a], range: [1, 5], score: median}\n')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/the codebook has a problem \(listed above\)\n$/);
  });

  it('init drafts a codebook that check accepts and analyze can use', () => {
    const data = write('survey.csv', [
      'id,ward,q1,q2,q3,k1,k2,seen',
      '1,A,Agree,Strongly agree,Disagree,True,False,Yes',
      '2,B,Disagree,Neither agree nor disagree,Agree,Don\'t know,True,No',
      '3,A,Strongly agree,Agree,Agree,False,False,Yes',
      '4,B,Agree,Disagree,Strongly disagree,True,True,No',
    ].join('\n'));
    const drafted = runCli(['codebook', 'init', data]);
    expect(drafted.status).toBe(0);
    const codebook = parse(drafted.stdout);
    expect(codebook.id).toBe('id');
    expect(codebook.scales[0]).toMatchObject({ id: 'q', items: ['q1', 'q2', 'q3'], responses: 'agree5' });
    expect(codebook.scales[1]).toMatchObject({ items: ['k1', 'k2'], key: { k1: 'True', k2: 'True' } });
    expect(codebook.prevalence).toEqual([{ id: 'seen', label: 'seen', column: 'seen', positive: ['Yes'] }]);
    expect(codebook.groups).toEqual(['ward']);
    const path = write('draft.yaml', drafted.stdout);
    expect(runCli(['codebook', 'check', path]).status).toBe(0);
    expect(runCli([data, '-c', path, '--format', 'json']).status).toBe(0);
  });

  it('init: "Neutral", a stem shared by an agreement and a numeric column, and typographic apostrophes still make a usable draft', () => {
    const data = write('awkward.csv', [
      'q1,q2,q3,t1,t2',
      'Agree,1,2,True,Don\u2019t know',
      'Neutral,3,4,False,True',
      'Disagree,5,1,Don\u2019t know,False',
    ].join('\n'));
    const drafted = runCli(['codebook', 'init', data]);
    expect(drafted.status).toBe(0);
    const codebook = parse(drafted.stdout);
    expect(codebook.scales.map((s: { id: string; items: string[] }) => [s.id, s.items])).toEqual([
      // The lone agreement column q1 is not a scale (a one-item group is listed in a comment).
      ['q', ['q2', 'q3']],
      ['t_knowledge', ['t1', 't2']],
    ]);
    const path = write('awkward.yaml', drafted.stdout);
    expect(runCli(['codebook', 'check', path]).status).toBe(0);
    const analysed = runCli([data, '-c', path, '--format', 'json']);
    expect(analysed.stderr).not.toMatch(/error/);
    expect(analysed.status).toBe(0);
  });

  it('codebook without a subcommand is bad usage (status 2, help on stderr); --help is status 0', () => {
    const bare = runCli(['codebook']);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: survey-analyze codebook');
    expect(runCli(['codebook', '--help']).status).toBe(0);
  });

  it('show takes --debug like every command', () => {
    expect(runCli(['codebook', 'show', '--debug']).status).toBe(0);
  });
});
