/**
 * The CLI as users run it (bin/survey-analyze.js, the bundle from its code cache) reads a CSV of
 * 32 MiB or more as two halves: with --threads 2 the second half is read by dist/range-worker.cjs
 * in a worker thread, with --threads 1 on the main thread, and the two reports are the same byte
 * for byte. The worker is observed from outside: a --require preload (tests/cli/watch-workers.cjs)
 * wraps worker_threads' Worker and writes each worker's script and message kinds to a file.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateExport } from '../../bench/generate-export.mjs';
import { ROOT, runCli } from './run-cli.js';

const CODEBOOK = `${ROOT}bench/export-codebook.json`;
const WATCH = `${ROOT}tests/cli/watch-workers.cjs`;
let dir = '';
let file = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'survey-analyze-threads-'));
  file = join(dir, 'export.csv');
  // 290,000 export-shaped rows: about 35 MB, just above the 32 MiB at which a file is split.
  (generateExport as (o: { rows: number; seed: number; file: string }) => number)({ rows: 290_000, seed: 3, file });
  expect(statSync(file).size).toBeGreaterThan(32 << 20);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyse(threads: string): { stdout: string; workers: string[] } {
  const log = join(dir, `workers-${threads}.log`);
  const result = runCli([file, '-c', CODEBOOK, '--format', 'json', '--quiet', '--threads', threads], {
    env: { NODE_OPTIONS: `--require ${WATCH}`, WATCH_WORKERS_LOG: log },
  });
  expect(result.status, result.stderr).toBe(0);
  let workers: string[] = [];
  try {
    workers = readFileSync(log, 'utf8').trim().split('\n').filter((line) => line !== '');
  } catch {
    // no worker started: no log
  }
  return { stdout: result.stdout, workers };
}

describe('--threads', () => {
  it('2 reads the second half in dist/range-worker.cjs; 1 starts no worker; the reports are byte-identical', () => {
    const two = analyse('2');
    const one = analyse('1');
    expect(two.workers).toEqual([`${ROOT}dist/range-worker.cjs done`]);
    expect(one.workers).toEqual([]);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout) as { input: { rowsRead: number; rows: number } };
    expect(report.input.rowsRead).toBe(290_000);
  }, 120_000);

  it('takes 1 or 2 only (exit 2)', () => {
    const result = runCli([file, '-c', CODEBOOK, '--threads', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--threads.*whole number from 1 to 2/);
  });
});
