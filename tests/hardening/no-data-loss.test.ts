/**
 * No data lost: inputs are never modified; `--out` writes all or nothing and never over an
 * input; a reader that goes away (`| head`) ends the run quietly; a failure to write the
 * results and an unexpected internal error are short messages with status 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT, runCli, type CliResult } from '../cli/run-cli.js';

const CORPUS = join(ROOT, 'tests/hardening/corpus');
const CB = join(CORPUS, 'codebook.yaml');
const CLI = join(ROOT, 'bin/survey-analyze.js');
const STACK = /^\s+at .+\d+:\d+\)?$/m;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hardening-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** SHA-256 of every file of a directory (not recursive), by name. */
function hashes(directory: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Files left behind by an interrupted atomic write. */
const leftovers = (directory: string): string[] => readdirSync(directory).filter((name) => /\.(tmp|bak)$/.test(name));

/** The built CLI under `node <nodeArgs>`, e.g. with `--import` of a module that breaks something on purpose. */
function runWith(nodeArgs: string[], args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A module for `--import` that makes the 3rd call of `fs[FAIL_CALL]` fail with ENOSPC (a disk that fills up half-way). */
function failingFsModule(): string {
  const path = join(dir, 'fail-third-call.mjs');
  writeFileSync(
    path,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const name = process.env.FAIL_CALL;
const original = fs[name];
let calls = 0;
fs[name] = function (...args) {
  if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, ' + name), { code: 'ENOSPC' });
  return original.apply(this, args);
};
syncBuiltinESMExports();
`,
  );
  return path;
}

/** A survey several times the size of the fixture, so that its output outlasts a pipe's buffer. */
function bigSurvey(): string {
  const path = join(dir, 'big-survey.csv');
  if (!existsSync(path)) {
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const body = lines.slice(1).join('\n');
    writeFileSync(path, `${lines[0]}\n${Array.from({ length: 20 }, () => body).join('\n')}\n`);
  }
  return path;
}

describe('inputs are never modified', () => {
  it('hashes of the corpus and the fixture are the same after every kind of run', () => {
    const before = { corpus: hashes(CORPUS), fixture: hashes(join(ROOT, 'fixtures')) };
    const out = join(dir, 'untouched-out');
    const valid = join(CORPUS, 'valid.csv');
    const runs: string[][] = [
      [FIXTURE, '--format', 'json'],
      [FIXTURE, '--format', 'html', '-o', out],
      [valid, '-c', CB, '--format', 'csv', '-o', out],
      ['scores', valid, '-c', CB],
      ['codebook', 'init', valid],
      ['codebook', 'check', CB],
      [join(CORPUS, 'out-of-range.csv'), '-c', CB, '--lenient'],
      [join(CORPUS, 'ragged-short.csv'), '-c', CB, '-o', out],
      [join(CORPUS, 'valid.csv.gz'), '-c', CB],
      [valid, '-c', CB, '-o', valid],
    ];
    for (const args of runs) expect(runCli(args).status, args.join(' ')).not.toBeNull();
    expect({ corpus: hashes(CORPUS), fixture: hashes(join(ROOT, 'fixtures')) }).toEqual(before);
  });
});

describe('--out writes all or nothing', () => {
  it('a second run that fails on its input leaves the first run\'s files as they were, and no temporary files', () => {
    const out = join(dir, 'out-twice');
    const first = runCli([FIXTURE, '--format', 'csv', '-o', out, '--quiet']);
    expect(first.status).toBe(0);
    const written = hashes(out);
    expect(Object.keys(written)).toContain('report.json');
    const second = runCli([join(CORPUS, 'ragged-short.csv'), '-c', CB, '--format', 'csv', '-o', out, '--quiet']);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/ragged-short\.csv:4: this row has 7 fields/);
    expect(hashes(out)).toEqual(written);
    expect(leftovers(out)).toEqual([]);
  });

  it.each(['writeFileSync', 'renameSync'])('a disk that fills up half-way (%s fails): status 1, a short message, the earlier files intact', (call) => {
    const out = join(dir, `out-full-${call}`);
    expect(runCli([FIXTURE, '--format', 'csv', '-o', out, '--quiet']).status).toBe(0);
    const written = hashes(out);
    // --digits 6 changes every table, so every file would be replaced.
    const result = runWith(['--import', failingFsModule()], [FIXTURE, '--format', 'csv', '--digits', '6', '-o', out, '--quiet'], { FAIL_CALL: call });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`survey-analyze: ${out}: --out: could not write the tables: no space left on device\n`);
    expect(hashes(out)).toEqual(written);
    expect(leftovers(out)).toEqual([]);
  });

  it('a new --out directory is not left behind when the run fails', () => {
    const out = join(dir, 'never', 'made');
    const result = runCli([join(CORPUS, 'ragged-short.csv'), '-c', CB, '-o', out, '--quiet']);
    expect(result.status).toBe(1);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('an --out that cannot be created fails at once, without hanging (mkdir under /proc)', () => {
    const result = runCli([FIXTURE, '-o', '/proc/survey-analyze/out', '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'survey-analyze: /proc/survey-analyze/out: --out: cannot create the directory: a parent directory cannot hold it\n  hint: choose a directory you can write to\n',
    );
    const underFile = runCli([FIXTURE, '-o', join(CORPUS, 'valid.csv', 'out'), '--quiet']);
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toMatch(/--out: cannot create the directory: a parent is a file, not a directory\n/);
  });
});

describe('--out never writes over an input', () => {
  it('an input inside --out with the name of a table is refused before anything is written', () => {
    const out = join(dir, 'input-inside');
    mkdirSync(out);
    const input = join(out, 'report.csv');
    copyFileSync(join(CORPUS, 'valid.csv'), input);
    const before = hashes(out);
    const result = runCli([input, '-c', CB, '--format', 'csv', '-o', out, '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `survey-analyze: ${input}: --out: refusing to overwrite the input file report.csv\n  hint: choose another --out directory\n`,
    );
    expect(hashes(out)).toEqual(before);
  });

  it('also when the input is a link to a file that --out would write', () => {
    const out = join(dir, 'linked');
    mkdirSync(out);
    copyFileSync(join(CORPUS, 'valid.csv'), join(out, 'prevalence.csv'));
    const link = join(dir, 'link-to-prevalence.csv');
    symlinkSync(join(out, 'prevalence.csv'), link);
    const before = hashes(out);
    const result = runCli([link, '-c', CB, '--format', 'csv', '-o', out, '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to overwrite the input file/);
    expect(hashes(out)).toEqual(before);
  });

  it('--out naming an input file is refused before the analysis', () => {
    const input = join(CORPUS, 'valid.csv');
    const result = runCli([input, '-c', CB, '-o', input]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`survey-analyze: ${input}: --out: is one of the input files, not a directory\n  hint: --out names a directory that the tables are written into\n`);
  });
});

describe('a reader that goes away', () => {
  const pipe = (command: string): CliResult => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: ROOT, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('analyze --format csv | head -1: status 0, nothing on stderr', () => {
    const result = pipe('node bin/survey-analyze.js fixtures/protect-survey.csv --format csv | head -1');
    expect(result).toEqual({ status: 0, stdout: 'table,id,item,with,group_column,group_value,statistic,value,method\n', stderr: '' });
    // Output far larger than a pipe's buffer (every respondent a group), so the write really fails.
    const big = pipe('node bin/survey-analyze.js fixtures/protect-survey.csv --by id --format csv --quiet | head -1');
    expect(big).toMatchObject({ status: 0, stderr: '' });
  });

  it('scores | head -1: status 0, nothing on stderr', () => {
    const result = pipe(`node bin/survey-analyze.js scores ${bigSurvey()} | head -1`);
    expect(result).toEqual({ status: 0, stdout: 'id,discipline,perceived_knowledge,actual_knowledge,confidence\n', stderr: '' });
  });

  it.each([
    ['scores', () => ['scores', bigSurvey()]],
    ['analyze --format json', () => [FIXTURE, '--by', 'id', '--format', 'json', '--quiet']],
  ])('%s whose stdout is destroyed after the first chunk: status 0, nothing on stderr', async (_name, args) => {
    const child = spawn(process.execPath, [CLI, ...args()], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('failures that are not the input\'s', () => {
  it.skipIf(!existsSync('/dev/full'))('a full disk on stdout: status 1 and one line, no stack', () => {
    for (const args of [[FIXTURE, '--format', 'json'], ['scores', FIXTURE], ['codebook', 'show']]) {
      const result = spawnSync('bash', ['-c', `node bin/survey-analyze.js ${args.join(' ')} > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toBe('survey-analyze: <stdout>: could not write the results: no space left on device\n');
    }
  });

  it('an internal error is a short message with status 1; --debug shows where', () => {
    const broken = ['--import', 'data:text/javascript,JSON.stringify=()=>{throw new TypeError("cannot serialise")}'];
    const plain = runWith(broken, [FIXTURE, '--format', 'json']);
    expect(plain).toEqual({
      status: 1,
      stdout: '',
      stderr: 'survey-analyze: internal error: cannot serialise\n  run again with --debug to see where it happened\n',
    });
    const debug = runWith(broken, [FIXTURE, '--format', 'json', '--debug']);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^survey-analyze: internal error: cannot serialise\nTypeError: cannot serialise\n\s+at /);
  });

  it('an error thrown outside the awaited chain (a callback) is still short, with status 1', () => {
    // Throws from a timer as soon as the CLI has installed its handlers.
    const stray = [
      '--import',
      'data:text/javascript,process.on("newListener",(e)=>{if(e==="uncaughtException")setImmediate(()=>{throw new Error("stray callback")})})',
    ];
    const plain = runWith(stray, [FIXTURE, '--format', 'json']);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe('survey-analyze: internal error: stray callback\n  run again with --debug to see where it happened\n');
    const debug = runWith(stray, [FIXTURE, '--format', 'json', '--debug']);
    expect(debug.stderr).toMatch(STACK);
  });

  it('a located error shows its stack only with --debug', () => {
    const plain = runCli([join(CORPUS, 'ragged-short.csv'), '-c', CB]);
    expect(plain.stderr).not.toMatch(STACK);
    const debug = runCli([join(CORPUS, 'ragged-short.csv'), '-c', CB, '--debug']);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });
});
