/**
 * Issue point 6: `--out` killed at any moment leaves the complete old set or the complete new
 * set, the next run cleans up whatever the kill left, and SIGTERM/SIGINT clean up before the
 * process ends. The kills are real, of a child process running the built CLI:
 * - at every step of the switch: a module loaded with `--import` SIGKILLs the process right
 *   before its n-th call that changes the file system near --out, for every n;
 * - at random moments (seeded; fuzz-config.ts): SIGKILL after a random delay;
 * - SIGTERM and SIGINT while the input is still being read.
 * After each kill the directory holds one complete set (or, in the one instant between the
 * two renames, is missing with both complete sets beside it); after the next run's clean-up
 * (`prepareOutDir`, the first thing the CLI does with --out) it holds one complete set and
 * nothing is left beside it or in it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOutDir } from '../../src/cli/out-dir.js';
import { ROOT, runCli } from '../cli/run-cli.js';
import { FUZZ_SEED, fuzzRuns, fuzzTimeout, seeded } from './fuzz-config.js';

const CLI = join(ROOT, 'bin/survey-analyze.js');
const DATA = join(ROOT, 'tests/hardening/corpus/valid.csv');
const CB = join(ROOT, 'tests/hardening/corpus/codebook.yaml');
const args = (out: string, digits: number): string[] => [DATA, '-c', CB, '-f', 'markdown', '--quiet', '--digits', String(digits), '-o', out];

let root = '';
let hook = '';
/** The complete old set (--digits 2) and new set (--digits 4), by file name. */
let oldSet: Record<string, string> = {};
let newSet: Record<string, string> = {};
let template = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hardening-kill-'));
  hook = join(root, 'kill-at.mjs');
  // SIGKILL right before the KILL_AT-th call that changes the file system at or beside KILL_OUT;
  // with KILL_COUNT, the number of such calls is written there at exit.
  writeFileSync(
    hook,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const at = Number(process.env.KILL_AT ?? 0);
const out = process.env.KILL_OUT;
const slash = out.lastIndexOf('/');
const beside = out.slice(0, slash + 1) + '.' + out.slice(slash + 1) + '.';
let calls = 0;
for (const name of ['mkdirSync', 'writeFileSync', 'renameSync', 'linkSync', 'rmSync', 'rmdirSync', 'symlinkSync', 'chmodSync', 'copyFileSync', 'openSync', 'writeSync']) {
  const original = fs[name];
  fs[name] = function (...args) {
    if (typeof args[0] === 'string' && (args[0] === out || args[0].startsWith(out + '/') || args[0].startsWith(beside))) {
      calls++;
      if (calls === at) process.kill(process.pid, 'SIGKILL');
    }
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
if (process.env.KILL_COUNT) process.on('exit', () => fs.writeFileSync(process.env.KILL_COUNT, String(calls)));
`,
  );
  const a = join(root, 'old-set');
  const b = join(root, 'new-set');
  expect(runCli(args(a, 2)).status).toBe(0);
  expect(runCli(args(b, 4)).status).toBe(0);
  oldSet = snapshot(a);
  newSet = snapshot(b);
  expect(oldSet).not.toEqual(newSet);
  expect(Object.keys(newSet).sort()).toEqual(Object.keys(oldSet).sort());
  template = a;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** What a run leaves beside `out` (staging, new and old sets) and in it (temporary files, backups). */
function leftovers(out: string): string[] {
  const beside = readdirSync(dirname(out)).filter((name) => name.startsWith(`.${basename(out)}.`));
  const inside = existsSync(out) ? readdirSync(out).filter((name) => name.startsWith('.')) : [];
  return [...beside, ...inside];
}

/**
 * Right after a kill: `out` holds a complete set (one of `allowed`), or is missing with a
 * complete set beside it; then the next run's clean-up leaves exactly one complete set.
 */
function expectOneCompleteSet(out: string, allowed: Record<string, string>[], what: string): void {
  if (existsSync(out)) {
    expect(allowed, `${what}: the directory right after the kill`).toContainEqual(snapshot(out));
  } else {
    const beside = readdirSync(dirname(out)).filter((name) => /\.sa-(new|old)-/.test(name) && name.startsWith(`.${basename(out)}.`));
    const sets = beside.map((name) => snapshot(join(dirname(out), name)));
    // A directory the run was to create may simply not be there yet.
    if (!(sets.length === 0 && allowed.some((set) => Object.keys(set).length === 0))) expect(sets.some((set) => allowed.some((a) => JSON.stringify(a) === JSON.stringify(set))), `${what}: a complete set beside the missing directory`).toBe(true);
  }
  prepareOutDir(out, [DATA]);
  expect(leftovers(out), `${what}: left behind after the clean-up`).toEqual([]);
  expect(allowed, `${what}: the directory after the clean-up`).toContainEqual(snapshot(out));
}

/** The CLI writing the new set into `out`, killed by `kill` (env of the hook, or a delay in ms). */
function killedRun(out: string, kill: { at: number } | { afterMs: number }, countFile?: string): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  const env = { ...process.env, KILL_OUT: out, KILL_AT: 'at' in kill ? String(kill.at) : '0', ...(countFile ? { KILL_COUNT: countFile } : {}) };
  const child = spawn(process.execPath, ['--import', hook, CLI, ...args(out, 4)], { cwd: ROOT, env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if ('afterMs' in kill) setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stderr })));
}

describe('SIGKILL at every step of writing --out', () => {
  it('over an existing set: the old set or the new one, and the next run cleans up', { timeout: fuzzTimeout(60_000) }, async () => {
    const out = join(root, 'steps', 'out');
    cpSync(template, out, { recursive: true });
    const count = join(root, 'count');
    const full = await killedRun(out, { at: 0 }, count);
    expect(full.status, full.stderr).toBe(0);
    expect(snapshot(out)).toEqual(newSet);
    const steps = Number(readFileSync(count, 'utf8'));
    expect(steps).toBeGreaterThan(Object.keys(newSet).length);
    for (let at = 1; at <= steps; at++) {
      rmSync(out, { recursive: true, force: true });
      cpSync(template, out, { recursive: true });
      const result = await killedRun(out, { at });
      expect(result.signal, `kill before step ${at}`).toBe('SIGKILL');
      expectOneCompleteSet(out, [oldSet, newSet], `kill before step ${at} of ${steps}`);
    }
  });

  it('into a directory the run creates: nothing, an empty directory or the new set', { timeout: fuzzTimeout(60_000) }, async () => {
    const parent = join(root, 'fresh');
    const out = join(parent, 'out');
    const count = join(root, 'count-fresh');
    expect((await killedRun(out, { at: 0 }, count)).status).toBe(0);
    const steps = Number(readFileSync(count, 'utf8'));
    for (let at = 1; at <= steps; at++) {
      rmSync(parent, { recursive: true, force: true });
      const result = await killedRun(out, { at });
      expect(result.signal).toBe('SIGKILL');
      if (!existsSync(out) && !existsSync(parent)) continue;
      expectOneCompleteSet(out, [{}, newSet], `kill before step ${at} of ${steps} (new directory)`);
    }
  });
});

describe('SIGKILL at random moments (seeded)', () => {
  it('the old set or the new one after every kill, and nothing left after the next run', { timeout: fuzzTimeout(60_000) }, async () => {
    const random = seeded(FUZZ_SEED);
    const out = join(root, 'random', 'out');
    // How long a run takes here, to spread the kills over all of it.
    cpSync(template, out, { recursive: true });
    const started = Date.now();
    await killedRun(out, { at: 0 });
    const span = Math.max(50, Date.now() - started);
    for (let run = 0; run < fuzzRuns(12); run++) {
      rmSync(out, { recursive: true, force: true });
      cpSync(template, out, { recursive: true });
      const afterMs = Math.floor(random() * span * 1.2);
      await killedRun(out, { afterMs });
      expectOneCompleteSet(out, [oldSet, newSet], `seed ${FUZZ_SEED}, run ${run}, SIGKILL after ${afterMs} ms`);
    }
  });
});

describe('SIGTERM and SIGINT', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the input is read: the directory the run created is removed, and the process ends by ${signal}`, async () => {
      const out = join(root, `signal-${signal}`, 'nested', 'out');
      const child = spawn(process.execPath, [CLI, '-', '--quiet', '-o', out], { cwd: ROOT });
      // The header, then nothing: the run waits for more input with its --out made.
      child.stdin.write('id,discipline,site,prior_training,contact,pk1\n');
      for (let i = 0; i < 500 && !existsSync(out); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(statSync(out).isDirectory()).toBe(true);
      const ended = new Promise<string | null>((resolve) => child.on('close', (_status, s) => resolve(s)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(existsSync(join(root, `signal-${signal}`))).toBe(false);
    });
  }

  it('a signal while reading leaves an existing set as it was', async () => {
    const out = join(root, 'signal-existing');
    cpSync(template, out, { recursive: true });
    const child = spawn(process.execPath, [CLI, '-', '-c', CB, '--quiet', '-f', 'csv', '-o', out], { cwd: ROOT });
    child.stdin.write(readFileSync(DATA, 'utf8').split('\n')[0] + '\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ended = new Promise<string | null>((resolve) => child.on('close', (_status, s) => resolve(s)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(snapshot(out)).toEqual(oldSet);
    expect(leftovers(out)).toEqual([]);
  });
});
