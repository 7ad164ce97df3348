import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { OutputSpool } from '../../src/cli/spooled-stdout.js';
import * as stdout from '../../src/cli/std-streams.js';
import type { Report } from '../../src/report/report.js';
import { FIXTURE, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-items-'));
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Cronbach's alpha of the complete rows of a matrix, from its covariance matrix, as R's psych::alpha computes it. */
function alpha(rows: number[][]): number {
  const k = rows[0].length;
  const n = rows.length;
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  let itemVariances = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const cov = rows.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (n - 1);
      total += cov;
      if (i === j) itemVariances += cov;
    }
  }
  return (k / (k - 1)) * (1 - itemVariances / total);
}

describe('items', () => {
  it('writes id, groups and every coded item; the alphas of its columns are the analysis alphas', () => {
    const result = runCli(['items', FIXTURE]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const [header, ...rows] = Papa.parse<string[]>(result.stdout.trim()).data;
    expect(header.slice(0, 4)).toEqual(['id', 'discipline', 'pk1', 'pk2']);
    expect(rows).toHaveLength(782);
    const report = JSON.parse(runCli([FIXTURE, '--format', 'json']).stdout) as Report;
    expect(header).toEqual(['id', 'discipline', ...report.scales.flatMap((s) => s.items.map((i) => i.id))]);
    let at = 2;
    for (const scale of report.scales) {
      const k = scale.items.length;
      const complete = rows.map((r) => r.slice(at, at + k)).filter((r) => r.every((v) => v !== '')).map((r) => r.map(Number));
      at += k;
      expect(complete.length).toBe(scale.n);
      expect(alpha(complete)).toBeCloseTo(scale.alpha!, 10);
    }
  });

  it('a hand-coded example: labels to codes, reverse keying, answer keys, missing answers, include and exclude rules', () => {
    const codebook = write('cb.yaml', [
      'id: rid',
      'missing: ["", "NA"]',
      'responseSets:',
      '  agree: {Disagree: 1, Neutral: 2, Agree: 3}',
      'scales:',
      '  - {id: att, items: [a, b], responses: agree, reverse: [b]}',
      '  - {id: know, items: [t1, t2], key: {t1: "True", t2: "False"}}',
      'groups: [ward]',
      'include: {consent: ["yes"]}',
      'exclude: {test: [1]}',
    ].join('\n'));
    const data = write('d.csv', [
      'rid,ward,consent,test,a,b,t1,t2',
      'x,W1,yes,0,Agree,Agree,True,True',
      'y,,yes,0,Disagree,NA,False,',
      'z,W2,no,0,Agree,Agree,True,False',
      'q,W2,yes,1,Agree,Agree,True,False',
      'w,W2,yes,0,neutral,disagree,Don\'t know,False',
    ].join('\n'));
    const result = runCli(['items', data, '-c', codebook]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // b is reversed: 1 + 3 - x. z lacks consent and q is a test: neither is a respondent analysed.
    expect(result.stdout).toBe(['rid,ward,a,b,t1,t2', 'x,W1,3,1,1,0', 'y,,1,,0,', 'w,W2,2,3,0,1', ''].join('\n'));
  });

  it('an item in two scales is written under each, named scale.item; --by replaces the groups', () => {
    const codebook = write('two.yaml', 'scales:\n  - {id: s1, items: [a, b], range: [1, 5]}\n  - {id: s2, items: [b, c], range: [1, 5], reverse: [b]}\ngroups: [g]\n');
    const data = write('two.csv', 'g,h,a,b,c\nG,H,1,2,3\n');
    expect(runCli(['items', data, '-c', codebook]).stdout).toBe('g,a,s1.b,s2.b,c\nG,1,2,4,3\n');
    expect(runCli(['items', data, '-c', codebook, '--by', 'h']).stdout).toBe('h,a,s1.b,s2.b,c\nH,1,2,4,3\n');
  });

  it('an error in the last row leaves stdout empty (status 1); --lenient writes the row with a warning', () => {
    const codebook = write('strict.yaml', 'scales:\n  - {id: m, items: [a, b], range: [1, 5]}\n');
    const rows = Array.from({ length: 5000 }, (_, i) => `${1 + (i % 5)},${1 + ((i * 3) % 5)}`);
    const data = write('late.csv', ['a,b', ...rows, '3,9'].join('\n'));
    const strict = runCli(['items', data, '-c', codebook]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain(`${data}:5002`);
    const lenient = runCli(['items', data, '-c', codebook, '--lenient']);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout.endsWith('\n3,\n')).toBe(true);
    expect(lenient.stdout.split('\n')).toHaveLength(5003);
    expect(lenient.stderr).toMatch(/^warning: column "b": 1 value out of range or unknown counted as missing \(--lenient\)/);
    expect(runCli(['items', data, '-c', codebook, '--lenient', '--quiet']).stderr).toBe('');
  });

  it('takes the input options of scores (help lists them)', () => {
    const help = runCli(['items', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--codebook', '--input-format', '--keep-previews', '--sheet', '--delimiter', '--encoding', '--lenient', '--by', '--quiet', '--debug']) {
      expect(help.stdout).toContain(option);
    }
    const semicolons = write('semi.csv', 'a;b\n1;2\n');
    const codebook = write('semi.yaml', 'scales:\n  - {id: m, items: [a, b], range: [1, 5]}\n');
    expect(runCli(['items', semicolons, '-c', codebook, '--delimiter', 'semicolon']).stdout).toBe('a,b\n1,2\n');
  });
});

describe('OutputSpool', () => {
  it('holds small output in memory, spools large output to a private temporary file, and removes it', async () => {
    const writes: string[] = [];
    const write = vi.spyOn(stdout, 'writeStdout').mockImplementation(async (text) => {
      writes.push(String(text));
    });
    try {
      const small = new OutputSpool('the test rows', 100);
      small.add('a,b\n');
      small.add('1,2\n');
      expect(small.spooled).toBe(false);
      await small.copyToStdout();
      small.dispose();
      expect(writes.join('')).toBe('a,b\n1,2\n');

      writes.length = 0;
      const large = new OutputSpool('the test rows', 100);
      const lines = Array.from({ length: 500 }, (_, i) => `${i},${i * i}\n`);
      for (const line of lines) large.add(line);
      expect(large.spooled).toBe(true);
      const file = (large as unknown as { file: string }).file;
      expect(existsSync(file)).toBe(true);
      await large.copyToStdout();
      large.dispose();
      expect(writes.join('')).toBe(lines.join(''));
      expect(existsSync(file)).toBe(false);

      writes.length = 0;
      const dropped = new OutputSpool('the test rows', 10);
      dropped.add('x'.repeat(50));
      const droppedFile = (dropped as unknown as { file: string }).file;
      dropped.dispose();
      expect(existsSync(droppedFile)).toBe(false);
      expect(writes).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });
});
