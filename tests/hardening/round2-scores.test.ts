/**
 * Hardening round 2, point 1: `scores` writes nothing to stdout unless every row of every file
 * is coded (a pipeline must never take a truncated table for a whole one), in flat memory: beyond
 * a few MB the output is spooled to a temporary file, which is removed on every way out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputSpool, SPOOL_AFTER } from '../../src/cli/spooled-stdout.js';
import { ROOT, runCli } from '../cli/run-cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'round2-scores-'));
  writeFileSync(join(dir, 'cb.yaml'), 'id: rid\nscales:\n  - id: s\n    items: [a, b, c]\n    range: [1, 5]\n    score: sum\n');
  writeFileSync(join(dir, 'good.csv'), 'rid,a,b,c\nr1,1,2,3\nr2,2,3,4\n');
  writeFileSync(join(dir, 'bad-last.csv'), 'rid,a,b,c\nr3,1,2,3\nr4,2,3,9\n');
  // Enough rows that the scores (an id of 40 characters each) pass SPOOL_AFTER, and then a bad one.
  const rows = Math.ceil(SPOOL_AFTER / 40) + 1000;
  const body: string[] = [];
  for (let r = 0; r < rows; r++) body.push(`respondent-${String(r).padStart(29, '0')},${1 + (r % 5)},${1 + ((r * 7) % 5)},3\n`);
  bigRows = rows;
  writeFileSync(join(dir, 'big.csv'), `rid,a,b,c\n${body.join('')}`);
  writeFileSync(join(dir, 'big-bad-last.csv'), `rid,a,b,c\n${body.join('')}last,1,2,x\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let bigRows = 0;

/** A fresh, empty temporary folder for one run: what the run leaves in it is its spool. */
function freshTmp(): string {
  return mkdtempSync(join(dir, 'tmp-'));
}

describe('scores writes all or nothing', () => {
  it('a bad row in a later file: status 1, the error, and nothing on stdout', () => {
    const result = runCli(['scores', '-c', join(dir, 'cb.yaml'), join(dir, 'good.csv'), join(dir, 'bad-last.csv')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad-last\.csv:3: column "c": 9 is outside the range \[1, 5\]/);
    expect(result.stdout).toBe('');
  });

  it('the same files without the bad one: every row, in order', () => {
    const result = runCli(['scores', '-c', join(dir, 'cb.yaml'), join(dir, 'good.csv')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('rid,s\nr1,6\nr2,9\n');
  });

  it('past the spool size, a bad last row: nothing on stdout and no spool left behind', () => {
    const tmp = freshTmp();
    const result = runCli(['scores', '-c', join(dir, 'cb.yaml'), join(dir, 'big-bad-last.csv')], { env: { TMPDIR: tmp } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`big-bad-last\\.csv:${bigRows + 2}: column "c": "x" is not an answer`));
    expect(result.stdout).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('past the spool size, all rows good: the whole table, byte for byte, and no spool left behind', () => {
    const tmp = freshTmp();
    const result = runCli(['scores', '-c', join(dir, 'cb.yaml'), join(dir, 'big.csv')], { env: { TMPDIR: tmp } });
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(SPOOL_AFTER);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBe(bigRows + 2);
    expect(lines[0]).toBe('rid,s');
    expect(lines[1]).toBe(`respondent-${'0'.repeat(29)},5`);
    const last = bigRows - 1;
    expect(lines[bigRows]).toBe(`respondent-${String(last).padStart(29, '0')},${1 + (last % 5) + 1 + ((last * 7) % 5) + 3}`);
    expect(lines[bigRows + 1]).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a reader that goes away while the spool is copied: status 0, and the spool is removed', async () => {
    const tmp = freshTmp();
    const child = spawn(process.execPath, [`${ROOT}bin/survey-analyze.js`, 'scores', '-c', join(dir, 'cb.yaml'), join(dir, 'big.csv')], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('OutputSpool', () => {
  it('keeps small output in memory, spools past its limit, and removes the spool when disposed', () => {
    const tmp = freshTmp();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const spool = new OutputSpool('the scores', 10);
      spool.add('12345');
      expect(readdirSync(tmp)).toEqual([]);
      spool.add('6789012');
      const [folder] = readdirSync(tmp);
      expect(folder).toMatch(/^survey-analyze-/);
      expect(readdirSync(join(tmp, folder))).toEqual(['output.csv']);
      spool.dispose();
      expect(readdirSync(tmp)).toEqual([]);
      spool.dispose();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
