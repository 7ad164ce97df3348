import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { helpText, readOptions, wholeNumber } from '../args.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = { rows: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

test('options come back in command-line order, with the flag as typed', () => {
  assert.deepEqual(readOptions(['--rows', '5', '-h', '--keep', '--rows=7'], SPEC), [
    { name: 'rows', flag: '--rows', value: '5' },
    { name: 'help', flag: '-h', value: true },
    { name: 'keep', flag: '--keep', value: true },
    { name: 'rows', flag: '--rows', value: '7' },
  ]);
  assert.deepEqual(readOptions([], SPEC), []);
  assert.deepEqual(readOptions(['--'], SPEC), []);
});

test('unknown options, missing values, values on flags and stray arguments are refused', () => {
  assert.throws(() => readOptions(['--fast'], SPEC), { message: 'unknown option --fast' });
  assert.throws(() => readOptions(['-x'], SPEC, ' (see --help)'), { message: 'unknown option -x (see --help)' });
  assert.throws(() => readOptions(['--keep', '--rows'], SPEC), { message: '--rows needs a value' });
  assert.throws(() => readOptions(['--keep=yes'], SPEC), { message: '--keep takes no value' });
  assert.throws(() => readOptions(['data.csv'], SPEC), { message: 'unexpected argument data.csv' });
  assert.throws(() => readOptions(['--', '--rows'], SPEC), { message: 'unexpected argument --rows' });
  assert.throws(() => readOptions(['--constructor'], SPEC), { message: 'unknown option --constructor' });
});

test('whole numbers: at least min, no fractions, no empty text', () => {
  assert.equal(wholeNumber('--rows', '1000', 1), 1000);
  assert.equal(wholeNumber('--rows', '1e6', 1), 1_000_000);
  assert.equal(wholeNumber('--seed', '-3'), -3);
  assert.equal(wholeNumber('--seed', '0', 0), 0);
  assert.throws(() => wholeNumber('--rows', '0', 1), { message: '--rows must be a whole number >= 1' });
  assert.throws(() => wholeNumber('--rows', '2.5', 1), { message: '--rows must be a whole number >= 1' });
  assert.throws(() => wholeNumber('--seed', 'x'), { message: '--seed must be a whole number' });
  assert.throws(() => wholeNumber('--seed', ' '), { message: '--seed must be a whole number' });
  assert.throws(() => wholeNumber('--seed', '1e300'), { message: '--seed must be a whole number' });
});

test('help is the first doc comment without its " * " margins', () => {
  const text = helpText(new URL('../generate-data.mjs', import.meta.url));
  assert.match(text, /^A seeded synthetic survey/);
  assert.match(text, /\nUsage: node bench\/generate-data\.mjs \[--rows 1000000\]/);
  assert.doesNotMatch(text, /^ \*/m);
});

test('the scripts: --help prints the usage; bad options exit 2 (generate-data) or 1 with the message', () => {
  const run = (script, args) => spawnSync(process.execPath, [join(BENCH, script), ...args], { encoding: 'utf8' });
  for (const script of ['generate-data.mjs', 'profile.mjs', 'run.mjs']) {
    const help = run(script, ['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, new RegExp(`Usage: node bench/${script.replace('.', '\\.')}`));
  }
  const generate = run('generate-data.mjs', ['--rows', '10']);
  assert.equal(generate.status, 2);
  assert.equal(generate.stderr, 'generate-data: --out <file> is required\n');
  assert.equal(run('generate-data.mjs', ['--seed', '1.5', '--out', '/nonexistent/x.csv']).stderr, 'generate-data: --seed must be a whole number\n');
  const profile = run('profile.mjs', ['--top', '0']);
  assert.equal(profile.status, 1);
  assert.equal(profile.stderr, 'profile: --top must be a whole number >= 1\n');
  assert.equal(run('profile.mjs', ['--startup', '--data', 'x.csv']).stderr, 'profile: --startup profiles the bundled survey: it takes no --data\n');
  const bench = run('run.mjs', ['--fast']);
  assert.equal(bench.status, 1);
  assert.equal(bench.stderr, '[bench] unknown option --fast (see --help)\n');
});
