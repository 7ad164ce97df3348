import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementText, goalLines, parseArgs } from '../run.mjs';

test('options: defaults, --quick, later flags win, bad values refused', () => {
  assert.deepEqual(parseArgs([]), { rows: 1_000_000, runs: 15, repeats: 3, seed: 1, profile: false, keep: false, build: true });
  assert.deepEqual(parseArgs(['--quick']), { rows: 100_000, runs: 5, repeats: 1, seed: 1, profile: false, keep: false, build: true });
  assert.equal(parseArgs(['--quick', '--rows', '5000']).rows, 5000);
  assert.equal(parseArgs(['--rows', '5000', '--quick']).rows, 100_000);
  assert.equal(parseArgs(['--rows=5000']).rows, 5000);
  assert.equal(parseArgs(['--seed', '0']).seed, 0);
  assert.equal(parseArgs(['-h']).help, true);
  assert.equal(parseArgs(['--no-build', '--keep', '--profile']).build, false);
  assert.throws(() => parseArgs(['--rows', '0']), /--rows must be a whole number >= 1/);
  assert.throws(() => parseArgs(['--rows', '1.5']), /whole number/);
  assert.throws(() => parseArgs(['--runs']), /needs a value/);
  assert.throws(() => parseArgs(['--seed', '-1']), /--seed must be a whole number >= 0/);
  assert.throws(() => parseArgs(['--fast']), /unknown option --fast \(see --help\)/);
  assert.throws(() => parseArgs(['--keep=yes']), /--keep takes no value/);
  assert.throws(() => parseArgs(['extra']), /unexpected argument extra/);
});

const base = {
  node0: { seconds: 0.06, rssMiB: 40 },
  startup: { seconds: 0.09, rssMiB: 60 },
  cli: { seconds: 2, rssMiB: 150 },
  pandas: { seconds: 12, rssMiB: 900 },
  cli2: { seconds: 4, rssMiB: 180 },
  rows: 1_000_000,
};

test('goals at their limits are met; just beyond, not met', () => {
  assert.deepEqual(goalLines(base).map((g) => g.met), [true, true, true, true]);
  const over = goalLines({
    ...base,
    startup: { seconds: 0.0901, rssMiB: 60 },
    cli: { seconds: 2.01, rssMiB: 150.1 },
    cli2: { seconds: 4, rssMiB: 150.1 * 1.21 },
  });
  assert.deepEqual(over.map((g) => g.met), [false, false, false, false]);
  assert.match(over[0].text, /1\.50x `node -e 0`/);
  assert.match(over[1].text, /export-shaped.*goal <= 1\/6/);
});

test('the aim of 1/8 is named when reached; the synthetic survey has its own goal of 1/3', () => {
  assert.match(goalLines({ ...base, cli: { seconds: 1.5, rssMiB: 100 } })[1].text, /aim reached/);
  assert.doesNotMatch(goalLines(base)[1].text, /aim reached/);
  const goals = goalLines({ ...base, synthetic: { cli: { seconds: 3 }, pandas: { seconds: 9 } } });
  assert.equal(goals.length, 5);
  assert.equal(goals[2].met, true);
  assert.match(goals[2].text, /synthetic survey.*0\.333 of pandas/);
  assert.equal(goalLines({ ...base, synthetic: { cli: { seconds: 3.01 }, pandas: { seconds: 9 } } })[2].met, false);
});

test('without peak RSS the memory goals are n/a; other row counts are named', () => {
  const goals = goalLines({ ...base, cli: { seconds: 3, rssMiB: null } });
  assert.equal(goals.length, 3);
  assert.equal(goals[2].met, null);
  assert.match(goalLines({ ...base, rows: 1000 })[2].text, /measured at 1,000 rows/);
});

test('agreement text: passed with the largest difference, failed with the figures', () => {
  const ok = agreementText({ compared: 3, maxDiff: 1e-12, worst: { path: 'x', cli: 1, ref: 1, diff: 1e-12 }, mismatches: [], skipped: [] });
  assert.equal(ok.ok, true);
  assert.match(ok.text, /\*\*passed\*\*: 3 figures compared.*1\.00e-12 at `x`/);
  const bad = agreementText({ compared: 3, maxDiff: 1, worst: { path: 'y', cli: 1, ref: 2, diff: 1 }, mismatches: [{ path: 'y', cli: 1, ref: 2, diff: 1 }], skipped: ['z'] });
  assert.equal(bad.ok, false);
  assert.match(bad.text, /\*\*FAILED\*\*/);
  assert.match(bad.text, /- `y`: CLI 1, pandas 2/);
  assert.match(bad.text, /not compared: z/);
});
