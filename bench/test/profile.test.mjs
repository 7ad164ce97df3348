import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUNDLE_GLUE, renderSummary, selfTimes, stageOf, summarizeProfile } from '../profile.mjs';

test('stages by source path and V8 pseudo-functions', () => {
  assert.equal(stageOf('node_modules/papaparse/papaparse.js', 'parse'), 'parse: papaparse');
  assert.equal(stageOf('node_modules/@stdlib/math-base-special-gammaln/lib/main.js', 'f'), 'library: @stdlib');
  assert.equal(stageOf('node_modules/commander/lib/command.js', 'f'), 'library: commander');
  assert.equal(stageOf('src/codebook/row-coder.ts', 'code'), 'coding (src/codebook)');
  assert.equal(stageOf('src/analysis/scale-accumulator.ts', 'add'), 'accumulate (src/analysis)');
  assert.equal(stageOf('src/stats/co-moments.ts', 'add'), 'statistics (src/stats)');
  assert.equal(stageOf('src/report/table-model.ts', 'f'), 'render (src/report)');
  assert.equal(stageOf('src/read/read-csv.ts', 'f'), 'read: decode, line numbers, row checks (src/read)');
  assert.equal(stageOf('node:internal/streams/readable', 'f'), 'node internals (module loading, streams, fs)');
  assert.equal(stageOf('', '(garbage collector)'), 'garbage collector');
  assert.equal(stageOf('', '(idle)'), 'idle (waiting for I/O)');
  assert.equal(stageOf('', 'decode'), 'V8 builtins / native');
  assert.equal(stageOf(BUNDLE_GLUE, '__require'), 'bundle glue (esbuild helpers)');
});

// A hand-made profile: root → main → {parse, code}; samples every 1000 µs.
const frame = (functionName, url, lineNumber = 0) => ({ functionName, scriptId: '1', url, lineNumber, columnNumber: 0 });
const PROFILE = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('main', 'file:///b/cli.js', 10), children: [3, 4] },
    { id: 3, callFrame: frame('parse', 'file:///b/cli.js', 20) },
    { id: 4, callFrame: frame('code', 'file:///b/cli.js', 30) },
    { id: 5, callFrame: frame('(garbage collector)', '') },
  ],
  samples: [3, 3, 4, 3, 5, 2],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
};
const SOURCES = { 10: 'src/cli/main.ts', 20: 'node_modules/papaparse/papaparse.js', 30: 'src/codebook/row-coder.ts' };
const locate = (f) => (f.url === 'file:///b/cli.js' ? { source: SOURCES[f.lineNumber], line: f.lineNumber + 1 } : null);

test('self time: each sample lasts until the next; the last gets the mean interval', () => {
  const self = selfTimes(PROFILE);
  assert.equal(self.get(3), 3000);
  assert.equal(self.get(4), 1000);
  assert.equal(self.get(5), 1000);
  assert.equal(self.get(2), 5000 / 6);
});

test('summary by stage, file and function, biggest first; render gives markdown tables', () => {
  const summary = summarizeProfile(PROFILE, locate);
  assert.ok(Math.abs(summary.totalUs - (5000 + 5000 / 6)) < 1e-9);
  assert.deepEqual(summary.stages.map((s) => [s.key, s.us]), [
    ['parse: papaparse', 3000],
    ['coding (src/codebook)', 1000],
    ['garbage collector', 1000],
    ['CLI (src/cli)', 5000 / 6],
  ]);
  assert.equal(summary.files[0].key, 'node_modules/papaparse/papaparse.js');
  assert.equal(summary.functions[0].name, 'parse');
  assert.equal(summary.functions[0].where, 'node_modules/papaparse/papaparse.js:21');
  const text = renderSummary(summary, 2);
  assert.match(text, /\| parse: papaparse \| 3 \| 51\.4 % \|/);
  assert.match(text, /Top 2 functions/);
  assert.equal((text.match(/^\| `/gm) ?? []).length, 2);
});
