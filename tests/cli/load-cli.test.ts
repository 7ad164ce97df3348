import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT, runCli } from './run-cli.js';

const LOADER = `${ROOT}bin/load-cli.cjs`;
const BUNDLE = `${ROOT}dist/cli.cjs`;
const CACHE = `${ROOT}dist/cli.cache`;
const scratch = mkdtempSync(join(tmpdir(), 'load-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * In a fresh `node` (no flags from the test runner, which would change V8's flag hash and so
 * the cache's validity): load `bundle` with `cache`, run the analysis of the bundled survey as
 * JSON, and report whether V8 was given a cache and whether it rejected it, with the output.
 */
function loadAndRun(bundle: string, cache: string | null): { given: boolean; rejected: boolean; stdout: string } {
  const program = `
    const { loadCli } = require(${JSON.stringify(LOADER)});
    const { cli, script } = loadCli(${JSON.stringify(bundle)}, ${JSON.stringify(cache)});
    const given = script.cachedDataRejected !== undefined;
    const rejected = script.cachedDataRejected === true;
    cli.main([${JSON.stringify(FIXTURE)}, '--format', 'json']).then((code) => {
      process.stderr.write(JSON.stringify({ code, given, rejected }));
    });`;
  const env = { ...process.env, NODE_OPTIONS: '' };
  const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  expect(child.status, child.stderr).toBe(0);
  const result = JSON.parse(child.stderr);
  expect(result.code).toBe(0);
  return { given: result.given, rejected: result.rejected, stdout: child.stdout };
}

describe('loading the bundle from its code cache (bin/load-cli.cjs)', () => {
  const expected = runCli([FIXTURE, '--format', 'json']).stdout;

  it('the build writes a cache that V8 accepts for the bundle, and the output is the same', () => {
    const run = loadAndRun(BUNDLE, CACHE);
    expect(run.given).toBe(true);
    expect(run.rejected).toBe(false);
    expect(run.stdout).toBe(expected);
  });

  it('without a cache, the bundle is compiled from source with the same output', () => {
    const run = loadAndRun(BUNDLE, join(scratch, 'no-such.cache'));
    expect(run.given).toBe(false);
    expect(run.stdout).toBe(expected);
  });

  it('a cache that cannot be read (a directory) is no cache: the bundle is compiled from source, with the same output', () => {
    const directory = join(scratch, 'cache-directory');
    mkdirSync(directory, { recursive: true });
    const run = loadAndRun(BUNDLE, directory);
    expect(run.given).toBe(false);
    expect(run.stdout).toBe(expected);
  });

  it('a cache that does not belong to the bundle is rejected by V8, with the same output', () => {
    const changed = join(scratch, 'changed.cjs');
    writeFileSync(changed, `${readFileSync(BUNDLE, 'utf8')}\n// another build\n`);
    const run = loadAndRun(changed, CACHE);
    expect(run.given).toBe(true);
    expect(run.rejected).toBe(true);
    expect(run.stdout).toBe(expected);
  });

  it('a missing bundle is one line saying how to build it, exit status 1', () => {
    const bin = join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    for (const file of ['survey-analyze.js', 'load-cli.cjs', 'package.json']) copyFileSync(`${ROOT}bin/${file}`, join(bin, file));
    const child = spawnSync(process.execPath, [join(bin, 'survey-analyze.js'), FIXTURE], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stderr).toBe(`survey-analyze: ${join(scratch, 'dist', 'cli.cjs')} is missing; build it with \`npm run build\` (npm ci does)\n`);
    expect(child.stdout).toBe('');
  });
});
