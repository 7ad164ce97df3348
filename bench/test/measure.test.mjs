import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { interleaved, measure, median, rssMethod } from '../measure.mjs';

const NODE = process.execPath;
// A child that touches 300 MB of memory outside the V8 heap, then reads its own peak.
const ALLOCATE = "const b = Buffer.alloc(300e6, 1); process.stdout.write(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])";

test('median of odd and even counts', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

for (const method of ['gnu-time', 'python-wait4']) {
  const available = method === 'gnu-time' ? rssMethod() === 'gnu-time' : existsSync('/usr/bin/python3');
  test(`${method}: the child's peak RSS equals its own VmHWM`, { skip: available ? false : `${method} not available` }, async (t) => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-test-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'out');
    const result = measure(NODE, ['-e', ALLOCATE], { stdout: out, method });
    assert.equal(result.status, 0, result.stderr);
    const hwm = Number(readFileSync(out, 'utf8'));
    assert.ok(hwm > 300e6 / 1024, `VmHWM ${hwm} KiB`);
    // The peak can only grow after the child read VmHWM (exit). Linux keeps per-thread RSS
    // counts that are folded into the process's lazily (tens of pages each), so ru_maxrss can
    // also come out up to about 1 MiB below the VmHWM read moments before (seen: 40 KiB).
    const SLACK_KIB = 1024;
    assert.ok(result.maxRssKiB >= hwm - SLACK_KIB && result.maxRssKiB < hwm * 1.05, `${result.maxRssKiB} KiB vs VmHWM ${hwm} KiB`);
    assert.ok(result.seconds > 0);
  });
}

test('the exit status of the child comes through the reaper', () => {
  for (const method of [rssMethod(), null]) {
    const result = measure(NODE, ['-e', 'process.exit(3)'], { method });
    assert.equal(result.status, 3);
  }
});

test('interleaved: runs each command the given number of times and gives medians', () => {
  const [a, b] = interleaved(
    [
      { command: NODE, args: ['-e', '0'] },
      { command: NODE, args: ['-e', 'setTimeout(() => {}, 150)'] },
    ],
    { runs: 3, warmup: 1 },
  );
  assert.equal(a.seconds.length, 3);
  assert.equal(b.seconds.length, 3);
  assert.ok(b.median > a.median + 0.1);
  assert.throws(() => interleaved([{ command: NODE, args: ['-e', 'process.exit(1)'] }], { runs: 1, warmup: 0 }), /exited with 1/);
});
